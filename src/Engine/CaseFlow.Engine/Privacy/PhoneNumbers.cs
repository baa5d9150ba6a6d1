using System.Text;
using System.Text.RegularExpressions;

namespace CaseFlow.Engine.Privacy;

/// <summary>
/// Chinese phone numbers as callers give them: an 11-digit mobile (<c>138 1234 5678</c>, <c>+86 13812345678</c>)
/// or a landline with its area code (<c>0571-88881234</c>, <c>(010) 6555 1234</c>). One canonical form per
/// number (its digits: <c>13812345678</c>, <c>057188881234</c>, as people's phones are stored), so the caller's
/// history is one index lookup whatever way the operator typed it.
/// </summary>
public static partial class PhoneNumbers
{
    // Mobile: 1, then 3-9 (no mobile prefix starts 10, 11 or 12), then nine digits.
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    // Area codes: 010 and 02x have three digits, every other (03xx to 09xx) four; local numbers are 7 or 8
    // digits and never start with 0 or 1.
    [GeneratedRegex(@"^(010|02\d|0[3-9]\d{2})([2-9]\d{6,7})$")]
    private static partial Regex Landline();

    /// <summary>The canonical form: the digits, area code first for a landline; false when it is neither kind.</summary>
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32) return false;
        var digits = new StringBuilder(input.Length);
        foreach (var c in input.Trim())
        {
            if (c is >= '0' and <= '9') digits.Append(c);
            else if (c is ' ' or '-' or '(' or ')') continue;
            else if (c == '+' && digits.Length == 0) digits.Append(c);
            else return false;
        }
        var text = digits.ToString();
        // The country code: +86 or 0086 before a mobile number, or before a landline without its leading 0.
        foreach (var prefix in new[] { "+86", "0086" })
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal)) continue;
            text = text[prefix.Length..];
            // Beijing's area code 10 also starts with 1: only a whole mobile number stays as it is.
            if (!Mobile().IsMatch(text)) text = "0" + text;
            break;
        }
        if (Mobile().IsMatch(text))
        {
            normalized = text;
            return true;
        }
        if (!Landline().IsMatch(text)) return false;
        normalized = text;
        return true;
    }
}
