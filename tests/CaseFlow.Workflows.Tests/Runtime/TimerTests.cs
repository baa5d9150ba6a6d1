using CaseFlow.Workflows.Calendars;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class TimerTests
{
    [Fact]
    public void Timer_catch_event_schedules_its_duration_from_now()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("timer-catch").InstanceId;

        var scheduled = Assert.Single(harness.Effects.OfType<TimerScheduled>());
        Assert.Equal(("Wait_Cooling_Off", harness.Now.AddHours(1)), (scheduled.EventId, scheduled.DueAt));
        Assert.Equal(harness.KeyOf(id, "Wait_Cooling_Off"), scheduled.ElementKey);
    }

    [Fact]
    public void Firing_the_catch_timer_continues_the_instance()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("timer-catch").InstanceId;

        harness.FireTimer(id, "Wait_Cooling_Off");

        Assert.Equal(["Task_After"], harness.ActiveTasks(id));
        Assert.Empty(harness.Get(id).Timers);
        Assert.Single(harness.HistoryOf(HistoryEventType.TimerFired));
    }

    [Fact]
    public void Firing_a_timer_that_is_no_longer_active_is_a_conflict()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("timer-catch").InstanceId;
        var key = harness.Timer(id, "Wait_Cooling_Off").Key;
        harness.Execute(id, new FireTimer(key));

        var error = Assert.Throws<WorkflowException>(() => harness.Execute(id, new FireTimer(key)));
        Assert.Equal((WorkflowErrorKind.Conflict, "timer_not_active"), (error.Kind, error.Code));
    }

    [Fact]
    public void Timer_date_from_a_FEEL_expression_is_that_instant()
    {
        var harness = Harness.For("timers.bpmn");
        harness.Start("timer-feel", new { hearing = "2026-04-01T10:00:00+08:00" });

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(8)), Assert.Single(harness.Effects.OfType<TimerScheduled>()).DueAt);
    }

    [Fact]
    public void Timer_date_that_is_not_a_date_raises_an_incident_on_the_event()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("timer-feel", new { hearing = "next week" }).InstanceId;

        var incident = harness.Incident(id);
        Assert.Equal(("invalid_timer_value", "Wait_Until"), (incident.Kind, incident.ElementId));
        Assert.Empty(harness.Effects.OfType<TimerScheduled>());
    }

    [Fact]
    public void Activity_with_boundary_timers_schedules_them_when_it_starts()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("boundary").InstanceId;

        var task = harness.KeyOf(id, "Task_Review");
        Assert.Equal([("Timer_Late", task), ("Timer_Remind", task)],
            harness.Effects.OfType<TimerScheduled>().Select(t => (t.EventId, t.ElementKey)));
    }

    [Fact]
    public void Boundary_timer_interrupts_the_task_and_takes_its_flow()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("boundary").InstanceId;
        var task = harness.KeyOf(id, "Task_Review");

        harness.FireTimer(id, "Timer_Late");

        Assert.Equal(["Task_Escalate"], harness.ActiveTasks(id));
        Assert.Equal(task, Assert.Single(harness.Effects.OfType<TaskCancelled>()).ElementKey);
    }

    [Fact]
    public void Interrupting_boundary_timer_cancels_the_other_boundary_timers()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("boundary").InstanceId;
        var remind = harness.Timer(id, "Timer_Remind").Key;

        harness.FireTimer(id, "Timer_Late");

        Assert.Equal(remind, Assert.Single(harness.Effects.OfType<TimerCancelled>()).TimerKey);
        Assert.Empty(harness.Get(id).Timers);
    }

    [Fact]
    public void Completing_the_task_cancels_its_boundary_timers()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("boundary").InstanceId;

        harness.CompleteTask(id, "Task_Review");

        Assert.Equal(2, harness.Effects.OfType<TimerCancelled>().Count());
        Assert.Equal(InstanceStatus.Completed, harness.Get(id).Status);
    }

    [Fact]
    public void Non_interrupting_boundary_timer_keeps_the_task()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("boundary").InstanceId;

        harness.FireTimer(id, "Timer_Remind");

        Assert.Equal(["Task_Review"], harness.ActiveTasks(id));
        Assert.Single(harness.History, h => h.Type == HistoryEventType.ElementLeft && h.ElementId == "Remind");
    }

    [Fact]
    public void Non_interrupting_cycle_fires_three_times()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("boundary").InstanceId;

        for (var i = 0; i < 3; i++) harness.FireTimer(id, "Timer_Remind");

        Assert.Equal(3, harness.History.Count(h => h.Type == HistoryEventType.ElementEntered && h.ElementId == "Timer_Remind"));
        Assert.DoesNotContain(harness.Get(id).Timers, t => t.EventId == "Timer_Remind");
    }

    [Fact]
    public void Non_interrupting_cycle_schedules_each_occurrence_after_the_one_due()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("boundary").InstanceId;
        var first = harness.Timer(id, "Timer_Remind").DueAt;

        harness.FireTimer(id, "Timer_Remind");

        Assert.Equal(first.AddMinutes(10), harness.Timer(id, "Timer_Remind").DueAt);
    }

    [Fact]
    public void Cancelling_the_instance_cancels_its_timers()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("boundary").InstanceId;

        harness.Execute(id, new CancelInstance("admin"));

        Assert.Equal(2, harness.Effects.OfType<TimerCancelled>().Count());
    }

    [Fact]
    public void Timer_start_event_starts_the_instance_there()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("daily", startEventId: "Start_Daily").InstanceId;

        Assert.Equal(["Task_Check"], harness.ActiveTasks(id));
        Assert.Contains(harness.History, h => h.Type == HistoryEventType.ElementLeft && h.ElementId == "Start_Daily");
    }

    [Fact]
    public void Starting_at_an_unknown_start_event_is_not_found()
    {
        var harness = Harness.For("timers.bpmn");
        var error = Assert.Throws<WorkflowException>(() => harness.Start("daily", startEventId: "Task_Check"));
        Assert.Equal((WorkflowErrorKind.NotFound, "start_event_not_found"), (error.Kind, error.Code));
    }

    [Fact]
    public void The_model_lists_the_timer_start_events_for_the_service()
    {
        var harness = Harness.For("timers.bpmn");
        var start = Assert.Single(harness.Definition("daily").TimerStartEvents);

        var plan = TimerValues.ForStartEvent(start, harness.Now);

        Assert.Equal(("Start_Daily", "0 0 9 * * MON-FRI"), (start.Id, plan.Cron));
    }

    [Fact]
    public void Timer_counting_working_days_skips_the_weekend()
    {
        // The harness clock starts on Sunday 2026-03-01: six working days end on Monday the 9th.
        var harness = Harness.For("timers.bpmn");
        harness.Calendar = new WeekendCalendar();
        harness.Start("working-days");

        var scheduled = Assert.Single(harness.Effects.OfType<TimerScheduled>());
        Assert.Equal((new DateOnly(2026, 3, 9), true), (DateOnly.FromDateTime(scheduled.DueAt.DateTime), scheduled.InWorkingDays));
    }

    [Fact]
    public void Timer_counting_working_days_without_a_calendar_raises_an_incident()
    {
        var harness = Harness.For("timers.bpmn");
        var id = harness.Start("working-days").InstanceId;

        Assert.Equal(("no_work_calendar", "Wait_Days"), (harness.Incident(id).Kind, harness.Incident(id).ElementId));
    }

    [Fact]
    public void Due_date_counting_working_days_skips_the_weekend()
    {
        var harness = new Harness { Calendar = new WeekendCalendar() };
        harness.Deploy(Processes.UserTaskDue("P6D", WorkingDays));
        harness.Start("due");

        var created = Assert.Single(harness.Effects.OfType<TaskCreated>());
        Assert.Equal((new DateOnly(2026, 3, 9), true), (DateOnly.FromDateTime(created.DueDate!.Value.DateTime), created.DueInWorkingDays));
    }

    [Fact]
    public void Due_date_as_a_duration_counts_calendar_days_without_the_property()
    {
        var harness = new Harness();
        harness.Deploy(Processes.UserTaskDue("=duration(&quot;P6D&quot;)"));
        harness.Start("due");

        var created = Assert.Single(harness.Effects.OfType<TaskCreated>());
        Assert.Equal((harness.Now.AddDays(6), false), (created.DueDate, created.DueInWorkingDays));
    }

    [Fact]
    public void Due_date_counting_working_days_without_a_calendar_raises_an_incident()
    {
        var harness = new Harness();
        harness.Deploy(Processes.UserTaskDue("P6D", WorkingDays));
        var id = harness.Start("due").InstanceId;

        Assert.Equal("no_work_calendar", harness.Incident(id).Kind);
    }

    [Fact]
    public void Timers_survive_the_durable_form()
    {
        var harness = Harness.For("timers.bpmn");
        var state = harness.Start("boundary");

        var again = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(state));

        var remind = again.Timers.Single(t => t.EventId == "Timer_Remind");
        Assert.Equal(("PT10M", 2), (remind.Interval, remind.Remaining));
    }

    private const string WorkingDays = """<zeebe:properties><zeebe:property name="caseflow:workingDays" value="true" /></zeebe:properties>""";
}

/// <summary>Saturdays and Sundays off, nothing else.</summary>
internal sealed class WeekendCalendar : IWorkCalendar
{
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var result = start;
        for (var counted = 0; counted < days;)
        {
            result = result.AddDays(1);
            if (IsWorkingDay(DateOnly.FromDateTime(result.DateTime))) counted++;
        }
        return result;
    }
}
