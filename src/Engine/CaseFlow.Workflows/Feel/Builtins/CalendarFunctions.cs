using System.Globalization;

namespace CaseFlow.Workflows.Feel;

/// <summary>day of year, day of week, month of year, week of year (ISO 8601), on dates and date-times.</summary>
internal static class CalendarFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("day of year", "date", (a, e) => Date(a[0]) is { } d ? (decimal)d.DayOfYear : Args.Invalid(e, "day of year", a));
        r.Add("day of week", "date", (a, e) => Date(a[0]) is { } d ? d.DayOfWeek.ToString() : Args.Invalid(e, "day of week", a));
        r.Add("month of year", "date", (a, e) => Date(a[0]) is { } d ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month) : Args.Invalid(e, "month of year", a));
        r.Add("week of year", "date", (a, e) => Date(a[0]) is { } d ? (decimal)ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)) : Args.Invalid(e, "week of year", a));
    }

    private static DateOnly? Date(object? value) => value switch
    {
        DateOnly d => d,
        FeelDateTime dt => DateOnly.FromDateTime(dt.Local),
        _ => null,
    };
}
