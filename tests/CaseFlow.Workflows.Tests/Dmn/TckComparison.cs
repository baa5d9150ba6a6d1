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
            case decimal or FeelNumber when Number(actual) is { } got:
                var want = Number(expected)!.Value;
                if (Close(want, got)) return true;
                why = $"expected {want}, got {got}";
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

    private static FeelNumber? Number(object? value) => value switch
    {
        decimal d => FeelNumber.FromDecimal(d),
        FeelNumber n => n,
        _ => null,
    };

    private static readonly FeelNumber Tolerance = FeelNumber.FromDecimal(1e-12m);

    /// <summary>Equal, or within 1e-12 relative (absolute below 1): the TCK prints many results with a double's digits.</summary>
    private static bool Close(FeelNumber expected, FeelNumber actual)
    {
        if (expected == actual) return true;
        var scale = FeelNumber.Abs(expected) > FeelNumber.One ? FeelNumber.Abs(expected) : FeelNumber.One;
        return FeelNumber.Subtract(expected, actual) is { } difference && FeelNumber.Multiply(Tolerance, scale) is { } bound && FeelNumber.Abs(difference) <= bound;
    }

    private static string Show(object? value) => value is string s ? $"\"{s}\"" : FeelValue.ToFeelString(value) ?? "null";
}
