using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class TimerValueTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Duration_adds_months_then_days_then_time()
    {
        var plan = TimerValues.Plan(TimerKind.Duration, "P1M2DT3H", Now);
        Assert.Equal(new DateTimeOffset(2026, 4, 4, 12, 0, 0, TimeSpan.FromHours(8)), plan.DueAt);
    }

    [Fact]
    public void A_week_is_seven_days()
    {
        Assert.Equal(Now.AddDays(14), TimerValues.Plan(TimerKind.Duration, "P2W", Now).DueAt);
    }

    [Fact]
    public void Date_with_a_zone_id_is_that_instant()
    {
        var plan = TimerValues.Plan(TimerKind.Date, "2026-05-01T08:00:00@Asia/Shanghai", Now);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), plan.DueAt);
    }

    [Fact]
    public void Date_without_an_offset_is_refused_because_it_names_no_instant()
    {
        var error = Assert.Throws<TimerValueException>(() => TimerValues.Plan(TimerKind.Date, "2026-05-01T08:00:00", Now));
        Assert.Equal("invalid_timer_value", error.Code);
        Assert.Contains("no offset or zone", error.Message);
    }

    [Fact]
    public void Counted_cycle_is_first_due_one_interval_from_now()
    {
        var plan = TimerValues.Plan(TimerKind.Cycle, "R3/PT1H", Now);
        Assert.Equal((Now.AddHours(1), 3, "PT1H"), (plan.DueAt, plan.Repetitions, plan.Interval?.ToString()));
    }

    [Fact]
    public void Cycle_without_a_count_repeats_for_ever()
    {
        Assert.Null(TimerValues.Plan(TimerKind.Cycle, "R/P1D", Now).Repetitions);
    }

    [Fact]
    public void Cycle_with_a_start_is_first_due_at_the_start()
    {
        var plan = TimerValues.Plan(TimerKind.Cycle, "R5/2026-03-10T09:00:00+08:00/P1D", Now);
        Assert.Equal((new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)), 5), (plan.DueAt, plan.Repetitions));
    }

    [Fact]
    public void Cycle_with_zero_repetitions_is_refused()
    {
        Assert.Throws<TimerValueException>(() => TimerValues.Plan(TimerKind.Cycle, "R0/PT1H", Now));
    }

    [Fact]
    public void Cron_cycle_is_returned_as_text_for_the_scheduler()
    {
        var plan = TimerValues.Plan(TimerKind.Cycle, "0 0 9 * * MON-FRI", Now);
        Assert.Equal((null, "0 0 9 * * MON-FRI"), (plan.DueAt, plan.Cron));
    }

    [Fact]
    public void FEEL_duration_counts_its_days_as_working_days_when_asked()
    {
        var plan = TimerValues.Plan(TimerKind.Duration, TimeSpan.FromDays(5), Now, inWorkingDays: true, new WeekendCalendar());
        // Monday plus five working days is the next Monday.
        Assert.Equal((Now.AddDays(7), true), (plan.DueAt, plan.InWorkingDays));
    }

    [Fact]
    public void Working_days_without_a_calendar_are_refused()
    {
        var error = Assert.Throws<TimerValueException>(() => TimerValues.Plan(TimerKind.Duration, "P1D", Now, inWorkingDays: true));
        Assert.Equal("no_work_calendar", error.Code);
    }

    [Fact]
    public void A_date_counting_working_days_needs_no_calendar()
    {
        var plan = TimerValues.Plan(TimerKind.Date, "2026-05-01T08:00:00+08:00", Now, inWorkingDays: true);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.FromHours(8)), plan.DueAt);
    }

    [Fact]
    public void Duration_past_the_calendar_is_refused_not_thrown()
    {
        var error = Assert.Throws<TimerValueException>(() => TimerValues.Plan(TimerKind.Duration, "P99999999D", Now));
        Assert.Equal("invalid_timer_value", error.Code);
    }

    [Fact]
    public void Zero_duration_is_refused()
    {
        Assert.Throws<TimerValueException>(() => TimerValues.Plan(TimerKind.Duration, "PT0S", Now));
    }

    [Theory]
    [InlineData("P1Y2M3DT4H5M6.5S")]
    [InlineData("P10D")]
    [InlineData("PT90M")]
    public void Iso_duration_text_reads_back_to_the_same_duration(string text)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.True(IsoDuration.TryParse(duration.ToString(), out var again));
        Assert.Equal(duration, again);
    }
}
