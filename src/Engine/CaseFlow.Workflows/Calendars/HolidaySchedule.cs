namespace CaseFlow.Workflows.Calendars;

/// <summary>A named day of a holiday schedule: a day off (<c>元旦</c>) or an adjusted working weekend day (<c>春节调休上班</c>).</summary>
public sealed record CalendarDay(DateOnly Date, string Name);

/// <summary>
/// One year's official schedule, as the State Council General Office announces it: the days off of each
/// holiday (weekend days inside a break may be listed too) and the weekend days that are worked instead.
/// </summary>
/// <param name="Source">The notice the dates come from, so a reader can check them.</param>
/// <param name="Holidays">Sorted by date, no duplicates, all in <paramref name="Year"/>.</param>
/// <param name="Workdays">Sorted by date, all Saturdays or Sundays of <paramref name="Year"/>, none a holiday.</param>
public sealed record HolidaySchedule(int Year, string Source, IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> Workdays)
{
    public CalendarDay? HolidayOn(DateOnly day) => Find(Holidays, day);

    public CalendarDay? WorkdayOn(DateOnly day) => Find(Workdays, day);

    private static CalendarDay? Find(IReadOnlyList<CalendarDay> days, DateOnly day)
    {
        int low = 0, high = days.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var compared = days[middle].Date.CompareTo(day);
            if (compared == 0) return days[middle];
            if (compared < 0) low = middle + 1; else high = middle - 1;
        }
        return null;
    }
}
