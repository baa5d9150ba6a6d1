using System.Numerics;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// sqrt, exp, ln, fractional and integer powers to decimal128's 34 digits. sqrt is an exact integer square
/// root; the others work in fixed point with <see cref="Digits"/> digits (more for ln near 1), well beyond 34,
/// so that rounding the result once gives the correctly rounded number (9 ** 0.5 is exactly 3, exp(1) ends ...352662).
/// </summary>
internal static class DecimalMath
{
    private const int Digits = 50;
    private static readonly BigInteger Scale = BigInteger.Pow(10, Digits);
    private static readonly Lazy<BigInteger> Ln2 = new(() => 2 * Atanh(Scale / 3, Scale));
    private static readonly Lazy<BigInteger> Ln10 = new(() => 3 * Ln2.Value + 2 * Atanh(Scale / 9, Scale));

    // e^14200 is past decimal128's largest number, e^-14200 below its smallest.
    private static readonly FeelNumber ExpLimit = FeelNumber.FromDecimal(14200m);

    public static FeelNumber Sqrt(FeelNumber x)
    {
        if (x.Sign == 0) return FeelNumber.Zero;
        // x = c * 10^e with e even and c of at least 70 digits, so the root has 35 or more.
        var shift = Math.Max(0, 2 * FeelNumber.Precision + 2 - FeelNumber.DigitCount(x.Coefficient));
        if (((x.Exponent - shift) & 1) != 0) shift++;
        var n = x.Coefficient * FeelNumber.Pow10(shift);
        var root = IntegerSqrt(n);
        return FeelNumber.Round((x.Exponent - shift) / 2, root, sticky: root * root != n)!.Value;
    }

    /// <summary>e^x; null when the result is beyond decimal128's range.</summary>
    public static FeelNumber? Exp(FeelNumber x)
    {
        if (x > ExpLimit) return null;
        if (-x > ExpLimit) return FeelNumber.Zero;
        var e = ExpFixed(BigInteger.Abs(ToFixed(x)));
        // A negative exponent divides, rather than exponentiating a negative fixed-point number, so that
        // e^-1000 keeps its digits instead of vanishing below the fixed point's last place.
        return x.Sign >= 0 ? FromFixed(e, sticky: true) : FeelNumber.Quotient(BigInteger.One, 0, e, -Digits);
    }

    /// <summary>Natural logarithm of a positive number.</summary>
    public static FeelNumber Ln(FeelNumber x) => x > Half && x < Two && x != FeelNumber.One
        ? LnNearOne(x)
        : FromFixed(LnFixed(x), sticky: true)!.Value;

    private static readonly FeelNumber Half = FeelNumber.FromDecimal(0.5m);
    private static readonly FeelNumber Two = FeelNumber.FromDecimal(2m);

    /// <summary>
    /// ln x near 1, where the general reduction (powers of ten and two) would cancel to a tiny result with
    /// few correct digits: 2 atanh((x - 1) / (x + 1)) with as many places as keep 50 significant digits.
    /// </summary>
    private static FeelNumber LnNearOne(FeelNumber x)
    {
        // x has at most 34 digits and lies within a factor 2 of 1, so x - 1 and x + 1 are exact.
        var below = FeelNumber.Subtract(x, FeelNumber.One)!.Value;
        var above = FeelNumber.Add(x, FeelNumber.One)!.Value;
        var places = Digits - Math.Min(0, below.AdjustedExponent);
        var scale = BigInteger.Pow(10, places);
        var z = ToFixed(below, places) * scale / ToFixed(above, places);
        return FeelNumber.Round(-places, 2 * Atanh(z, scale), sticky: true)!.Value;
    }

    /// <summary>x ** y: exact square-and-multiply for integer y (rounded once per step beyond 34 digits), e^(y ln x)
    /// otherwise. Null when undefined (a negative base and a fractional exponent, 0 to a negative power) or out of range.</summary>
    public static FeelNumber? Pow(FeelNumber x, FeelNumber y)
    {
        if (y.IsInteger && y.AdjustedExponent < 9) return IntegerPow(x, (long)(y.Coefficient * FeelNumber.Pow10(y.Exponent)));
        if (x.Sign == 0) return y.Sign > 0 ? FeelNumber.Zero : null;
        if (x.Sign < 0) return null;
        var exponent = MultiplyFixed(LnFixed(x), ToFixed(y));
        if (exponent > ToFixed(ExpLimit)) return null;
        if (-exponent > ToFixed(ExpLimit)) return FeelNumber.Zero;
        var e = ExpFixed(BigInteger.Abs(exponent));
        return exponent.Sign >= 0 ? FromFixed(e, sticky: true) : FeelNumber.Quotient(BigInteger.One, 0, e, -Digits);
    }

