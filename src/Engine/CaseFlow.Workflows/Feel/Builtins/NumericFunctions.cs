namespace CaseFlow.Workflows.Feel;

/// <summary>Number built-ins, to decimal128's 34 digits: rounding on <see cref="FeelNumber"/>, sqrt, log and exp in DecimalMath.</summary>
internal static class NumericFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("abs", "n", Abs);
        r.Add("floor", "n, scale?", (a, e) => Round(a, e, "floor", MidpointRounding.ToNegativeInfinity));
        r.Add("ceiling", "n, scale?", (a, e) => Round(a, e, "ceiling", MidpointRounding.ToPositiveInfinity));
        r.Add("decimal", "n, scale", (a, e) => Round(a, e, "decimal", MidpointRounding.ToEven));
        r.Add("round up", "n, scale", (a, e) => Round(a, e, "round up", RoundUp));
        r.Add("round down", "n, scale", (a, e) => Round(a, e, "round down", MidpointRounding.ToZero));
        r.Add("round half up", "n, scale", (a, e) => Round(a, e, "round half up", MidpointRounding.AwayFromZero));
        r.Add("round half down", "n, scale", (a, e) => Round(a, e, "round half down", HalfDown));
        r.Add("modulo", "dividend, divisor", Modulo);
        r.Add("sqrt", "number", Sqrt);
        r.Add("log", "number", Log);
        r.Add("exp", "number", Exp);
        r.Add("odd", "number", (a, e) => Numbers.TryGet(a[0], out var n) && n.IsInteger ? Boxes.Bool(!IsEven(n)) : Args.Invalid(e, "odd", a));
        r.Add("even", "number", (a, e) => Numbers.TryGet(a[0], out var n) && n.IsInteger ? Boxes.Bool(IsEven(n)) : Args.Invalid(e, "even", a));
    }

    // Modes .NET lacks, kept distinct from the real MidpointRounding values.
    private const MidpointRounding RoundUp = (MidpointRounding)100;
    private const MidpointRounding HalfDown = (MidpointRounding)101;

    // An integer without trailing zeros is even when its last digit is, or when it had zeros (10, 200...).
    private static bool IsEven(FeelNumber n) => n.Exponent > 0 || n.Coefficient.IsEven;

    private static object? Abs(object?[] a, Env e) => a[0] switch
    {
        decimal d => Math.Abs(d),
        FeelNumber n => FeelNumber.Abs(n),
        TimeSpan t when t != TimeSpan.MinValue => t.Duration(),
        YearsMonthsDuration m when m.TotalMonths != int.MinValue => new YearsMonthsDuration(Math.Abs(m.TotalMonths)),
        _ => Args.Invalid(e, "abs", a),
    };

    /// <summary>Rounds <c>n</c> to <c>scale</c> digits after the point (before it, when negative).</summary>
    private static object? Round(object?[] a, Env e, string name, MidpointRounding mode)
    {
        if (!Numbers.TryGet(a[0], out var n)) return Args.Invalid(e, name, a);
        var scale = 0;
        if (a.Length > 1 && !Args.TryInt(a[1], out scale)) return Args.Invalid(e, name, a);
        if (scale is < -6176 or > 6176) return e.Fail($"Function '{name}': scale {scale} is out of range");
        var rounded = mode switch
        {
            RoundUp => n.RoundToScale(scale, n.Sign >= 0 ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity),
            HalfDown => n.RoundHalfDown(scale),
            _ => n.RoundToScale(scale, mode),
        };
        return Numbers.Result(rounded, name, e);
    }

    private static object? Modulo(object?[] a, Env e)
    {
        if (!Numbers.TryGet(a[0], out var dividend) || !Numbers.TryGet(a[1], out var divisor)) return Args.Invalid(e, "modulo", a);
        if (divisor.Sign == 0) return e.Fail("Function 'modulo': division by zero");
        return Numbers.Result(FeelNumber.Modulo(dividend, divisor), "modulo", e);
    }

    private static object? Sqrt(object?[] a, Env e)
    {
        if (!Numbers.TryGet(a[0], out var n)) return Args.Invalid(e, "sqrt", a);
        if (n.Sign < 0) return e.Fail("Function 'sqrt': negative number");
        return DecimalMath.Sqrt(n).ToValue();
    }

    private static object? Log(object?[] a, Env e)
    {
        if (!Numbers.TryGet(a[0], out var n)) return Args.Invalid(e, "log", a);
        if (n.Sign <= 0) return e.Fail("Function 'log': the number must be positive");
        return DecimalMath.Ln(n).ToValue();
    }

    private static object? Exp(object?[] a, Env e)
    {
        if (!Numbers.TryGet(a[0], out var n)) return Args.Invalid(e, "exp", a);
        return DecimalMath.Exp(n) is { } result ? result.ToValue() : e.Fail("Function 'exp': numeric overflow");
    }
}
