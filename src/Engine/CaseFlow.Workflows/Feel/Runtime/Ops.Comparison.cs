namespace CaseFlow.Workflows.Feel;

/// <summary>
/// FEEL operator semantics on plain values. Each operator tries the common case (two decimals, two
/// strings) before importing host values and matching the rest, so conditions stay cheap.
/// </summary>
internal static partial class Ops
{
    /// <summary>
    /// Ordering for &lt;, &lt;=, &gt;, &gt;= and ranges. Null when either side is null or the two values
    /// have no common order (FEEL then yields null).
    /// </summary>
    public static int? Compare(object? a, object? b)
    {
        if (a is decimal x && b is decimal y) return x.CompareTo(y);
        if (a is null || b is null) return null;
        a = FeelValue.Import(a);
        b = FeelValue.Import(b);
        return a switch
        {
            decimal or FeelNumber when Numbers.IsNumber(b) => Numbers.Compare(a, b!),
            string s when b is string t => Math.Sign(string.CompareOrdinal(s, t)),
            DateOnly d when b is DateOnly e => d.CompareTo(e),
            DateOnly or FeelDate when b is DateOnly or FeelDate => FeelDate.DayNumberOf(a).CompareTo(FeelDate.DayNumberOf(b)),
            FeelDateTime d when b is FeelDateTime e => d.InstantTicks.CompareTo(e.InstantTicks),
            FeelTime t when b is FeelTime u => t.UtcTicksOfDay.CompareTo(u.UtcTicksOfDay),
            TimeSpan t when b is TimeSpan u => t.CompareTo(u),
            YearsMonthsDuration m when b is YearsMonthsDuration n => m.CompareTo(n),
            _ => null,
        };
    }

    /// <summary>
    /// FEEL <c>=</c>. Null equals only null; values of different kinds give null (not false), and
    /// lists and contexts compare element by element.
    /// </summary>
    public static bool? Equal(object? a, object? b)
    {
        if (a is string s1 && b is string s2) return string.Equals(s1, s2, StringComparison.Ordinal);
        if (a is decimal d1 && b is decimal d2) return d1 == d2;
        if (a is null || b is null) return a is null && b is null;
        if (ReferenceEquals(a, b)) return true;
        a = FeelValue.Import(a);
        b = FeelValue.Import(b);
        return a switch
        {
            decimal or FeelNumber when Numbers.IsNumber(b) => Numbers.Compare(a, b!) == 0,
            string x when b is string y => string.Equals(x, y, StringComparison.Ordinal),
            bool x when b is bool y => x == y,
            DateOnly x when b is DateOnly y => x == y,
            DateOnly or FeelDate when b is DateOnly or FeelDate => FeelDate.DayNumberOf(a) == FeelDate.DayNumberOf(b),
            FeelDateTime x when b is FeelDateTime y => x.InstantTicks == y.InstantTicks,
            FeelTime x when b is FeelTime y => x.UtcTicksOfDay == y.UtcTicksOfDay,
            TimeSpan x when b is TimeSpan y => x == y,
            YearsMonthsDuration x when b is YearsMonthsDuration y => x == y,
            FeelRange x when b is FeelRange y => RangesEqual(x, y),
            FeelFunction => false,
            IReadOnlyDictionary<string, object?> x when b is IReadOnlyDictionary<string, object?> y => ContextsEqual(x, y),
            IReadOnlyList<object?> x when b is IReadOnlyList<object?> y => ListsEqual(x, y),
            _ => null,
        };
    }

    private static bool? ListsEqual(IReadOnlyList<object?> x, IReadOnlyList<object?> y)
    {
        if (x.Count != y.Count) return false;
        var unknown = false;
        for (var i = 0; i < x.Count; i++)
        {
            var e = Equal(x[i], y[i]);
            if (e == false) return false;
            unknown |= e is null;
        }
        return unknown ? null : true;
    }

    private static bool? ContextsEqual(IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y)
    {
        if (x.Count != y.Count) return false;
        var unknown = false;
        foreach (var (key, value) in x)
        {
            if (!y.TryGetValue(key, out var other)) return false;
            var e = Equal(value, other);
            if (e == false) return false;
            unknown |= e is null;
        }
        return unknown ? null : true;
    }

    private static bool? RangesEqual(FeelRange x, FeelRange y)
    {
        if (x.StartIncluded != y.StartIncluded || x.EndIncluded != y.EndIncluded) return false;
        var start = Equal(x.Start, y.Start);
        var end = Equal(x.End, y.End);
        if (start == false || end == false) return false;
        return start is null || end is null ? null : true;
    }

    /// <summary>Whether the list contains <paramref name="value"/> by FEEL equality.</summary>
    public static bool ListContains(IReadOnlyList<object?> list, object? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (Equal(list[i], value) == true) return true;
        }
        return false;
    }
}
