namespace CaseFlow.Workflows.Feel;

/// <summary>
/// The range functions of DMN 1.5, 10.3.4.9 (before, after, meets, overlaps, includes, ...), on points and
/// ranges. A null endpoint is unbounded. One body per function dispatches on point/range, so the
/// spec's parameter names (point1/range1...) all name the same two positions.
/// </summary>
internal static class RangeFunctions
{
    private delegate bool? Relation(object? a, object? b);

    public static void Register(BuiltinRegistry r)
    {
        Add(r, "before", Before);
        Add(r, "after", (a, b) => Before(b, a));
        Add(r, "meets", (a, b) => a is FeelRange x && b is FeelRange y ? Both(x.EndIncluded && y.StartIncluded, Eq(x.End, y.Start)) : null);
        Add(r, "met by", (a, b) => a is FeelRange x && b is FeelRange y ? Both(y.EndIncluded && x.StartIncluded, Eq(y.End, x.Start)) : null);
        Add(r, "overlaps", Overlaps);
        Add(r, "overlaps before", OverlapsBefore);
        Add(r, "overlaps after", (a, b) => OverlapsBefore(b, a));
        Add(r, "finishes", Finishes);
        Add(r, "finished by", (a, b) => Finishes(b, a));
        Add(r, "includes", Includes);
        Add(r, "during", (a, b) => Includes(b, a));
        Add(r, "starts", Starts);
        Add(r, "started by", (a, b) => Starts(b, a));
        Add(r, "coincides", Coincides);
    }

    private static void Add(BuiltinRegistry r, string name, Relation relation)
    {
        BuiltinBody body = (a, e) => a[0] is null || a[1] is null ? null
            : relation(a[0], a[1]) is { } result ? Boxes.Bool(result) : Args.Invalid(e, name, a);
        foreach (var parameters in new[] { "point1, point2", "point, range", "range, point", "range1, range2" }) r.Add(name, parameters, body);
    }

    // Endpoint comparisons; unbounded starts sort before everything and unbounded ends after it.
    private static int? Cmp(object? a, bool aIsStart, object? b, bool bIsStart)
    {
        if (a is null && b is null) return aIsStart == bIsStart ? 0 : aIsStart ? -1 : 1;
        if (a is null) return aIsStart ? -1 : 1;
        if (b is null) return bIsStart ? 1 : -1;
        return Ops.Compare(a, b);
    }

    private static bool? Eq(object? a, object? b) => a is null || b is null ? false : Ops.Compare(a, b) is { } c ? c == 0 : null;

    private static bool? Both(bool a, bool? b) => b is null ? null : a && b.Value;

    private static bool? Lt(int? c) => c is { } v ? v < 0 : null;

    private static bool? Before(object? a, object? b)
    {
        switch (a, b)
        {
            case (FeelRange x, FeelRange y):
                return Cmp(x.End, false, y.Start, true) is not { } c ? null : c < 0 || (c == 0 && x.End is not null && (!x.EndIncluded || !y.StartIncluded));
            case (FeelRange x, _):
                return Cmp(x.End, false, b, true) is not { } c1 ? null : c1 < 0 || (c1 == 0 && !x.EndIncluded);
            case (_, FeelRange y):
                return Cmp(a, false, y.Start, true) is not { } c2 ? null : c2 < 0 || (c2 == 0 && !y.StartIncluded);
            default:
                return Lt(Ops.Compare(a, b));
        }
    }

    private static bool? Overlaps(object? a, object? b)
    {
        if (a is not FeelRange x || b is not FeelRange y) return null;
        if (Cmp(x.End, false, y.Start, true) is not { } c1 || Cmp(x.Start, true, y.End, false) is not { } c2) return null;
        return (c1 > 0 || (c1 == 0 && x.EndIncluded && y.StartIncluded)) && (c2 < 0 || (c2 == 0 && x.StartIncluded && y.EndIncluded));
    }

    private static bool? OverlapsBefore(object? a, object? b)
    {
        if (a is not FeelRange x || b is not FeelRange y) return null;
        if (Cmp(x.Start, true, y.Start, true) is not { } s || Cmp(x.End, false, y.Start, true) is not { } m || Cmp(x.End, false, y.End, false) is not { } en) return null;
        return (s < 0 || (s == 0 && x.StartIncluded && !y.StartIncluded))
            && (m > 0 || (m == 0 && x.EndIncluded && y.StartIncluded))
            && (en < 0 || (en == 0 && (!x.EndIncluded || y.EndIncluded)));
    }

    private static bool? Finishes(object? a, object? b)
    {
        if (b is not FeelRange y) return null;
        if (a is not FeelRange x) return y.EndIncluded ? Eq(y.End, a) : false;
        if (Cmp(x.End, false, y.End, false) is not { } en || Cmp(x.Start, true, y.Start, true) is not { } s) return null;
        return x.EndIncluded == y.EndIncluded && en == 0 && (s > 0 || (s == 0 && (!x.StartIncluded || y.StartIncluded)));
    }

    private static bool? Includes(object? a, object? b)
    {
        if (a is not FeelRange x) return null;
        if (b is not FeelRange y) return x.Contains(b);
        if (Cmp(x.Start, true, y.Start, true) is not { } s || Cmp(x.End, false, y.End, false) is not { } en) return null;
        return (s < 0 || (s == 0 && (x.StartIncluded || !y.StartIncluded))) && (en > 0 || (en == 0 && (x.EndIncluded || !y.EndIncluded)));
    }

    private static bool? Starts(object? a, object? b)
    {
        if (b is not FeelRange y) return null;
        if (a is not FeelRange x) return y.StartIncluded ? Eq(y.Start, a) : false;
        if (Cmp(x.Start, true, y.Start, true) is not { } s || Cmp(x.End, false, y.End, false) is not { } en) return null;
        return x.StartIncluded == y.StartIncluded && s == 0 && (en < 0 || (en == 0 && (!x.EndIncluded || y.EndIncluded)));
    }

    private static bool? Coincides(object? a, object? b)
    {
        if (a is FeelRange x && b is FeelRange y)
        {
            if (Cmp(x.Start, true, y.Start, true) is not { } s || Cmp(x.End, false, y.End, false) is not { } en) return null;
            return s == 0 && en == 0 && x.StartIncluded == y.StartIncluded && x.EndIncluded == y.EndIncluded;
        }
        if (a is FeelRange || b is FeelRange) return null;
        return Ops.Compare(a, b) is { } c ? c == 0 : null;
    }
}
