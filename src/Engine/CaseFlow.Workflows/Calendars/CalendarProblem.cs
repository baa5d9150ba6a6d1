namespace CaseFlow.Workflows.Calendars;

/// <summary>One thing wrong with a calendar file: which file, which date (when one is to blame), and why.</summary>
/// <param name="Code">Stable, machine-readable; see <see cref="CalendarProblemCodes"/>.</param>
/// <param name="Field">Where in the file, as a JSON path (<c>holidays[3].date</c>); null for the file as a whole.</param>
public sealed record CalendarProblem(string File, string? Date, string Code, string Message, string? Field = null)
{
    public override string ToString() =>
        $"{File}: {(Field is null ? "" : $"{Field}: ")}{(Date is null ? "" : $"{Date}: ")}{Message} [{Code}]";
}

/// <summary>The result of reading one calendar file: the schedule when nothing is wrong, else every problem found.</summary>
public sealed record HolidayScheduleReadResult(HolidaySchedule? Schedule, IReadOnlyList<CalendarProblem> Problems)
{
    public bool IsValid => Schedule is not null;
}

/// <summary>The stable codes of <see cref="CalendarProblem"/>; operators and clients match on them, so a code is never renamed.</summary>
public static class CalendarProblemCodes
{
    public const string MalformedJson = "malformed_json";
    public const string UnknownField = "unknown_field";
    public const string MissingField = "missing_field";
    public const string InvalidField = "invalid_field";
    public const string InvalidYear = "invalid_year";
    public const string FileNameYearMismatch = "file_name_year_mismatch";
    public const string MissingName = "missing_name";
    public const string MalformedDate = "malformed_date";
    public const string DateOutsideYear = "date_outside_year";
    public const string DuplicateDate = "duplicate_date";
    public const string HolidayAndWorkday = "holiday_and_workday";
    public const string WorkdayNotWeekend = "workday_not_weekend";

    /// <summary>Two files of one folder give a schedule for the same year.</summary>
    public const string DuplicateYear = "duplicate_year";
}
