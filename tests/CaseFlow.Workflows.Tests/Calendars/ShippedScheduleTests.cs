using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Workflows.Tests.Calendars;

/// <summary>
/// The shipped schedules against the notices, typed here a second time so that an accidental edit of a
/// file fails a test. Since 2025 the law gives 13 public holiday days; every weekday taken off beyond them
/// is paid back by an adjusted working weekend day.
/// </summary>
public class ShippedScheduleTests
{
    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Shipped_year_takes_exactly_the_thirteen_statutory_days_off_its_weekdays(int year)
    {
        var calendar = ShippedCalendars.Calendar();
        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i)).ToList();
        var weekdays = days.Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal(weekdays - 13, days.Count(calendar.IsWorkingDay));
    }

    [Fact]
    public void The_2025_adjusted_working_days_are_those_of_the_notice()
    {
        Assert.Equal(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"], Dates(ShippedCalendars.Read(2025).Workdays));
    }

    [Fact]
    public void The_2026_adjusted_working_days_are_those_of_the_notice()
    {
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"], Dates(ShippedCalendars.Read(2026).Workdays));
    }

    [Theory]
    [InlineData(2025, "2025-01-01", "2025-01-01")]
    [InlineData(2025, "2025-01-28", "2025-02-04")]
    [InlineData(2025, "2025-04-04", "2025-04-06")]
    [InlineData(2025, "2025-05-01", "2025-05-05")]
    [InlineData(2025, "2025-05-31", "2025-06-02")]
    [InlineData(2025, "2025-10-01", "2025-10-08")]
    [InlineData(2026, "2026-01-01", "2026-01-03")]
    [InlineData(2026, "2026-02-15", "2026-02-23")]
    [InlineData(2026, "2026-04-04", "2026-04-06")]
    [InlineData(2026, "2026-05-01", "2026-05-05")]
    [InlineData(2026, "2026-06-19", "2026-06-21")]
    [InlineData(2026, "2026-09-25", "2026-09-27")]
    [InlineData(2026, "2026-10-01", "2026-10-07")]
    public void Every_day_of_a_break_in_the_notice_is_off(int year, string first, string last)
    {
        var calendar = ShippedCalendars.Calendar();
        for (var day = DateOnly.Parse(first); day <= DateOnly.Parse(last); day = day.AddDays(1))
            Assert.False(calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd} of {year}");
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Shipped_file_names_its_notice(int year)
    {
        Assert.Contains($"国务院办公厅关于{year}年部分节假日安排的通知", ShippedCalendars.Read(year).Source);
    }

    private static string[] Dates(IEnumerable<CalendarDay> days) => days.Select(d => d.Date.ToString("yyyy-MM-dd")).ToArray();
}
