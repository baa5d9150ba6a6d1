using System.Text;

namespace CaseFlow.Workflows.Feel;

/// <summary>String built-ins. Positions and lengths count Unicode code points, as FEEL specifies, not UTF-16 units.</summary>
internal static class StringFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("string length", "string", (a, e) => a[0] is string s ? (decimal)CodePointCount(s) : Args.Invalid(e, "string length", a));
        r.Add("substring", "string, start position, length?", Substring);
        r.Add("upper case", "string", (a, e) => a[0] is string s ? s.ToUpperInvariant() : Args.Invalid(e, "upper case", a));
        r.Add("lower case", "string", (a, e) => a[0] is string s ? s.ToLowerInvariant() : Args.Invalid(e, "lower case", a));
        r.Add("contains", "string, match", (a, e) => Pair(a, e, "contains", (s, m) => Boxes.Bool(s.Contains(m, StringComparison.Ordinal))));
        r.Add("starts with", "string, match", (a, e) => Pair(a, e, "starts with", (s, m) => Boxes.Bool(s.StartsWith(m, StringComparison.Ordinal))));
        r.Add("ends with", "string, match", (a, e) => Pair(a, e, "ends with", (s, m) => Boxes.Bool(s.EndsWith(m, StringComparison.Ordinal))));
        r.Add("substring before", "string, match", (a, e) => Pair(a, e, "substring before", (s, m) => s.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? s[..i] : ""));
        r.Add("substring after", "string, match", (a, e) => Pair(a, e, "substring after", (s, m) => s.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? s[(i + m.Length)..] : ""));
        r.Add("matches", "input, pattern, flags?", Matches);
        r.Add("replace", "input, pattern, replacement, flags?", Replace);
        r.Add("split", "string, delimiter", Split);
        r.Add("string join", "list, delimiter?", Join);
    }

    private static object? Pair(object?[] a, Env e, string name, Func<string, string, object?> f) =>
        a[0] is string s && a[1] is string m ? f(s, m) : Args.Invalid(e, name, a);

    internal static int CodePointCount(string s)
    {
        var count = s.Length;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c)) count--;
        }
        return count;
    }

    private static object? Substring(object?[] a, Env e)
    {
        if (a[0] is not string s || a[1] is not decimal start || (a.Has(2) && a[2] is not decimal))
            return Args.Invalid(e, "substring", a);
        var runes = s.EnumerateRunes().ToArray();
        var n = runes.Length;
        // 1-based from the start, or counting back from the end when negative (-1 is the last character).
        var from = start > 0 ? decimal.Truncate(start) - 1 : n + decimal.Truncate(start);
        if (start == 0 || from < 0 || from > n) return e.Fail($"Function 'substring': start position {FeelValue.FormatNumber(start)} is outside \"{s}\"");
        var take = n - (int)from;
        if (a.Arg(2) is decimal length)
        {
            if (length < 0) return e.Fail("Function 'substring': length must not be negative");
            take = (int)Math.Min(take, decimal.Truncate(length));
        }
        var sb = new StringBuilder();
        foreach (var rune in runes.AsSpan((int)from, take)) sb.Append(rune.ToString());
        return sb.ToString();
    }

    private static object? Matches(object?[] a, Env e)
    {
        if (a[0] is not string input || a[1] is not string pattern || (a.Has(2) && a[2] is not string)) return Args.Invalid(e, "matches", a);
        var regex = FeelRegex.Get(pattern, a.Arg(2) as string, "matches", e);
        return regex is null ? null : FeelRegex.Run("matches", e, () => Boxes.Bool(regex.IsMatch(input)));
    }

    private static object? Replace(object?[] a, Env e)
    {
        if (a[0] is not string input || a[1] is not string pattern || a[2] is not string replacement || (a.Has(3) && a[3] is not string))
            return Args.Invalid(e, "replace", a);
        var flags = a.Arg(3) as string;
        var regex = FeelRegex.Get(pattern, flags, "replace", e);
        if (regex is null) return null;
        var with = flags?.Contains('q') == true ? replacement.Replace("$", "$$", StringComparison.Ordinal) : FeelRegex.Replacement(replacement);
        return FeelRegex.Run("replace", e, () => regex.Replace(input, with));
    }

    private static object? Split(object?[] a, Env e)
    {
        if (a[0] is not string input || a[1] is not string delimiter) return Args.Invalid(e, "split", a);
        var regex = FeelRegex.Get(delimiter, null, "split", e);
        if (regex is null) return null;
        return FeelRegex.Run("split", e, () =>
        {
            // Not Regex.Split: it would also return the text of capture groups in the delimiter.
            var parts = new List<object?>();
            var at = 0;
            foreach (var m in regex.Matches(input).Where(m => m.Length > 0))
            {
                parts.Add(input[at..m.Index]);
                at = m.Index + m.Length;
            }
            parts.Add(input[at..]);
            return parts;
        });
    }

    private static object? Join(object?[] a, Env e)
    {
        if (Args.List(a[0]) is not { } list || (a.Has(1) && a[1] is not string)) return Args.Invalid(e, "string join", a);
        var parts = new List<string>();
        foreach (var item in list)
        {
            switch (item)
            {
                case null: continue;
                case string s: parts.Add(s); break;
                default: return e.Fail($"Function 'string join': list contains a {FeelValue.TypeName(item)}, not a string");
            }
        }
        return string.Join(a.Arg(1) as string ?? "", parts);
    }
}
