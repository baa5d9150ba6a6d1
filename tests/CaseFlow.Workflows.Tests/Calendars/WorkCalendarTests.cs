using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Workflows.Tests.Calendars;

public class WorkCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly WorkCalendar _calendar = ShippedCalendars.Calendar();

    private static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Beijing);

    [Fact]
    public void Five_working_days_from_the_Friday_before_National_Day_skip_the_holiday()
    {
        // 2025-09-28 (Sunday) is worked; 1-8 October are off.
        Assert.Equal(At(2025, 10, 10), _calendar.AddWorkingDays(At(2025, 9, 26), 5));
    }

    [Fact]
    public void Adjusted_working_Sunday_counts_as_a_working_day()
    {
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 1, 4)));
    }

    [Fact]
    public void Holiday_on_a_weekday_is_a_day_off()
    {
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
    }

    [Fact]
    public void Ordinary_Saturday_is_a_day_off()
    {
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
    }

    [Fact]
    public void One_working_day_from_a_Saturday_is_the_Monday()
    {
        Assert.Equal(At(2026, 3, 9), _calendar.AddWorkingDays(At(2026, 3, 7), 1));
    }

    [Fact]
    public void One_working_day_from_a_Saturday_is_the_adjusted_Sunday_after_it()
    {
        Assert.Equal(At(2026, 9, 20), _calendar.AddWorkingDays(At(2026, 9, 19), 1));
    }

    [Fact]
    public void One_working_day_from_a_Friday_is_the_Monday()
    {
        Assert.Equal(At(2026, 3, 16), _calendar.AddWorkingDays(At(2026, 3, 13), 1));
    }

    [Fact]
    public void Spring_Festival_counts_the_adjusted_Saturday_and_skips_the_nine_days_off()
    {
        // Friday 13 Feb: Saturday 14 is worked (1), 15-23 are off, then 24 (2) and 25 (3).
        Assert.Equal(At(2026, 2, 25), _calendar.AddWorkingDays(At(2026, 2, 13), 3));
    }

    [Fact]
    public void Counting_crosses_the_year_end_into_the_next_schedule()
    {
        // 1-3 January 2026 are off and Sunday 4 January is worked.
        Assert.Equal(At(2026, 1, 4), _calendar.AddWorkingDays(At(2025, 12, 31), 1));
    }

    [Fact]
    public void Zero_working_days_from_a_working_day_is_the_start_itself()
    {
        var start = At(2026, 3, 10, 14, 25);
        Assert.Equal(start, _calendar.AddWorkingDays(start, 0));
    }

    [Fact]
    public void Zero_working_days_from_a_holiday_is_the_next_working_day()
    {
        Assert.Equal(At(2026, 10, 8, 16), _calendar.AddWorkingDays(At(2026, 10, 1, 16), 0));
    }

    [Fact]
    public void Time_of_day_and_offset_are_kept()
    {
        var due = _calendar.AddWorkingDays(new DateTimeOffset(2026, 4, 3, 17, 30, 15, 250, Beijing), 1);
        Assert.Equal(new DateTimeOffset(2026, 4, 7, 17, 30, 15, 250, Beijing), due);
        Assert.Equal(Beijing, due.Offset);
    }

    [Fact]
    public void The_day_is_the_one_the_start_has_in_its_own_offset()
    {
        // The same instant: 30 September in UTC (a working Wednesday), 1 October in Beijing (a holiday).
        var utc = new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 20, 0, 0, TimeSpan.Zero), _calendar.AddWorkingDays(utc, 1));
        Assert.Equal(At(2026, 10, 8, 4), _calendar.AddWorkingDays(utc.ToOffset(Beijing), 1));
    }

    [Fact]
    public void A_year_without_a_file_counts_weekends_only()
    {
        // 1 October 2030 is a Tuesday; without a schedule it is an ordinary working day.
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2030, 10, 1)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2030, 10, 5)));
        Assert.Equal(At(2030, 10, 7), _calendar.AddWorkingDays(At(2030, 10, 4), 1));
    }

    [Fact]
    public void A_year_without_a_file_is_reported_to_the_caller()
    {
        var reported = new List<int>();
        var calendar = ShippedCalendars.Calendar(reported.Add);
        calendar.IsWorkingDay(new DateOnly(2026, 5, 6));
        calendar.AddWorkingDays(At(2026, 12, 30), 3);
        Assert.Equal([2027], reported.Distinct());
    }

    [Fact]
    public void Negative_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(At(2026, 3, 10), -1));
    }

    [Fact]
    public void A_due_date_after_9999_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(new DateOnly(9999, 12, 30), 5));
    }

    [Fact]
    public void Counting_a_due_date_allocates_nothing()
    {
        var starts = Enumerable.Range(0, 400).Select(i => At(2025, 6, 1).AddDays(i * 2)).ToArray();
        foreach (var start in starts) _calendar.AddWorkingDays(start, 20);

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var start in starts)
        {
            _calendar.AddWorkingDays(start, 20);
            _calendar.IsWorkingDay(DateOnly.FromDateTime(start.DateTime));
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Counting_agrees_with_walking_day_by_day()
    {
        for (var start = new DateOnly(2024, 12, 1); start <= new DateOnly(2027, 1, 31); start = start.AddDays(1))
        {
            foreach (var days in (int[])[0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 60, 250, 400])
                Assert.True(Walk(start, days) == _calendar.AddWorkingDays(start, days), $"{start:yyyy-MM-dd} + {days}");
        }
    }

    private DateOnly Walk(DateOnly start, int days)
    {
        var day = start;
        while (!_calendar.IsWorkingDay(day)) day = day.AddDays(1);
        if (day != start && days > 0) days--;
        for (; days > 0; days--)
        {
            do day = day.AddDays(1); while (!_calendar.IsWorkingDay(day));
        }
        return day;
    }
}
