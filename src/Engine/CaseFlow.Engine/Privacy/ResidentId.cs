using System.Globalization;

namespace CaseFlow.Engine.Privacy;

/// <summary>
/// A citizen identity number (居民身份证号码) as GB 11643-1999 defines it: a 6-digit area code, the
/// birth date (yyyyMMdd), a 3-digit sequence whose parity gives the gender, and an ISO 7064 MOD 11-2
/// check character (0-9 or X). The old 15-digit numbers are not accepted: cases need the 18-digit one.
/// </summary>
public readonly record struct ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>China Standard Time: a child born today in China is not "born tomorrow" in UTC.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private ResidentId(string value, DateOnly birthDate, string gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    /// <summary>The 18 characters, with a final <c>X</c> in upper case.</summary>
    public string Value { get; }
    public DateOnly BirthDate { get; }
    /// <summary><c>male</c> (odd sequence) or <c>female</c> (even).</summary>
    public string Gender { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? text, out ResidentId id) => TryParse(text, Today(), out id);

    public static bool TryParse(string? text, DateOnly today, out ResidentId id)
    {
        id = default;
        var value = text?.Trim().ToUpperInvariant();
        if (value is not { Length: 18 }) return false;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
        }
        if (value[17] != CheckCharOf(value)) return false;
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return false;
        if (birth.Year < 1900 || birth > today) return false;
        var gender = (value[16] - '0') % 2 == 1 ? "male" : "female";
        id = new ResidentId(value, birth, gender);
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>The check character of the first 17 digits (the caller has checked they are digits).</summary>
    public static char CheckCharOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow + ChinaOffset);
}
