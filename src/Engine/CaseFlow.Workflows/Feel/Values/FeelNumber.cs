using System.Globalization;
using System.Numerics;
using System.Text;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// A FEEL number with DMN's precision: IEEE 754-2008 decimal128, i.e. 34 significant digits, results
/// rounded half to even, exponents up to 10^6144. The value is <c>Coefficient * 10^Exponent</c>, kept
/// without trailing zeros, so equal numbers are equal structs (1.0 and 1 are one value).
/// <para>
/// FEEL values carry a number as a <see cref="decimal"/> whenever decimal holds it exactly, which covers
/// every amount, count and rate a process meets and keeps conditions allocation-free; a number that
/// needs more digits or range (<c>1 / 3</c>, <c>sqrt(2)</c>, <c>10 ** 40</c>) is a boxed FeelNumber.
/// <see cref="ToValue"/> makes that choice; one number therefore has exactly one representation.
/// </para>
/// </summary>
public readonly struct FeelNumber : IEquatable<FeelNumber>, IComparable<FeelNumber>
{
    /// <summary>Significant digits of decimal128.</summary>
    public const int Precision = 34;

    // decimal128: coefficient below 10^34, exponent from -6176 (subnormal) to 6111, so at most 9.99..e6144.
    private const int MinExponent = -6176;
    private const int MaxExponent = 6111;

    private FeelNumber(BigInteger coefficient, int exponent)
    {
        Coefficient = coefficient;
        Exponent = exponent;
    }

    /// <summary>The digits, without trailing zeros (zero is 0 with exponent 0).</summary>
    public BigInteger Coefficient { get; }

    public int Exponent { get; }

    public static readonly FeelNumber Zero = default;
    public static readonly FeelNumber One = new(BigInteger.One, 0);

    public int Sign => Coefficient.Sign;

    /// <summary>The power of ten of the leading digit: 2 for 123, -1 for 0.5.</summary>
    internal int AdjustedExponent => Exponent + DigitCount(Coefficient) - 1;

    public bool IsInteger => Exponent >= 0;

    public static FeelNumber FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var coefficient = (BigInteger)magnitude;
        if (bits[3] < 0) coefficient = -coefficient;
        return Normalized(coefficient, -((bits[3] >> 16) & 0xFF));
    }

    /// <summary>The number as a FEEL value: a <see cref="decimal"/> when that is exact, else this struct boxed.</summary>
    public object ToValue() => TryToDecimal(out var d) ? d : this;

    /// <summary>The decimal of exactly this value, if decimal can hold it.</summary>
    public bool TryToDecimal(out decimal value)
    {
        value = 0m;
        var magnitude = BigInteger.Abs(Coefficient);
        var scale = -Exponent;
        if (scale > 28) return false;
        if (scale < 0)
        {
            if (-scale > 29) return false;
            magnitude *= Pow10(-scale);
            scale = 0;
        }
        if (magnitude.GetBitLength() > 96) return false;
        var m = (UInt128)magnitude;
        value = new decimal((int)(uint)m, (int)(uint)(m >> 32), (int)(uint)(m >> 64), Coefficient.Sign < 0, (byte)scale);
        return true;
    }

    /// <summary>
    /// Reads <c>[-+]digits[.digits][e[-+]digits]</c>, rounded to 34 digits; false for anything else and for
    /// numbers beyond decimal128's range.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out FeelNumber value)
    {
        value = default;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-') negative = text[i++] == '-';
        var digits = new StringBuilder();
        var fractionDigits = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
                if (seenPoint) fractionDigits++;
            }
            else if (c == '.' && !seenPoint) seenPoint = true;
            else break;
        }
        if (digits.Length == 0) return false;
        var exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            if (!int.TryParse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)) return false;
            i = text.Length;
        }
        if (i != text.Length) return false;
        var coefficient = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative) coefficient = -coefficient;
        var result = Round((long)exponent - fractionDigits, coefficient, sticky: false);
        if (result is not { } parsed) return false;
        value = parsed;
        return true;
    }

    public static FeelNumber operator -(FeelNumber a) => new(-a.Coefficient, a.Exponent);

    public static FeelNumber Abs(FeelNumber a) => new(BigInteger.Abs(a.Coefficient), a.Exponent);

    /// <summary>The rounded sum, or null when it is beyond decimal128's range.</summary>
    public static FeelNumber? Add(FeelNumber a, FeelNumber b)
    {
        if (a.Sign == 0) return b;
        if (b.Sign == 0) return a;
        // When one operand is below half a unit in the last place of the other, the sum rounds to the
        // larger one; skipping the alignment keeps 1e6000 + 1 from building a 6000-digit integer.
        if (a.AdjustedExponent - b.AdjustedExponent > Precision + 1) return a;
        if (b.AdjustedExponent - a.AdjustedExponent > Precision + 1) return b;
        var exponent = Math.Min(a.Exponent, b.Exponent);
        var sum = a.Coefficient * Pow10(a.Exponent - exponent) + b.Coefficient * Pow10(b.Exponent - exponent);
        return Round(exponent, sum, sticky: false);
    }

    public static FeelNumber? Subtract(FeelNumber a, FeelNumber b) => Add(a, -b);

    public static FeelNumber? Multiply(FeelNumber a, FeelNumber b) =>
        Round((long)a.Exponent + b.Exponent, a.Coefficient * b.Coefficient, sticky: false);

    /// <summary>The quotient rounded to 34 digits; null for a zero divisor or a result out of range.</summary>
    public static FeelNumber? Divide(FeelNumber a, FeelNumber b) => Quotient(a.Coefficient, a.Exponent, b.Coefficient, b.Exponent);

    /// <summary>(a * 10^ea) / (b * 10^eb) rounded to 34 digits, for coefficients of any length.</summary>
    internal static FeelNumber? Quotient(BigInteger a, long ea, BigInteger b, long eb)
    {
        if (b.IsZero) return null;
        if (a.IsZero) return Zero;
        // Two digits beyond the precision, plus the remainder as a sticky bit, round exactly.
        var shift = Math.Max(0, Precision + 2 + DigitCount(b) - DigitCount(a));
        var quotient = BigInteger.DivRem(a * Pow10(shift), b, out var remainder);
        return Round(ea - eb - shift, quotient, sticky: !remainder.IsZero);
    }

    /// <summary>Floored modulo: the remainder takes the divisor's sign (modulo(-12, 5) = 3), as FEEL defines it.</summary>
    public static FeelNumber? Modulo(FeelNumber dividend, FeelNumber divisor)
    {
        if (divisor.Sign == 0) return null;
        var exponent = Math.Min(dividend.Exponent, divisor.Exponent);
        if ((long)Math.Max(dividend.Exponent, divisor.Exponent) - exponent > 2 * Precision + MaxExponent) return null;
        var a = dividend.Coefficient * Pow10(dividend.Exponent - exponent);
        var b = divisor.Coefficient * Pow10(divisor.Exponent - exponent);
        var r = BigInteger.Remainder(a, b);
        if (!r.IsZero && r.Sign != b.Sign) r += b;
        return Round(exponent, r, sticky: false);
    }

    /// <summary>Rounds to <paramref name="scale"/> digits after the point (before it when negative).</summary>
    public FeelNumber? RoundToScale(int scale, MidpointRounding mode)
    {
        var drop = (long)-Exponent - scale;
        if (drop <= 0) return this;
        if (drop > Precision + 1) return Round(-(long)scale, RoundedDigits(Coefficient.Sign, BigInteger.Zero, nonZeroRest: true, half: -1, mode), sticky: false);
        var p = Pow10((int)drop);
        var kept = BigInteger.DivRem(Coefficient, p, out var rest);
        var half = BigInteger.Abs(rest * 2).CompareTo(p);
        return Round(-(long)scale, RoundedDigits(Coefficient.Sign, kept, !rest.IsZero, half, mode), sticky: false);
    }

    /// <summary>
    /// <paramref name="kept"/> (the digits truncated toward zero) adjusted by <paramref name="mode"/>; <paramref name="half"/>
    /// compares the dropped part with one half (-1 below, 0 equal, 1 above).
    /// </summary>
    private static BigInteger RoundedDigits(int sign, BigInteger kept, bool nonZeroRest, int half, MidpointRounding mode)
    {
        if (!nonZeroRest) return kept;
        var awayFromZero = mode switch
        {
            MidpointRounding.ToZero => false,
            MidpointRounding.ToPositiveInfinity => sign > 0,
            MidpointRounding.ToNegativeInfinity => sign < 0,
            MidpointRounding.AwayFromZero => half >= 0,
            MidpointRounding.ToEven => half > 0 || (half == 0 && !kept.IsEven),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        return awayFromZero ? kept + sign : kept;
    }

    /// <summary>The half-down mode .NET lacks: a tie goes toward zero.</summary>
    public FeelNumber? RoundHalfDown(int scale)
    {
        var drop = (long)-Exponent - scale;
        if (drop <= 0) return this;
        if (drop > Precision + 1) return Round(-(long)scale, BigInteger.Zero, sticky: false);
        var p = Pow10((int)drop);
        var kept = BigInteger.DivRem(Coefficient, p, out var rest);
        var above = BigInteger.Abs(rest * 2).CompareTo(p) > 0;
        return Round(-(long)scale, above ? kept + Coefficient.Sign : kept, sticky: false);
    }

    public int CompareTo(FeelNumber other)
    {
        if (Sign != other.Sign) return Sign.CompareTo(other.Sign);
        if (Sign == 0) return 0;
        var magnitude = AdjustedExponent.CompareTo(other.AdjustedExponent);
        if (magnitude != 0) return Sign > 0 ? magnitude : -magnitude;
        var exponent = Math.Min(Exponent, other.Exponent);
        return (Coefficient * Pow10(Exponent - exponent)).CompareTo(other.Coefficient * Pow10(other.Exponent - exponent));
    }

    public bool Equals(FeelNumber other) => Exponent == other.Exponent && Coefficient.Equals(other.Coefficient);
    public override bool Equals(object? obj) => obj is FeelNumber other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Coefficient, Exponent);
    public static bool operator ==(FeelNumber a, FeelNumber b) => a.Equals(b);
    public static bool operator !=(FeelNumber a, FeelNumber b) => !a.Equals(b);
    public static bool operator <(FeelNumber a, FeelNumber b) => a.CompareTo(b) < 0;
    public static bool operator >(FeelNumber a, FeelNumber b) => a.CompareTo(b) > 0;
    public static bool operator <=(FeelNumber a, FeelNumber b) => a.CompareTo(b) <= 0;
    public static bool operator >=(FeelNumber a, FeelNumber b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// Plain digits (<c>0.3333333333333333333333333333333333</c>) while the leading digit is within 34 places
    /// of the point, else exponent form (<c>1.606938044258990275541962092341162E+60</c>). Both are valid JSON numbers.
    /// </summary>
    public override string ToString()
    {
        if (Sign == 0) return "0";
        var digits = BigInteger.Abs(Coefficient).ToString(CultureInfo.InvariantCulture);
        var sign = Sign < 0 ? "-" : "";
        var adjusted = AdjustedExponent;
        if (adjusted is >= -Precision and < Precision)
        {
            if (Exponent >= 0) return sign + digits + new string('0', Exponent);
            var point = digits.Length + Exponent;
            return point > 0
                ? sign + digits[..point] + "." + digits[point..]
                : sign + "0." + new string('0', -point) + digits;
        }
        var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return $"{sign}{mantissa}E{(adjusted >= 0 ? "+" : "")}{adjusted.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// <paramref name="coefficient"/> * 10^<paramref name="exponent"/> rounded to 34 digits, half to even;
    /// <paramref name="sticky"/> says the true value lies a little beyond the coefficient (a division's
    /// remainder), so a seeming tie is not one. Null beyond the largest decimal128; tiny values become subnormal or 0.
    /// </summary>
    internal static FeelNumber? Round(long exponent, BigInteger coefficient, bool sticky)
    {
        var drop = Math.Max(DigitCount(coefficient) - Precision, 0);
        if (exponent + drop < MinExponent) drop = (int)Math.Min(MinExponent - exponent, int.MaxValue / 2);
        if (drop > 0 || sticky)
        {
            var sign = coefficient.Sign;
            BigInteger kept;
            int half;
            var nonZeroRest = sticky;
            if (drop == 0)
            {
                kept = coefficient;
                half = -1;
            }
            else if (drop > DigitCount(coefficient) + 1)
            {
                kept = BigInteger.Zero;
                half = -1;
                nonZeroRest |= !coefficient.IsZero;
            }
            else
            {
                var p = Pow10(drop);
                kept = BigInteger.DivRem(coefficient, p, out var rest);
                half = BigInteger.Abs(rest * 2).CompareTo(p);
                if (half == 0 && sticky) half = 1;
                nonZeroRest |= !rest.IsZero;
            }
            coefficient = drop == 0 ? kept : RoundedDigits(sign == 0 ? 1 : sign, kept, nonZeroRest && drop > 0, half, MidpointRounding.ToEven);
            exponent += drop;
            // Rounding 999..9 up adds a digit.
            if (DigitCount(coefficient) > Precision)
            {
                coefficient /= 10;
                exponent++;
            }
        }
        return Normalized(coefficient, exponent);
    }

    private static FeelNumber? Normalized(BigInteger coefficient, long exponent)
    {
        if (coefficient.IsZero) return Zero;
        while (coefficient % 10 == 0)
        {
            coefficient /= 10;
            exponent++;
        }
        if (exponent + DigitCount(coefficient) - Precision > MaxExponent) return null;
        return new FeelNumber(coefficient, (int)exponent);
    }

    private static FeelNumber Normalized(BigInteger coefficient, int exponent) => Normalized(coefficient, (long)exponent)!.Value;

    private static readonly BigInteger[] SmallPowers = [.. Enumerable.Range(0, 80).Select(n => BigInteger.Pow(10, n))];

    internal static BigInteger Pow10(int n) => n < SmallPowers.Length ? SmallPowers[n] : BigInteger.Pow(10, n);

    internal static int DigitCount(BigInteger value)
    {
        if (value.IsZero) return 1;
        value = BigInteger.Abs(value);
        // The bit length gives the digit count within one; the power table settles it.
        var estimate = (int)((value.GetBitLength() - 1) * 0.30102999566398120) + 1;
        if (value >= Pow10(estimate)) estimate++;
        else if (estimate > 1 && value < Pow10(estimate - 1)) estimate--;
        return estimate;
    }
}
