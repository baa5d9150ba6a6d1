namespace CaseFlow.Engine.Privacy;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character
/// set (digits and upper-case letters without I, O, Z, S, V, which read like digits), the last a check
/// character over the first 17 with weights 3^i mod 31.
/// </summary>
public static class CreditCode
{
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cased and trimmed, as stored and compared.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public static bool IsValid(string? code)
    {
        if (code is null) return false;
        var value = Normalize(code);
        if (value.Length != 18) return false;
        foreach (var c in value)
        {
            if (Charset.IndexOf(c) < 0) return false;
        }
        return value[17] == CheckCharOf(value);
    }

    /// <summary>The check character of the first 17 characters (each must be in <see cref="Charset"/>).</summary>
    public static char CheckCharOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Charset.IndexOf(first17[i]) * Weights[i];
        return Charset[(31 - sum % 31) % 31];
    }
}
