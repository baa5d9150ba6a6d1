using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Engine.Calendars;

public sealed record CalendarDayDto(DateOnly Date, string Name);

/// <summary>One year's schedule as the file in force gives it.</summary>
public sealed record CalendarYearDto(
    int Year, string Source, string File, IReadOnlyList<CalendarDayDto> Holidays, IReadOnlyList<CalendarDayDto> Workdays);

public sealed record CalendarYearSummaryDto(int Year, string Source, string File, int Holidays, int Workdays);

public sealed record CalendarProblemDto(string Code, string? Field, string? Date, string Message);

/// <summary>A file whose current text is refused; <see cref="LastGoodVersionInForce"/> tells whether an earlier version still counts.</summary>
public sealed record RefusedCalendarFileDto(string File, bool LastGoodVersionInForce, IReadOnlyList<CalendarProblemDto> Problems);

public sealed record CalendarsDto(IReadOnlyList<CalendarYearSummaryDto> Years, IReadOnlyList<RefusedCalendarFileDto> Refused);

/// <param name="Kind"><c>holiday</c> (with the holiday's name) or <c>weekend</c>.</param>
public sealed record DayOffDto(DateOnly Date, string Kind, string? Name);

/// <summary>
/// A due date and how it was counted: the days off passed over, the adjusted working weekend days counted,
/// and the years that had no calendar file (counted with weekends only).
/// </summary>
public sealed record WorkingDaysDto(
    string From, int Days, string Due,
    IReadOnlyList<DayOffDto> DaysOff, IReadOnlyList<CalendarDayDto> AdjustedWorkdays, IReadOnlyList<int> YearsWithoutFile);

internal static class CalendarMappings
{
    public static CalendarDayDto ToDto(this CalendarDay day) => new(day.Date, day.Name);

    public static CalendarYearDto ToDto(this CalendarFileInForce file) =>
        new(file.Schedule.Year, file.Schedule.Source, file.File,
            file.Schedule.Holidays.Select(d => d.ToDto()).ToList(), file.Schedule.Workdays.Select(d => d.ToDto()).ToList());

    public static CalendarYearSummaryDto ToSummaryDto(this CalendarFileInForce file) =>
        new(file.Schedule.Year, file.Schedule.Source, file.File, file.Schedule.Holidays.Count, file.Schedule.Workdays.Count);

    public static RefusedCalendarFileDto ToDto(this RefusedCalendarFile file) =>
        new(file.File, file.KeptSchedule is not null,
            file.Problems.Select(p => new CalendarProblemDto(p.Code, p.Field, p.Date, p.Message)).ToList());
}
