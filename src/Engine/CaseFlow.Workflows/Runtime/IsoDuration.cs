using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// An ISO 8601 duration as timers and due dates use it: calendar months, days and a time of day part,
/// kept apart because each is added differently (months on the calendar, days on the calendar or as
/// working days, time as elapsed time). <c>P1Y2M3W4DT5H6M7.5S</c>; a week is seven days.
/// </summary>
public readonly partial record struct IsoDuration(int Months, int Days, TimeSpan Time)
{
    [GeneratedRegex(@"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public bool IsZero => Months == 0 && Days == 0 && Time == TimeSpan.Zero;

    public static bool TryParse(string text, out IsoDuration duration)
    {
        duration = default;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        try
        {
            var months = checked(Int(m.Groups[1]) * 12 + Int(m.Groups[2]));
            var days = checked(Int(m.Groups[3]) * 7 + Int(m.Groups[4]));
            var seconds = m.Groups[7].Success ? decimal.Parse(m.Groups[7].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0m;
            var ticks = (Int(m.Groups[5]) * 3600m + Int(m.Groups[6]) * 60m + seconds) * TimeSpan.TicksPerSecond;
            if (ticks > TimeSpan.MaxValue.Ticks) return false;
            duration = new IsoDuration(months, days, new TimeSpan((long)ticks));
            return true;
        }
        catch (OverflowException) { return false; }
    }

    /// <summary>A FEEL days-and-time duration: whole days are the day part, so they can count as working days.</summary>
    public static IsoDuration FromTimeSpan(TimeSpan span) => new(0, span.Days, span - TimeSpan.FromDays(span.Days));

    /// <summary>
    /// <paramref name="start"/> plus this duration: months first, then days (through the calendar when one is
    /// given: working days), then the time part.
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset start, IWorkCalendar? workingDays = null)
    {
        var result = start.AddMonths(Months);
        result = workingDays is not null && Days > 0 ? workingDays.AddWorkingDays(result, Days) : result.AddDays(Days);
        return result + Time;
    }

    /// <summary><see cref="AddTo"/>, false when the result would fall outside the calendar (after the year 9999).</summary>
    public bool TryAddTo(DateTimeOffset start, IWorkCalendar? workingDays, out DateTimeOffset result)
    {
        try
        {
            result = AddTo(start, workingDays);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            result = default;
            return false;
        }
    }

        public override string ToString()
    {
        if (IsZero) return "PT0S";
        var text = new StringBuilder("P");
        if (Months / 12 is var years and > 0) text.Append(years).Append('Y');
        if (Months % 12 is var months and > 0) text.Append(months).Append('M');
        if (Days > 0) text.Append(Days).Append('D');
        if (Time > TimeSpan.Zero)
        {
            text.Append('T');
            if ((int)Time.TotalHours is var hours and > 0) text.Append(hours).Append('H');
            if (Time.Minutes > 0) text.Append(Time.Minutes).Append('M');
            var seconds = Time.Seconds + (Time.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond;
            if (seconds > 0) text.Append(seconds.ToString(CultureInfo.InvariantCulture)).Append('S');
        }
        return text.ToString();
    }

    private static int Int(Group group) => group.Success ? int.Parse(group.ValueSpan, CultureInfo.InvariantCulture) : 0;
}
