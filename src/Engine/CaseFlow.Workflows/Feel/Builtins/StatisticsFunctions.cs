namespace CaseFlow.Workflows.Feel;

/// <summary>product, median, stddev (sample), mode: over one list or the numbers themselves.</summary>
internal static class StatisticsFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("product", "list...", (a, e) => Numbers(a, e, "product") is { Length: > 0 } n ? Checked(e, "product", () => n.Aggregate(1m, (p, x) => p * x)) : null);
        r.Add("median", "list...", Median);
        r.Add("stddev", "list...", StdDev);
        r.Add("mode", "list...", Mode);
    }

    /// <summary>The numbers, or null (with a warning) when an item is not a number.</summary>
    private static decimal[]? Numbers(object?[] a, Env e, string name)
    {
        var items = Args.Items(a);
        var result = new decimal[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (FeelValue.Import(items[i]) is not decimal d)
            {
                e.Fail($"Function '{name}': {FeelValue.TypeName(items[i])} is not a number");
                return null;
            }
            result[i] = d;
        }
        return result;
    }

    private static object? Checked(Env e, string name, Func<decimal> compute)
    {
        try { return compute(); }
        catch (OverflowException) { return e.Fail($"Function '{name}': numeric overflow"); }
    }

    private static object? Median(object?[] a, Env e)
    {
        if (Numbers(a, e, "median") is not { Length: > 0 } n) return null;
        Array.Sort(n);
        var mid = n.Length / 2;
        return n.Length % 2 == 1 ? n[mid] : (n[mid - 1] + n[mid]) / 2;
    }

    private static object? StdDev(object?[] a, Env e)
    {
        if (Numbers(a, e, "stddev") is not { } n) return null;
        if (n.Length < 2) return e.Fail("Function 'stddev': needs at least two numbers");
        return Checked(e, "stddev", () =>
        {
            var mean = n.Sum() / n.Length;
            var variance = n.Sum(x => (x - mean) * (x - mean)) / (n.Length - 1);
            return NumericFunctions.SquareRoot(variance);
        });
    }

    /// <summary>The most frequent numbers, ascending; an empty list for no input.</summary>
    private static object? Mode(object?[] a, Env e)
    {
        if (Numbers(a, e, "mode") is not { } n) return null;
        if (n.Length == 0) return new List<object?>();
        var groups = n.GroupBy(x => x).Select(g => (Value: g.Key, Count: g.Count())).ToList();
        var top = groups.Max(g => g.Count);
        return groups.Where(g => g.Count == top).Select(g => g.Value).Order().Select(v => (object?)v).ToList();
    }
}
