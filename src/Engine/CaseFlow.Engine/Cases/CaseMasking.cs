namespace CaseFlow.Engine.Cases;

/// <summary>
/// Masks names and phone numbers in case pages, lists and exports (张三明 → 张*明, 138****5678).
/// The people feature's masking helpers replace this when they land.
/// </summary>
internal static class CaseMasking
{
    public static string? Name(string? name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(name);
        if (letters.Length == 1) return "*";
        var first = name[..letters[1]];
        if (letters.Length == 2) return first + "*";
        var last = name[letters[^1]..];
        return first + new string('*', letters.Length - 2) + last;
    }

    public static string? Phone(string? phone) =>
        phone is null || phone.Length < 7 ? phone is null ? null : new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
