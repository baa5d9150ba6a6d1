namespace CaseFlow.Workflows.Feel;

/// <summary>List built-ins. Every one returns a new list; lists passed in are never changed.</summary>
internal static class ListFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("list contains", "list, element", (a, e) => Args.List(a[0]) is { } l ? Boxes.Bool(Ops.ListContains(l, a[1])) : Args.Invalid(e, "list contains", a));
        r.Add("count", "list", (a, e) => Args.List(a[0]) is { } l ? (decimal)l.Count : Args.Invalid(e, "count", a));
        r.Add("min", "list...", (a, e) => Extreme(a, e, "min", -1));
        r.Add("max", "list...", (a, e) => Extreme(a, e, "max", 1));
        r.Add("sum", "list...", (a, e) => Sum(Args.Items(a), e, "sum") is var (sum, _) ? sum : null);
        r.Add("mean", "list...", (a, e) => Sum(Args.Items(a), e, "mean") is var (sum, n) && sum is not null ? Ops.Divide(sum, (decimal)n, e) : null);
        r.Add("all", "list...", (a, e) => Logic(Args.Items(a), e, "all", decisive: false));
        r.Add("any", "list...", (a, e) => Logic(Args.Items(a), e, "any", decisive: true));
        r.Add("append", "list, item...", (a, e) => Args.List(a[0]) is { } l ? new List<object?>([.. l, .. a.Skip(1)]) : Args.Invalid(e, "append", a));
        r.Add("concatenate", "list...", Concatenate);
        r.Add("distinct values", "list", (a, e) => Args.List(a[0]) is { } l ? Distinct(l) : Args.Invalid(e, "distinct values", a));
        r.Add("flatten", "list", (a, e) => Args.List(a[0]) is { } l ? Flatten(l, new List<object?>()) : Args.Invalid(e, "flatten", a));
        r.Add("index of", "list, match", (a, e) => Args.List(a[0]) is { } l ? IndexOf(l, a[1]) : Args.Invalid(e, "index of", a));
        r.Add("reverse", "list", (a, e) => Args.List(a[0]) is { } l ? l.Reverse().ToList() : Args.Invalid(e, "reverse", a));
        r.Add("sort", "list, precedes?", Sort);
        r.Add("sublist", "list, start position, length?", Sublist);
    }

    private static object? Extreme(object?[] a, Env e, string name, int sign)
    {
        var items = Args.Items(a);
        if (items.Count == 0) return null;
        var best = FeelValue.Import(items[0]);
        for (var i = 1; i < items.Count; i++)
        {
            var item = FeelValue.Import(items[i]);
            if (Ops.Compare(item, best) is not { } c)
                return e.Fail($"Function '{name}': cannot compare {FeelValue.TypeName(item)} with {FeelValue.TypeName(best)}");
            if (Math.Sign(c) == sign) best = item;
        }
        return items.Count == 1 && Ops.Compare(best, best) is null ? e.Fail($"Function '{name}': {FeelValue.TypeName(best)} has no order") : best;
    }

    /// <summary>The sum and count of a list of numbers; null sum for an empty list or a non-number.</summary>
    private static (object? Sum, int Count) Sum(IReadOnlyList<object?> items, Env e, string name)
    {
        if (items.Count == 0) return (null, 0);
        object? total = 0m;
        foreach (var item in items)
        {
            var number = FeelValue.Import(item);
            if (!Numbers.IsNumber(number)) return (e.Fail($"Function '{name}': {FeelValue.TypeName(item)} is not a number"), 0);
            // Ops.Add stays in decimal while that is exact and moves to decimal128 when it is not.
            if ((total = Ops.Add(total, number, e)) is null) return (null, 0);
        }
        return (total, items.Count);
    }

    /// <summary>all/any: the decisive value wins (false for all, true for any); null if no decision and a non-boolean.</summary>
    private static object? Logic(IReadOnlyList<object?> items, Env e, string name, bool decisive)
    {
        var unknown = false;
        foreach (var item in items)
        {
            if (item is bool b && b == decisive) return Boxes.Bool(decisive);
            unknown |= item is not bool;
        }
        return unknown ? null : Boxes.Bool(!decisive);
    }

    private static object? Concatenate(object?[] a, Env e)
    {
        var result = new List<object?>();
        foreach (var arg in a)
        {
            if (Args.List(arg) is not { } l) return Args.Invalid(e, "concatenate", a);
            result.AddRange(l);
        }
        return result;
    }

    private static List<object?> Distinct(IReadOnlyList<object?> list)
    {
        var result = new List<object?>();
        foreach (var item in list)
        {
            if (!Ops.ListContains(result, item)) result.Add(item);
        }
        return result;
    }

    private static List<object?> Flatten(IReadOnlyList<object?> list, List<object?> into)
    {
        foreach (var item in list)
        {
            if (Args.List(item) is { } inner) Flatten(inner, into);
            else into.Add(item);
        }
        return into;
    }

    private static List<object?> IndexOf(IReadOnlyList<object?> list, object? match)
    {
        var positions = new List<object?>();
        for (var i = 0; i < list.Count; i++)
        {
            if (Ops.Equal(list[i], match) == true) positions.Add((decimal)(i + 1));
        }
        return positions;
    }

    private static object? Sublist(object?[] a, Env e)
    {
        if (Args.List(a[0]) is not { } list || !Args.TryInt(a[1], out var start) || (a.Has(2) && !Args.TryInt(a[2], out _)))
            return Args.Invalid(e, "sublist", a);
        var from = start > 0 ? start - 1 : list.Count + start;
        if (start == 0 || from < 0 || from >= list.Count)
            return e.Fail($"Function 'sublist': start position {start} is outside a list of {list.Count}");
        var take = list.Count - from;
        if (a.Has(2) && Args.TryInt(a[2], out var length))
        {
            if (length < 0) return e.Fail("Function 'sublist': length must not be negative");
            take = Math.Min(take, length);
        }
        return list.Skip(from).Take(take).ToList();
    }

    /// <summary>Stable merge sort driven only by "precedes", so a FEEL function needs just one call per comparison.</summary>
    private static object? Sort(object?[] a, Env e)
    {
        if (Args.List(a[0]) is not { } list) return Args.Invalid(e, "sort", a);
        Func<object?, object?, bool?> precedes;
        if (a.Arg(1) is FeelFunction f) precedes = (x, y) => f.Invoke([x, y], e) is bool b ? b : null;
        else if (a.Has(1)) return Args.Invalid(e, "sort", a);
        else precedes = (x, y) => Ops.Compare(x, y) is { } c ? c < 0 : null;
        var items = list.ToArray();
        var failed = false;
        var sorted = MergeSort(items, (x, y) =>
        {
            // x goes first unless y strictly precedes it, which keeps equal items in their original order.
            var yFirst = precedes(y, x);
            failed |= yFirst is null;
            return yFirst != true;
        });
        return failed ? e.Fail("Function 'sort': items could not be ordered") : sorted;
    }

    private static List<object?> MergeSort(object?[] items, Func<object?, object?, bool> leftFirst)
    {
        if (items.Length <= 1) return [.. items];
        var mid = items.Length / 2;
        var left = MergeSort(items[..mid], leftFirst);
        var right = MergeSort(items[mid..], leftFirst);
        var merged = new List<object?>(items.Length);
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count) merged.Add(leftFirst(left[i], right[j]) ? left[i++] : right[j++]);
        while (i < left.Count) merged.Add(left[i++]);
        while (j < right.Count) merged.Add(right[j++]);
        return merged;
    }
}
