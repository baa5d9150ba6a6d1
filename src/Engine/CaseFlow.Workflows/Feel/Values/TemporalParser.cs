using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// Reads the ISO 8601 forms FEEL accepts in <c>@"..."</c> literals and in <c>date()</c>, <c>time()</c>,
/// <c>date and time()</c> and <c>duration()</c>. Each method returns false for text it cannot read.
/// </summary>
internal static partial class TemporalParser
{
    // XML Schema years: four digits, or more without a leading zero.
    [GeneratedRegex(@"^(-?(?:\d{4}|[1-9]\d{4,8}))-(\d\d)-(\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:(Z)|([+-])(\d\d):(\d\d)|@([A-Za-z][A-Za-z0-9_+\-/]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(-)?P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    /// <summary>Parses the text of an <c>@"..."</c> literal into whichever temporal value its shape says.</summary>
    public static bool TryParseLiteral(string text, out object? value)
    {
        value = null;
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)) return TryParseDuration(text, out value);
        // A zone id may hold a T of its own (@Etc/GMT), so only the part before it decides.
        var zoneAt = text.IndexOf('@');
        if ((zoneAt < 0 ? text : text[..zoneAt]).Contains('T'))
        {
            if (!TryParseDateTime(text, out var dt)) return false;
            value = dt;
            return true;
        }
        if (TryParseAnyDate(text, out value)) return true;
        if (TryParseTime(text, out var t)) { value = t; return true; }
        return false;
    }

    /// <summary>A date of any year XML Schema allows: a <see cref="DateOnly"/> for years 1-9999, else a <see cref="FeelDate"/>.</summary>
    public static bool TryParseAnyDate(string text, out object? date)
    {
        date = null;
        var m = DatePattern().Match(text);
        if (!m.Success) return false;
        date = FeelDate.Create(long.Parse(m.Groups[1].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].ValueSpan, CultureInfo.InvariantCulture));
        return date is not null;
    }

    /// <summary>A date in DateOnly's years 1-9999, as the date part of a date and time must be.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var m = DatePattern().Match(text);
        if (!m.Success) return false;
        if (!int.TryParse(m.Groups[1].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year) || year is < 1 or > 9999) return false;
        int month = int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture), day = int.Parse(m.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    public static bool TryParseTime(string text, out FeelTime time)
    {
        time = default;
        var m = TimePattern().Match(text);
        if (!m.Success) return false;
        int h = Int(m.Groups[1]), min = Int(m.Groups[2]), s = Int(m.Groups[3]);
        if (h > 23 || min > 59 || s > 59) return false;
        var ticks = new TimeSpan(h, min, s).Ticks + FractionTicks(m.Groups[4].Value);
        var local = new TimeOnly(ticks);
        if (m.Groups[9].Success)
        {
            if (FeelZones.Find(m.Groups[9].Value) is null) return false;
            time = FeelTime.InZone(local, m.Groups[9].Value);
            return true;
        }
        if (!TryOffset(m, out var offset)) return false;
        time = new FeelTime(local, offset);
        return true;
    }

    /// <summary>Parses date'T'time; a bare date is not accepted here (the <c>date and time</c> function adds that).</summary>
    public static bool TryParseDateTime(string text, out FeelDateTime value)
    {
        value = default;
        var t = text.IndexOf('T');
        if (t < 0 || !TryParseDate(text[..t], out var date)) return false;
        var rest = text[(t + 1)..];
        var m = TimePattern().Match(rest);
        if (!m.Success) return false;
        int h = Int(m.Groups[1]), min = Int(m.Groups[2]), s = Int(m.Groups[3]);
        var dayEnd = h == 24 && min == 0 && s == 0 && !m.Groups[4].Success;
        if ((h > 23 && !dayEnd) || min > 59 || s > 59) return false;
        var local = date.ToDateTime(TimeOnly.MinValue) + new TimeSpan(h, min, s) + new TimeSpan(FractionTicks(m.Groups[4].Value));
        if (m.Groups[9].Success)
        {
            if (FeelZones.Find(m.Groups[9].Value) is null) return false;
            value = FeelDateTime.InZone(local, m.Groups[9].Value);
            return true;
        }
        if (!TryOffset(m, out var offset)) return false;
        value = offset is { } o ? new FeelDateTime(local, o) : new FeelDateTime(local);
        return true;
    }

    /// <summary>Reads P..Y..M (a <see cref="YearsMonthsDuration"/>) or P..DT..H..M..S (a <see cref="TimeSpan"/>); mixing both is not a FEEL value.</summary>
    public static bool TryParseDuration(string text, out object? value)
    {
        value = null;
        var m = DurationPattern().Match(text);
        if (!m.Success) return false;
        var negative = m.Groups[1].Success;
        var yearMonth = m.Groups[2].Success || m.Groups[3].Success;
        var dayTime = m.Groups[4].Success || m.Groups[5].Success || m.Groups[6].Success || m.Groups[7].Success;
        try
        {
            if (yearMonth && dayTime) return false;
            if (yearMonth)
            {
                var months = checked(Long(m.Groups[2]) * 12 + Long(m.Groups[3]));
                value = new YearsMonthsDuration(checked((int)(negative ? -months : months)));
                return true;
            }
            var seconds = m.Groups[7].Success ? decimal.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture) : 0m;
            var total = Long(m.Groups[4]) * 86400m + Long(m.Groups[5]) * 3600m + Long(m.Groups[6]) * 60m + seconds;
            var ticks = decimal.Truncate(total * TimeSpan.TicksPerSecond);
            if (ticks > TimeSpan.MaxValue.Ticks) return false;
            value = new TimeSpan((long)(negative ? -ticks : ticks));
            return true;
        }
        catch (OverflowException) { return false; }
    }

    /// <summary>Reads <c>Z</c> or <c>+hh:mm</c> / <c>-hh:mm</c> (within ±14:00).</summary>
    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var m = TimePattern().Match("00:00:00" + text);
        if (!m.Success || !(m.Groups[5].Success || m.Groups[6].Success) || !TryOffset(m, out var parsed)) return false;
        offset = parsed!.Value;
        return true;
    }

    private static bool TryOffset(Match m, out TimeSpan? offset)
    {
        offset = null;
        if (m.Groups[5].Success) { offset = TimeSpan.Zero; return true; }
        if (!m.Groups[6].Success) return true;
        int h = Int(m.Groups[7]), min = Int(m.Groups[8]);
        if (h > 14 || min > 59 || (h == 14 && min > 0)) return false;
        var o = new TimeSpan(h, min, 0);
        offset = m.Groups[6].Value == "-" ? -o : o;
        return true;
    }

    private static long FractionTicks(string digits) =>
        digits.Length == 0 ? 0 : long.Parse(digits.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);

    private static int Int(Group g) => int.Parse(g.ValueSpan, CultureInfo.InvariantCulture);

    private static long Long(Group g) => g.Success ? long.Parse(g.ValueSpan, CultureInfo.InvariantCulture) : 0;
}
