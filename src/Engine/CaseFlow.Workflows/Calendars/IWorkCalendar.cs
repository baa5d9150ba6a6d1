namespace CaseFlow.Workflows.Calendars;

/// <summary>
/// Which days are working days: weekends and public holidays are off, and adjusted working weekends
/// (调休) are on. Due dates and timers marked to count working days count through it.
/// </summary>
public interface IWorkCalendar
{
    bool IsWorkingDay(DateOnly day);

    /// <summary>
    /// <paramref name="start"/> moved forward by <paramref name="days"/> working days, keeping its time of
    /// day and offset: from a working day, the n-th next working day; from a day off, counting starts at the
    /// next working day (so 1 working day from a Saturday is Monday, or the adjusted Sunday before it).
    /// Zero days from a working day is the start itself, from a day off the next working day: the result is
    /// always on a working day. The day is the one the start has in its own offset (give China time, +08:00).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative days, or a result after 9999-12-31.</exception>
    DateTimeOffset AddWorkingDays(DateTimeOffset start, int days);
}
