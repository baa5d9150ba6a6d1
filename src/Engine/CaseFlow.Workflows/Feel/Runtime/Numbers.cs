using System.Globalization;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// Number arithmetic on FEEL values. Two decimals are computed in System.Decimal when its result is exact,
/// which is almost always; a result decimal would have to round (1 / 3) or cannot hold (10 ** 40) is
/// computed again as a <see cref="FeelNumber"/>, so every result is decimal128's.
/// </summary>
internal static class Numbers
{
    public static bool IsNumber(object? value) => value is decimal or FeelNumber;

    public static bool TryGet(object? value, out FeelNumber number)
    {
        switch (value)
        {
            case decimal d:
                number = FeelNumber.FromDecimal(d);
                return true;
            case FeelNumber n:
                number = n;
                return true;
            default:
                number = default;
                return false;
        }
    }

    public static object? Add(decimal x, decimal y, Env env)
    {
        try
        {
            // Decimal keeps the larger scale unless it had to round away digits.
            var r = x + y;
            if (r.Scale == Math.Max(x.Scale, y.Scale)) return r;
        }
        catch (OverflowException) { }
        return Result(FeelNumber.Add(FeelNumber.FromDecimal(x), FeelNumber.FromDecimal(y)), "+", env);
    }

    public static object? Subtract(decimal x, decimal y, Env env)
    {
        try
        {
            var r = x - y;
            if (r.Scale == Math.Max(x.Scale, y.Scale)) return r;
        }
        catch (OverflowException) { }
        return Result(FeelNumber.Subtract(FeelNumber.FromDecimal(x), FeelNumber.FromDecimal(y)), "-", env);
    }

    public static object? Multiply(decimal x, decimal y, Env env)
    {
        try
        {
            // The exact product has the sum of the scales; anything less means decimal rounded.
            var r = x * y;
            if (r.Scale == x.Scale + y.Scale) return r;
        }
        catch (OverflowException) { }
        return Result(FeelNumber.Multiply(FeelNumber.FromDecimal(x), FeelNumber.FromDecimal(y)), "*", env);
    }

    /// <summary>Divides by a non-zero <paramref name="y"/>.</summary>
    public static object? Divide(decimal x, decimal y, Env env)
    {
        try
        {
            // Decimal rounds an endless quotient and then drops its trailing zeros, so its length says nothing;
            // multiplying back does: when that product is exact (no scale lost) and equals x, so is the quotient.
            var r = x / y;
            var back = r * y;
            if (back.Scale == r.Scale + y.Scale && back == x) return r;
        }
        catch (OverflowException) { }
        return Result(FeelNumber.Divide(FeelNumber.FromDecimal(x), FeelNumber.FromDecimal(y)), "/", env);
    }

    /// <summary>+ - * / on two numbers of either representation; null (not a number) when one is not a number.</summary>
    public static object? Arithmetic(object a, object b, char op, Env env, out bool numbers)
    {
        numbers = true;
        if (a is decimal x && b is decimal y)
        {
            return op switch
            {
                '+' => Add(x, y, env),
                '-' => Subtract(x, y, env),
                '*' => Multiply(x, y, env),
                _ => Divide(x, y, env),
            };
        }
        if (!TryGet(a, out var p) || !TryGet(b, out var q))
        {
            numbers = false;
            return null;
        }
        var result = op switch
        {
            '+' => FeelNumber.Add(p, q),
            '-' => FeelNumber.Subtract(p, q),
            '*' => FeelNumber.Multiply(p, q),
            _ => FeelNumber.Divide(p, q),
        };
        return Result(result, op.ToString(), env);
    }

    /// <summary>A number as the nearest decimal, for scaling durations: their 100 ns ticks cannot show more digits.
    /// Anything else, and numbers beyond decimal's range, pass through unchanged.</summary>
    public static object? Approximate(object? value) =>
        value is FeelNumber n && decimal.TryParse(n.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : value;

    public static object? Result(FeelNumber? result, string op, Env env) =>
        result is { } n ? n.ToValue() : env.Fail($"Numeric overflow in {op}: the result is beyond decimal128's range");

    public static int Compare(object a, object b) =>
        a is decimal x && b is decimal y ? x.CompareTo(y) : Of(a).CompareTo(Of(b));

    private static FeelNumber Of(object value) => TryGet(value, out var n) ? n : throw new ArgumentException("Not a number", nameof(value));
}
