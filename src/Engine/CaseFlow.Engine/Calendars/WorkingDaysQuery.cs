using System.Globalization;
using System.Text.RegularExpressions;
using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Engine.Calendars;

/// <summary>The due-date check behind <c>GET /api/calendars/working-days</c>: the count and what it passed over.</summary>
internal static partial class WorkingDaysQuery
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>A date, or a date-time that states its offset: which day it is depends on the offset.</summary>
    public static bool TryParseStart(string? text, out DateTimeOffset start, out bool dateOnly)
    {
        start = default;
        dateOnly = false;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            dateOnly = true;
            return true;
        }
        // An unencoded '+' in a query string arrives as a space: "09:00:00 08:00" meant "+08:00".
        var offset = Offset().Match(text);
        if (!offset.Success) return false;
        if (offset.Value.StartsWith(' '))
        {
            // ...but "2026-09-30 09:00" is a time without an offset, not a date at +09:00.
            if (!text.AsSpan(0, offset.Index).Contains(':')) return false;
            text = string.Concat(text.AsSpan(0, offset.Index), "+", offset.Value.AsSpan(1));
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
    }

    public static WorkingDaysDto Count(CalendarSnapshot snapshot, DateTimeOffset start, bool dateOnly, int days)
    {
        var calendar = snapshot.Calendar;
        var due = calendar.AddWorkingDays(start, days);
        var first = DateOnly.FromDateTime(start.DateTime);
        var last = DateOnly.FromDateTime(due.DateTime);
        var daysOff = new List<DayOffDto>();
        var adjusted = new List<CalendarDayDto>();
        for (var day = first; day < last; day = day.AddDays(1))
        {
            var schedule = snapshot.FileFor(day.Year)?.Schedule;
            if (!calendar.IsWorkingDay(day))
                daysOff.Add(schedule?.HolidayOn(day) is { } holiday ? new DayOffDto(day, "holiday", holiday.Name) : new DayOffDto(day, "weekend", null));
            else if (schedule?.WorkdayOn(day) is { } workday)
                adjusted.Add(workday.ToDto());
        }
        var withoutFile = Enumerable.Range(first.Year, last.Year - first.Year + 1).Where(y => snapshot.FileFor(y) is null).ToList();
        return new WorkingDaysDto(Format(start, dateOnly), days, Format(due, dateOnly), daysOff, adjusted, withoutFile);
    }

    private static string Format(DateTimeOffset value, bool dateOnly) =>
        value.ToString(dateOnly ? DateFormat : DateTimeFormat, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(Z|[+\- ]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();
}