    private static FeelNumber? IntegerPow(FeelNumber x, long n)
    {
        if (n == 0) return FeelNumber.One;
        if (x.Sign == 0) return n > 0 ? FeelNumber.Zero : null;
        // |x| is in [10^a, 10^(a+1)), so |x^n| lies between 10^(a n) and 10^((a+1) n): reject what is surely out of range.
        double a = x.AdjustedExponent, low = Math.Min(a * n, (a + 1) * n), high = Math.Max(a * n, (a + 1) * n);
        if (low > 6145) return null;
        if (high < -6178) return FeelNumber.Zero;
        // Square-and-multiply on the coefficient, keeping Digits digits (and whether anything was dropped) at each step.
        BigInteger result = 1, factor = x.Coefficient;
        long resultExponent = 0, factorExponent = x.Exponent;
        var sticky = false;
        for (var k = Math.Abs(n); k > 0; k >>= 1)
        {
            if ((k & 1) == 1)
            {
                (result, var shifted) = Truncate(result * factor);
                resultExponent += factorExponent + shifted;
                sticky |= shifted > 0;
            }
            if (k > 1)
            {
                (factor, var shifted) = Truncate(factor * factor);
                factorExponent = 2 * factorExponent + shifted;
                sticky |= shifted > 0;
            }
        }
        return n > 0
            ? FeelNumber.Round(resultExponent, result, sticky)
            : FeelNumber.Quotient(BigInteger.One, 0, result, resultExponent);
    }

    /// <summary>Cuts a coefficient to <see cref="Digits"/> digits; returns how many were cut.</summary>
    private static (BigInteger Value, int Shifted) Truncate(BigInteger value)
    {
        var excess = FeelNumber.DigitCount(value) - Digits;
        return excess <= 0 ? (value, 0) : (value / FeelNumber.Pow10(excess), excess);
    }

    private static BigInteger ToFixed(FeelNumber x, int places = Digits)
    {
        var shift = x.Exponent + places;
        return shift >= 0 ? x.Coefficient * FeelNumber.Pow10(shift) : x.Coefficient / FeelNumber.Pow10(-shift);
    }

    private static FeelNumber? FromFixed(BigInteger value, bool sticky) => FeelNumber.Round(-Digits, value, sticky);

    private static BigInteger MultiplyFixed(BigInteger a, BigInteger b) => a * b / Scale;

    /// <summary>e^x for a non-negative fixed-point x: halve x until it is below 1/1024, sum the series, square back.</summary>
    private static BigInteger ExpFixed(BigInteger x)
    {
        var halvings = 0;
        var limit = Scale >> 10;
        while (x > limit)
        {
            x >>= 1;
            halvings++;
        }
        // The halvings cost about 0.3 digits each; extra working digits keep the result at 50.
        var guard = FeelNumber.Pow10(halvings / 3 + 5);
        var scale = Scale * guard;
        x *= guard;
        BigInteger sum = scale, term = scale;
        for (var n = 1; !term.IsZero; n++)
        {
            term = term * x / (scale * n);
            sum += term;
        }
        for (var i = 0; i < halvings; i++) sum = sum * sum / scale;
        return sum / guard;
    }

    /// <summary>ln x for x > 0 in fixed point: x = m * 10^t * 2^j with m near 1, so the atanh series converges fast.</summary>
    private static BigInteger LnFixed(FeelNumber x)
    {
        var digits = FeelNumber.DigitCount(x.Coefficient);
        var tens = x.Exponent + digits - 1;
        // m in [1, 10) as a fixed-point number, then halved into [0.75, 1.5).
        var m = x.Coefficient * Scale / FeelNumber.Pow10(digits - 1);
        var twos = 0;
        var upper = Scale * 3 / 2;
        while (m >= upper)
        {
            m /= 2;
            twos++;
        }
        var z = (m - Scale) * Scale / (m + Scale);
        return 2 * Atanh(z, Scale) + twos * Ln2.Value + tens * Ln10.Value;
    }

    /// <summary>atanh z = z + z^3/3 + z^5/5 + ... for |z| well below 1, in fixed point with <paramref name="scale"/> as one.</summary>
    private static BigInteger Atanh(BigInteger z, BigInteger scale)
    {
        var square = z * z / scale;
        BigInteger sum = z, power = z;
        for (var n = 3; ; n += 2)
        {
            power = power * square / scale;
            var term = power / n;
            if (term.IsZero) return sum;
            sum += term;
        }
    }

    private static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n.IsZero) return n;
        // Newton's method from above: start at a power of two past the root.
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + n / x) >> 1;
            if (next >= x) return x;
            x = next;
        }
    }
}
