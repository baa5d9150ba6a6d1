namespace CaseFlow.Workflows.Calendars;

/// <summary>
/// One year's working days as a running count: <c>_before[i]</c> is the number of working days among the
/// year's first <c>i</c> days. Whether a day works is one subtraction, and the n-th working day of the
/// year is a binary search, so counting a due date allocates nothing and never walks day by day.
/// </summary>
internal sealed class YearDays
{
    private readonly short[] _before;

    private YearDays(int year, short[] before)
    {
        Year = year;
        FirstDayNumber = new DateOnly(year, 1, 1).DayNumber;
        _before = before;
    }

    public int Year { get; }

    public int FirstDayNumber { get; }

    public int WorkingDays => _before[^1];

    public static YearDays Build(int year, HolidaySchedule? schedule)
    {
        var first = new DateOnly(year, 1, 1);
        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        var before = new short[length + 1];
        for (var i = 0; i < length; i++)
        {
            var day = first.AddDays(i);
            var working = schedule is null
                ? !WorkCalendar.IsWeekend(day)
                : schedule.WorkdayOn(day) is not null || (!WorkCalendar.IsWeekend(day) && schedule.HolidayOn(day) is null);
            before[i + 1] = (short)(before[i] + (working ? 1 : 0));
        }
        return new YearDays(year, before);
    }

    public bool IsWorking(int dayIndex) => _before[dayIndex + 1] != _before[dayIndex];

    /// <summary>How many working days there are from 1 January up to and including the day.</summary>
    public int WorkingThrough(int dayIndex) => _before[dayIndex + 1];

    /// <summary>The day index of the year's <paramref name="n"/>-th working day (1 ≤ n ≤ <see cref="WorkingDays"/>).</summary>
    public int NthWorkingDay(int n)
    {
        // The first i with _before[i] == n is the day after the n-th working day.
        int low = 1, high = _before.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_before[middle] < n) low = middle + 1; else high = middle;
        }
        return low - 1;
    }
}
