using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CaseFlow.Workflows.Feel;

/// <summary>ISO 8601 printing of FEEL temporal values, shared by <c>ToString</c> and <c>string()</c>.</summary>
internal static class TemporalFormat
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>hh:mm:ss with a fraction only when there is one, trimmed of trailing zeros.</summary>
    public static string Time(long ticksOfDay)
    {
        var t = new TimeSpan(ticksOfDay);
        var text = t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var fraction = ticksOfDay % TimeSpan.TicksPerSecond;
        return fraction == 0 ? text : text + "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    public static string Suffix(TimeSpan? offset, string? zoneId)
    {
        if (zoneId is not null) return "@" + zoneId;
        if (offset is not { } o) return "";
        if (o == TimeSpan.Zero) return "Z";
        var sign = o < TimeSpan.Zero ? "-" : "+";
        var a = o.Duration();
        var text = sign + a.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return a.Seconds == 0 ? text : text + a.ToString(@"\:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>Days-and-time duration as ISO: P1DT2H, PT0.5S, -PT1M, PT0S.</summary>
    public static string Duration(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "PT0S";
        // TimeSpan.MinValue cannot be negated; its magnitude still fits in an unsigned tick count.
        var ticks = value.Ticks < 0 ? (ulong)(-(value.Ticks + 1)) + 1 : (ulong)value.Ticks;
        var sb = new StringBuilder(value.Ticks < 0 ? "-P" : "P");
        ulong days = ticks / (ulong)TimeSpan.TicksPerDay, rest = ticks % (ulong)TimeSpan.TicksPerDay;
        if (days != 0) sb.Append(days).Append('D');
        if (rest == 0) return sb.ToString();
        sb.Append('T');
        ulong hours = rest / (ulong)TimeSpan.TicksPerHour, minutes = rest / (ulong)TimeSpan.TicksPerMinute % 60;
        ulong seconds = rest / (ulong)TimeSpan.TicksPerSecond % 60, fraction = rest % (ulong)TimeSpan.TicksPerSecond;
        if (hours != 0) sb.Append(hours).Append('H');
        if (minutes != 0) sb.Append(minutes).Append('M');
        if (seconds != 0 || fraction != 0)
        {
            sb.Append(seconds);
            if (fraction != 0) sb.Append('.').Append(fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0'));
            sb.Append('S');
        }
        return sb.ToString();
    }
}

/// <summary>Looks up IANA zone ids once; unknown ids are remembered as misses too.</summary>
internal static class FeelZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo? Find(string id) => Cache.GetOrAdd(id, static key =>
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(key); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    });
}
