namespace CaseFlow.Workflows.Feel;

/// <summary>product, median, stddev (sample), mode: over one list or the numbers themselves, in decimal128.</summary>
internal static class StatisticsFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("product", "list...", Product);
        r.Add("median", "list...", Median);
        r.Add("stddev", "list...", StdDev);
        r.Add("mode", "list...", Mode);
    }

    /// <summary>The numbers, or null (with a warning) when an item is not a number.</summary>
    private static FeelNumber[]? Numbers(object?[] a, Env e, string name)
    {
        var items = Args.Items(a);
        var result = new FeelNumber[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (!Feel.Numbers.TryGet(FeelValue.Import(items[i]), out result[i]))
            {
                e.Fail($"Function '{name}': {FeelValue.TypeName(items[i])} is not a number");
                return null;
            }
        }
        return result;
    }

    private static object? Product(object?[] a, Env e)
    {
        if (Numbers(a, e, "product") is not { Length: > 0 } n) return null;
        FeelNumber? product = FeelNumber.One;
        foreach (var x in n) product = product is { } p ? FeelNumber.Multiply(p, x) : null;
        return Feel.Numbers.Result(product, "product", e);
    }

    private static object? Median(object?[] a, Env e)
    {
        if (Numbers(a, e, "median") is not { Length: > 0 } n) return null;
        Array.Sort(n);
        var mid = n.Length / 2;
        if (n.Length % 2 == 1) return n[mid].ToValue();
        return Feel.Numbers.Result(FeelNumber.Add(n[mid - 1], n[mid]) is { } sum ? FeelNumber.Divide(sum, Two) : null, "median", e);
    }

    private static readonly FeelNumber Two = FeelNumber.FromDecimal(2m);

    private static object? StdDev(object?[] a, Env e)
    {
        if (Numbers(a, e, "stddev") is not { } n) return null;
        if (n.Length < 2) return e.Fail("Function 'stddev': needs at least two numbers");
        if (Sum(n) is not { } total || FeelNumber.Divide(total, FeelNumber.FromDecimal(n.Length)) is not { } mean) return e.Fail("Function 'stddev': numeric overflow");
        FeelNumber? squares = FeelNumber.Zero;
        foreach (var x in n)
        {
            squares = squares is { } s && FeelNumber.Subtract(x, mean) is { } d && FeelNumber.Multiply(d, d) is { } square ? FeelNumber.Add(s, square) : null;
        }
        if (squares is not { } sumOfSquares || FeelNumber.Divide(sumOfSquares, FeelNumber.FromDecimal(n.Length - 1)) is not { } variance)
            return e.Fail("Function 'stddev': numeric overflow");
        return DecimalMath.Sqrt(variance).ToValue();
    }

    private static FeelNumber? Sum(FeelNumber[] numbers)
    {
        FeelNumber? sum = FeelNumber.Zero;
        foreach (var x in numbers) sum = sum is { } s ? FeelNumber.Add(s, x) : null;
        return sum;
    }

    /// <summary>The most frequent numbers, ascending; an empty list for no input.</summary>
    private static object? Mode(object?[] a, Env e)
    {
        if (Numbers(a, e, "mode") is not { } n) return null;
        if (n.Length == 0) return new List<object?>();
        var groups = n.GroupBy(x => x).Select(g => (Value: g.Key, Count: g.Count())).ToList();
        var top = groups.Max(g => g.Count);
        return groups.Where(g => g.Count == top).Select(g => g.Value).Order().Select(v => (object?)v.ToValue()).ToList();
    }
}
