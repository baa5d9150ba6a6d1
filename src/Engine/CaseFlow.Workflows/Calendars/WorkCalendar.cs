namespace CaseFlow.Workflows.Calendars;

/// <summary>
/// China's working days from the official schedules: Saturdays, Sundays and the listed holidays are off,
/// the listed adjusted weekend days (调休) are worked. A year without a schedule counts weekends only, and
/// says so through <c>yearWithoutSchedule</c> every time it is consulted (the caller decides how often to
/// warn). Immutable once built; each year is precomputed, so calls allocate nothing.
/// </summary>
public sealed class WorkCalendar : IWorkCalendar
{
    // Weekend-only years depend on nothing but the year; built on first use and shared. A race builds the
    // same immutable table twice, and either copy is right, so no lock.
    private static readonly YearDays?[] WeekendYears = new YearDays?[10_000];

    private readonly Dictionary<int, YearDays> _scheduled;
    private readonly Action<int>? _yearWithoutSchedule;

    public WorkCalendar(IEnumerable<HolidaySchedule> schedules, Action<int>? yearWithoutSchedule = null)
    {
        Schedules = schedules.OrderBy(s => s.Year).ToArray();
        _scheduled = new Dictionary<int, YearDays>(Schedules.Count);
        foreach (var schedule in Schedules)
        {
            if (!_scheduled.TryAdd(schedule.Year, YearDays.Build(schedule.Year, schedule)))
                throw new ArgumentException($"Two schedules for {schedule.Year}.", nameof(schedules));
        }
        _yearWithoutSchedule = yearWithoutSchedule;
    }

    /// <summary>Every year counts weekends only.</summary>
    public static WorkCalendar WeekendsOnly { get; } = new([]);

    /// <summary>Sorted by year.</summary>
    public IReadOnlyList<HolidaySchedule> Schedules { get; }

    public HolidaySchedule? ScheduleFor(int year) => Schedules.FirstOrDefault(s => s.Year == year);

    public bool IsWorkingDay(DateOnly day) => YearOf(day.Year).IsWorking(day.DayOfYear - 1);

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var clock = start.DateTime;
        var due = AddWorkingDays(DateOnly.FromDateTime(clock), days);
        return new DateTimeOffset(due.ToDateTime(TimeOnly.FromDateTime(clock)), start.Offset);
    }

    /// <summary>The date form of <see cref="AddWorkingDays(DateTimeOffset, int)"/>, with the same rules.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var year = YearOf(start.Year);
        var index = start.DayOfYear - 1;
        if (days == 0 && year.IsWorking(index)) return start;

        // Both rules of the contract are "the n-th working day after the start day": from a day off the
        // first working day after it is day 1. Zero from a day off lands where counting starts, day 1.
        var wanted = year.WorkingThrough(index) + Math.Max(days, 1);
        while (wanted > year.WorkingDays)
        {
            wanted -= year.WorkingDays;
            if (year.Year == DateOnly.MaxValue.Year)
                throw new ArgumentOutOfRangeException(nameof(days), days, "The due date would fall after 9999-12-31.");
            year = YearOf(year.Year + 1);
        }
        return DateOnly.FromDayNumber(year.FirstDayNumber + year.NthWorkingDay(wanted));
    }

    internal static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private YearDays YearOf(int year)
    {
        if (_scheduled.TryGetValue(year, out var scheduled)) return scheduled;
        _yearWithoutSchedule?.Invoke(year);
        return WeekendYears[year] ??= YearDays.Build(year, null);
    }
}
