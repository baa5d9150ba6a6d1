using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Values;

/// <summary>Deep equality of variable values (lists and contexts by content), for change detection.</summary>
public static class ValueEquality
{
    public static bool AreEqual(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        switch (a)
        {
            case decimal x when b is decimal y: return x == y;
            // A host may box a FeelNumber that a decimal could hold; compare such pairs by value.
            case decimal or FeelNumber when b is decimal or FeelNumber:
                return Numbers.Compare(a, b) == 0;
            case IReadOnlyDictionary<string, object?> x when b is IReadOnlyDictionary<string, object?> y:
                if (x.Count != y.Count) return false;
                foreach (var (key, value) in x)
                {
                    if (!y.TryGetValue(key, out var other) || !AreEqual(value, other)) return false;
                }
                return true;
            case IReadOnlyList<object?> x when b is IReadOnlyList<object?> y:
                if (x.Count != y.Count) return false;
                for (var i = 0; i < x.Count; i++)
                {
                    if (!AreEqual(x[i], y[i])) return false;
                }
                return true;
            default: return a.Equals(b);
        }
    }
}
