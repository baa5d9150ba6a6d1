namespace CaseFlow.Workflows.Runtime;

public enum HistoryEventType
{
    InstanceStarted, InstanceCompleted, InstanceCancelled,
    ElementEntered, ElementLeft, ElementTerminated, FlowTaken,
    TaskCreated, TaskClaimed, TaskUnclaimed, TaskCompleted,
    JobCreated, JobCompleted,
    ChildInstanceStarted,
    VariableCreated, VariableUpdated,
    /// <summary>An expression evaluated to null with an error, per FEEL's rules; kept for the case file.</summary>
    ExpressionWarning,
    /// <summary>A business rule task's decision was evaluated; the detail names the decision and the matched rules.</summary>
    DecisionEvaluated,
    TimerScheduled, TimerFired, TimerCancelled,
    MessageSubscribed, MessageCorrelated, MessagePublished,
    /// <summary>A job attempt failed; the detail holds the error and the retries left.</summary>
    JobFailed,
    ErrorThrown, ErrorCaught,
    IncidentRaised, IncidentResolved,
}

/// <summary>One entry of an instance's append-only history.</summary>
public sealed record HistoryEvent(
    HistoryEventType Type,
    DateTimeOffset At,
    string? ElementId = null,
    long? ElementKey = null,
    string? User = null,
    string? Variable = null,
    object? OldValue = null,
    object? NewValue = null,
    string? Detail = null);
