using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Deploy-time checks of what events need to run: timer values that can be scheduled, and
/// triggered start events where something can trigger them.</summary>
internal static class EventChecks
{
    // Static values are checked against a fixed clock: only their form matters here.
    private static readonly DateTimeOffset SomeMoment = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Check(EventNode node, ProblemList problems)
    {
        if (node is StartEvent { Trigger: EventTrigger.Timer or EventTrigger.Message } start && start.Scope.Owner is { TriggeredByEvent: false } sub)
        {
            problems.Error(ProblemCodes.TriggeredStartInSubProcess, node.Id, node.Line,
                $"The {Support.Describe(node).Kind} is inside the sub-process '{sub.Id}', which a token enters through its plain start event; " +
                "nothing would ever trigger it. Put it at the process level or in an event sub-process.");
        }
        if (node is StartEvent { Scope.Owner: { TriggeredByEvent: true } } inEventSubProcess) CheckEventSubProcessStart(inEventSubProcess, problems);
        else if (node is StartEvent { Trigger: EventTrigger.Error })
        {
            problems.Error(ProblemCodes.ErrorStartOutsideEventSubProcess, node.Id, node.Line,
                "An error start event can only start an event sub-process (a sub-process with triggeredByEvent=\"true\"); nothing throws an error at a process or a plain sub-process.");
        }
        if (node is BoundaryEvent { Trigger: EventTrigger.Error, CancelActivity: false })
        {
            problems.Error(ProblemCodes.NonInterruptingErrorBoundary, node.Id, node.Line,
                "An error boundary event always interrupts its activity (an error ends the work that threw it): remove cancelActivity=\"false\".");
        }
                if (node.Timer is { } timer) CheckTimer(node, timer, problems);
    }

    /// <summary>CaseFlow runs event sub-processes started by an error; the other triggers are parsed but not run yet.</summary>
    private static void CheckEventSubProcessStart(StartEvent start, ProblemList problems)
    {
        if (start.Trigger == EventTrigger.Error) return;
        var (kind, xml) = Support.Describe(start);
        if (start.Trigger is EventTrigger.Timer or EventTrigger.Message)
        {
            Support.Check($"{kind} in an event sub-process", xml, start.Id, start.Line, problems);
            return;
        }
        if (start.Trigger == EventTrigger.None)
        {
            problems.Error(ProblemCodes.NoStartEvent, start.Id, start.Line,
                "An event sub-process starts on an event: give its start event an error (or, later, a timer or message) definition.");
        }
    }

    private static void CheckTimer(EventNode node, TimerDefinition timer, ProblemList problems)
    {
        if (timer.Kind == TimerKind.Cycle && node is IntermediateCatchEvent)
        {
            problems.Error(ProblemCodes.TimerCycleNotAllowed, node.Id, node.Line,
                "A timer catch event waits once, so a cycle (timeCycle) has no meaning here: use timeDate or timeDuration. Cycles repeat on start and non-interrupting boundary events.");
            return;
        }
        if (timer.Value.IsFeel) return;
        try
        {
            var plan = TimerValues.Plan(timer.Kind, timer.Value.Source, SomeMoment);
            if (plan.Cron is not null && node is not StartEvent)
            {
                problems.Error(ProblemCodes.TimerCycleNotAllowed, node.Id, node.Line,
                    $"The cron expression '{plan.Cron}' can only start instances (on a timer start event); on this event use a repeating interval such as R3/PT1H.");
            }
        }
        catch (TimerValueException e)
        {
            problems.Error(ProblemCodes.InvalidTimerValue, node.Id, node.Line, $"The timer value cannot be scheduled: {e.Message}.");
        }
    }
}
