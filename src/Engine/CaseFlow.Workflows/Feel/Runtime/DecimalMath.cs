namespace CaseFlow.Workflows.Feel;

/// <summary>
/// exp, ln and fractional powers in System.Decimal. Going through double would leave 15 significant digits
/// (the double-to-decimal cast keeps no more), well short of decimal's 28 and the spec's 34.
/// </summary>
internal static class DecimalMath
{
    private const decimal E = 2.7182818284590452353602874714m;
    private const decimal Ln10 = 2.3025850929940456840179914547m;

    /// <summary>e^x, or null when the result is beyond decimal's range.</summary>
    public static decimal? Exp(decimal x)
    {
        if (x > 67m) return null;                    // e^66.6 is past decimal.MaxValue
        if (x < -66m) return 0m;                     // below decimal's smallest step (1e-28)
        if (x < 0) return 1m / Exp(-x)!.Value;       // so the series only ever sums positive terms
        var whole = (int)decimal.Truncate(x);
        var fraction = x - whole;
        // Taylor series on the fraction (< 1) converges in about 30 terms; e^whole comes from squaring e.
        decimal sum = 1, term = 1;
        for (var n = 1; n < 60 && term != 0; n++)
        {
            term = term * fraction / n;
            sum += term;
        }
        try
        {
            decimal power = 1, factor = E;
            for (var n = whole; n > 0; n >>= 1)
            {
                if ((n & 1) == 1) power *= factor;
                if (n > 1) factor *= factor;
            }
            return power * sum;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Natural logarithm of a positive number: x = m * 10^k with m in [1, 10), so exp never overflows
    /// and tiny numbers keep their digits; ln m from a double estimate and Newton steps on exp.</summary>
    public static decimal Ln(decimal x)
    {
        var k = 0;
        while (x >= 10m) { x /= 10m; k++; }
        while (x < 1m) { x *= 10m; k--; }
        var y = (decimal)Math.Log((double)x);
        for (var i = 0; i < 3; i++)
        {
            var next = y + x / Exp(y)!.Value - 1;
            if (next == y) break;
            y = next;
        }
        return y + k * Ln10;
    }

    /// <summary>x ** y for a positive x and a fractional y, as e^(y ln x); null when out of range.
    /// Rounded to 26 significant digits: the last two carry the series' rounding noise, and dropping them
    /// makes exact powers exact (9 ** 0.5 is 3, not 2.9999999999999999999999999998).</summary>
    public static decimal? Pow(decimal x, decimal y)
    {
        if (Exp(y * Ln(x)) is not { } result) return null;
        if (result == 0) return 0m;
        var integerDigits = (int)Math.Floor(Math.Log10((double)result)) + 1;
        return decimal.Round(result, Math.Clamp(26 - integerDigits, 0, 28));
    }
}
