namespace CaseFlow.Workflows.Feel;

/// <summary>Number built-ins, all in System.Decimal; sqrt refines a double estimate to decimal precision, log and exp are DecimalMath.</summary>
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
        r.Add("odd", "number", (a, e) => a[0] is decimal d && IsInteger(d) ? Boxes.Bool(d % 2 != 0) : Args.Invalid(e, "odd", a));
        r.Add("even", "number", (a, e) => a[0] is decimal d && IsInteger(d) ? Boxes.Bool(d % 2 == 0) : Args.Invalid(e, "even", a));
    }

    // Modes .NET lacks, kept distinct from the real MidpointRounding values.
    private const MidpointRounding RoundUp = (MidpointRounding)100;
    private const MidpointRounding HalfDown = (MidpointRounding)101;

    private static bool IsInteger(decimal d) => d == decimal.Truncate(d);

    private static object? Abs(object?[] a, Env e) => a[0] switch
    {
        decimal d => Math.Abs(d),
        TimeSpan t when t != TimeSpan.MinValue => t.Duration(),
        YearsMonthsDuration m when m.TotalMonths != int.MinValue => new YearsMonthsDuration(Math.Abs(m.TotalMonths)),
        _ => Args.Invalid(e, "abs", a),
    };

    /// <summary>Rounds <c>n</c> to <c>scale</c> digits after the point (before it, when negative).</summary>
    private static object? Round(object?[] a, Env e, string name, MidpointRounding mode)
    {
        if (a[0] is not decimal n) return Args.Invalid(e, name, a);
        var scale = 0;
        if (a.Length > 1 && !Args.TryInt(a[1], out scale)) return Args.Invalid(e, name, a);
        if (scale > 28) return n;
        if (scale < -28) return e.Fail($"Function '{name}': scale {scale} is out of range");
        try
        {
            if (scale >= 0) return RoundAt(n, scale, mode);
            var factor = Pow10(-scale);
            return RoundAt(n / factor, 0, mode) * factor;
        }
        catch (OverflowException) { return e.Fail($"Function '{name}': numeric overflow"); }
    }

    private static decimal RoundAt(decimal n, int scale, MidpointRounding mode)
    {
        switch (mode)
        {
            case RoundUp:
                return Math.Round(n, scale, n >= 0 ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);
            case HalfDown:
                var toward = Math.Round(n, scale, MidpointRounding.ToZero);
                var half = 0.5m / Pow10(scale);
                return Math.Abs(n - toward) > half ? Math.Round(n, scale, n >= 0 ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity) : toward;
            default:
                return Math.Round(n, scale, mode);
        }
    }

    private static decimal Pow10(int exponent)
    {
        var p = 1m;
        for (var i = 0; i < exponent; i++) p *= 10;
        return p;
    }

    /// <summary>The remainder takes the divisor's sign (modulo(-12, 5) = 3), as FEEL defines it.</summary>
    private static object? Modulo(object?[] a, Env e)
    {
        if (a[0] is not decimal dividend || a[1] is not decimal divisor) return Args.Invalid(e, "modulo", a);
        if (divisor == 0) return e.Fail("Function 'modulo': division by zero");
        var r = dividend % divisor;
        return r != 0 && (r < 0) != (divisor < 0) ? r + divisor : r;
    }

    private static object? Sqrt(object?[] a, Env e)
    {
        if (a[0] is not decimal n) return Args.Invalid(e, "sqrt", a);
        if (n < 0) return e.Fail("Function 'sqrt': negative number");
        return SquareRoot(n);
    }

    internal static decimal SquareRoot(decimal n)
    {
        if (n == 0) return 0m;
        var x = (decimal)Math.Sqrt((double)n);
        // Newton steps take the double's 15-16 digits to decimal's 28.
        for (var i = 0; i < 4; i++) x = (x + n / x) / 2;
        return x;
    }

    private static object? Log(object?[] a, Env e)
    {
        if (a[0] is not decimal n) return Args.Invalid(e, "log", a);
        if (n <= 0) return e.Fail("Function 'log': the number must be positive");
        return DecimalMath.Ln(n);
    }

    private static object? Exp(object?[] a, Env e)
    {
        if (a[0] is not decimal n) return Args.Invalid(e, "exp", a);
        return DecimalMath.Exp(n) is { } result ? result : e.Fail("Function 'exp': numeric overflow");
    }
}
