using System.Text;

namespace CaseFlow.Engine.Privacy;

/// <summary>
/// The masked forms shown in lists, exports, disclosure lists and audit rows: enough to tell two people
/// apart, not enough to identify one. The shapes follow what Chinese public disclosure lists print.
/// </summary>
public static class Mask
{
    /// <summary>张三明 -> 张*明, 张三 -> 张*, 欧阳娜娜 -> 欧**娜; a single character becomes *.</summary>
    public static string Name(string name)
    {
        // Runes, not chars: rare surnames and given names lie outside the BMP.
        var runes = name.Trim().EnumerateRunes().ToArray();
        return runes.Length switch
        {
            0 => "",
            1 => "*",
            2 => runes[0] + "*",
            _ => runes[0] + new string('*', runes.Length - 2) + runes[^1],
        };
    }

    /// <summary>330106199001011234 -> 3301**********1234: the province and city stay, the birth date goes.</summary>
    public static string ResidentId(string residentId)
    {
        var value = residentId.Trim();
        return value.Length <= 8 ? new string('*', value.Length) : value[..4] + new string('*', value.Length - 8) + value[^4..];
    }

    /// <summary>13812345678 -> 138****5678; shorter numbers keep only their last two digits.</summary>
    public static string Phone(string phone)
    {
        var value = phone.Trim();
        if (value.Length >= 11) return value[..3] + new string('*', value.Length - 7) + value[^4..];
        return value.Length <= 2 ? new string('*', value.Length) : new string('*', value.Length - 2) + value[^2..];
    }

    /// <summary>6222021234567890 -> ************7890: only the last four digits, as on a bank slip.</summary>
    public static string BankAccount(string account)
    {
        var value = account.Replace(" ", "", StringComparison.Ordinal).Trim();
        return value.Length <= 4 ? new string('*', value.Length) : new string('*', value.Length - 4) + value[^4..];
    }

    /// <summary>浙江省杭州市西湖区文三路 100 号 -> 浙江省杭州市****: the area, not the door.</summary>
    public static string Address(string address)
    {
        var runes = address.Trim().EnumerateRunes().ToArray();
        if (runes.Length == 0) return "";
        var keep = Math.Min(6, runes.Length / 2);
        var builder = new StringBuilder();
        foreach (var rune in runes[..keep]) builder.Append(rune.ToString());
        return builder.Append("****").ToString();
    }
}
