using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Dmn;

/// <summary>The TCK's comparison rules: numbers by value (the expected decimals are often printed from
/// doubles, so the last of 15 digits may differ), temporals by value, lists and contexts deeply.</summary>
public static class TckComparison
{
    public static bool Same(object? expected, object? actual, out string why)
    {
        why = "";
        actual = FeelValue.Import(actual);
        switch (expected)
        {
            case null when actual is null:
                return true;
            case null:
                why = $"expected null, got {Show(actual)}";
                return false;
            case decimal e when actual is decimal a:
                if (e == a || Math.Abs(e - a) <= 1e-12m * Math.Max(1m, Math.Abs(e))) return true;
                why = $"expected {e}, got {a}";
                return false;
            case IReadOnlyDictionary<string, object?> e when actual is IReadOnlyDictionary<string, object?> a:
                foreach (var (key, value) in e)
                {
                    if (!a.TryGetValue(key, out var got)) { why = $"missing entry '{key}' in {Show(actual)}"; return false; }
                    if (!Same(value, got, out var inner)) { why = $"{key}: {inner}"; return false; }
                }
                if (a.Count != e.Count) { why = $"expected {e.Count} entries, got {Show(actual)}"; return false; }
                return true;
            case IReadOnlyList<object?> e when actual is IReadOnlyList<object?> a and not IReadOnlyDictionary<string, object?>:
                if (e.Count != a.Count) { why = $"expected {e.Count} items, got {Show(actual)}"; return false; }
                for (var i = 0; i < e.Count; i++)
                {
                    if (!Same(e[i], a[i], out var inner)) { why = $"[{i + 1}]: {inner}"; return false; }
                }
                return true;
            default:
                if (FeelValue.FeelEquals(expected, actual) == true) return true;
                why = $"expected {Show(expected)}, got {Show(actual)}";
                return false;
        }
    }

    private static string Show(object? value) => value is string s ? $"\"{s}\"" : FeelValue.ToFeelString(value) ?? "null";
}
