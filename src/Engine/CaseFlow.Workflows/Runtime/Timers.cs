using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Scheduling, firing and cancelling the timers of catch events, boundary events and event-based gateways.</summary>
internal static class Timers
{
    /// <summary>When the event's timer is due, its value evaluated from <paramref name="scopeKey"/>; a value that
    /// cannot be scheduled is an <see cref="ElementFailure"/> of the element being started.</summary>
    public static TimerPlan Plan(Run run, EventNode timerEvent, long scopeKey)
    {
        var timer = timerEvent.Timer!;
        var value = run.Evaluate(timer.Value, scopeKey, timerEvent.Id);
        TimerPlan plan;
        try
        {
            plan = TimerValues.Plan(timer.Kind, value, run.Now, timerEvent.CountsWorkingDays, run.Calendar);
        }
        catch (TimerValueException e)
        {
            throw new ElementFailure(e.Code, $"The timer of '{timerEvent.Id}' ({timer.Value.Source}) cannot be scheduled: {e.Message}.");
        }
        if (plan.Cron is not null)
            throw new ElementFailure("invalid_timer_value",
                $"The timer of '{timerEvent.Id}' ({timer.Value.Source}) gave the cron expression '{plan.Cron}'; cron cycles only run on timer start events.");
        return plan;
    }

    public static void Schedule(Run run, ElementInstance owner, EventNode timerEvent, TimerPlan plan) =>
        Add(run, new TimerInstance
        {
            Key = run.State.NextKey++,
            ElementKey = owner.Key,
            EventId = timerEvent.Id,
            DueAt = plan.DueAt!.Value,
            InWorkingDays = plan.InWorkingDays,
            Interval = plan.Interval?.ToString(),
            Remaining = plan.Interval is null ? 0 : plan.Repetitions - 1,
        });

    private static void Add(Run run, TimerInstance timer)
    {
        run.State.Timers.Add(timer);
        run.Effects.Add(new TimerScheduled(timer.Key, timer.ElementKey, timer.EventId, timer.DueAt, timer.InWorkingDays));
        run.Record(HistoryEventType.TimerScheduled, timer.EventId, timer.ElementKey, detail: $"due {timer.DueAt:O}");
    }

    /// <summary>An element that ends takes its timers (its own and its boundary events') with it.</summary>
    public static void CancelFor(Run run, ElementInstance element)
    {
        if (run.State.Timers.Count == 0) return;
        foreach (var timer in run.State.Timers.FindAll(t => t.ElementKey == element.Key)) Cancel(run, timer);
    }

    public static void Cancel(Run run, TimerInstance timer)
    {
        run.State.Timers.Remove(timer);
        run.Effects.Add(new TimerCancelled(timer.Key));
        run.Record(HistoryEventType.TimerCancelled, timer.EventId, timer.ElementKey);
    }

    public static void Fire(Run run, FireTimer command)
    {
        var timer = run.State.Timers.Find(t => t.Key == command.TimerKey)
            ?? throw new WorkflowException(WorkflowErrorKind.Conflict, "timer_not_active",
                $"The timer {command.TimerKey} is not active in instance {run.State.InstanceId}.");
        run.State.Timers.Remove(timer);
        var owner = run.State.Elements[timer.ElementKey];
        run.Record(HistoryEventType.TimerFired, timer.EventId, owner.Key, detail: $"due {timer.DueAt:O}");
        var timerEvent = (EventNode)run.Definition.Node(timer.EventId);
        if (timerEvent is BoundaryEvent { CancelActivity: false } && timer is { Interval: { } interval, Remaining: null or > 0 })
            ScheduleNext(run, timer, interval);
        Triggers.Trigger(run, owner, timerEvent, variables: null);
    }

    /// <summary>A non-interrupting cycle stays: the next occurrence follows the one due, not the moment it fired,
    /// so a late firing does not shift the series.</summary>
    private static void ScheduleNext(Run run, TimerInstance timer, string interval)
    {
        IsoDuration.TryParse(interval, out var every);
        DateTimeOffset next;
        try
        {
            next = TimerValues.Next(every, timer.DueAt, timer.InWorkingDays, run.Calendar);
        }
        catch (TimerValueException e)
        {
            throw new WorkflowException(WorkflowErrorKind.Invalid, e.Code, $"The timer of '{timer.EventId}' cannot be scheduled again: {e.Message}", timer.EventId);
        }
        Add(run, new TimerInstance
        {
            Key = run.State.NextKey++,
            ElementKey = timer.ElementKey,
            EventId = timer.EventId,
            DueAt = next,
            InWorkingDays = timer.InWorkingDays,
            Interval = interval,
            Remaining = timer.Remaining - 1,
        });
    }
}
