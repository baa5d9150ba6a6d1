namespace CaseFlow.Workflows.Runtime;

/// <summary>What the service must do outside the instance state, in the same transaction.</summary>
public abstract record Effect;

/// <param name="DueInWorkingDays">The due date was counted in working days of the work calendar.</param>
public sealed record TaskCreated(
    long ElementKey, string ElementId, string? Name, string? Assignee,
    IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers,
    DateTimeOffset? DueDate, DateTimeOffset? FollowUpDate, string? FormKey, bool DueInWorkingDays = false) : Effect;

/// <summary>Claimed (assignee set) or unclaimed (null).</summary>
public sealed record TaskAssigned(long ElementKey, string? Assignee) : Effect;

public sealed record TaskCompleted(long ElementKey, string? User) : Effect;

/// <summary>The task's element was left without completion (cancelled, terminated, interrupted).</summary>
public sealed record TaskCancelled(long ElementKey) : Effect;

/// <summary>A service task waits for its job; <paramref name="Variables"/> are those visible to it.</summary>
public sealed record JobCreated(
    long ElementKey, string ElementId, string JobType, int Retries,
    IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, object?> Variables) : Effect;

public sealed record JobCancelled(long ElementKey) : Effect;

/// <summary>A call activity starts <paramref name="ProcessId"/> (latest version) as <paramref name="ChildInstanceId"/>.</summary>
public sealed record ChildInstanceRequested(
    long ElementKey, string ElementId, Guid ChildInstanceId, string ProcessId,
    IReadOnlyDictionary<string, object?> Variables) : Effect;

/// <summary>A business rule task waits for the service to evaluate <paramref name="DecisionId"/> (latest
/// deployed version) over <paramref name="Variables"/>, those visible to it, and to send <see cref="CompleteDecision"/>.</summary>
public sealed record DecisionRequested(
    long ElementKey, string ElementId, string DecisionId, IReadOnlyDictionary<string, object?> Variables) : Effect;

public sealed record ChildInstanceCancelled(Guid ChildInstanceId) : Effect;

/// <summary>The instance reached an end: completed or cancelled.</summary>
public sealed record InstanceEnded(InstanceStatus Status) : Effect;

/// <summary>
/// The service must send <see cref="FireTimer"/> with <paramref name="TimerKey"/> at <paramref name="DueAt"/>,
/// scheduled in the same transaction as the state. <paramref name="ElementKey"/> is the element instance the
/// timer belongs to (the catch event, the activity a boundary timer is attached to, or the event-based
/// gateway); <paramref name="EventId"/> is the timer event. A cycle schedules its next occurrence when it fires.
/// </summary>
public sealed record TimerScheduled(long TimerKey, long ElementKey, string EventId, DateTimeOffset DueAt, bool InWorkingDays = false) : Effect;

public sealed record TimerCancelled(long TimerKey) : Effect;

/// <summary>The instance waits for a message <paramref name="MessageName"/> whose correlation key equals
/// <paramref name="CorrelationKey"/> (the subscription's FEEL key, evaluated when it opened, as text).</summary>
public sealed record MessageSubscriptionOpened(
    long SubscriptionKey, long ElementKey, string EventId, string MessageName, string CorrelationKey) : Effect;

public sealed record MessageSubscriptionClosed(long SubscriptionKey) : Effect;

/// <summary>A message throw or end event publishes a message, correlated by the service like any other.</summary>
public sealed record MessagePublished(string MessageName, string CorrelationKey, IReadOnlyDictionary<string, object?> Variables) : Effect;

/// <summary>
/// The element cannot go on without a person: <paramref name="Kind"/> is a stable code
/// (<c>job_failed</c>, <c>condition_not_boolean</c>, <c>no_flow_taken</c>, <c>unhandled_error</c>,
/// <c>expression_failed</c>, ...), <paramref name="Message"/> says why in plain words and
/// <paramref name="Details"/> keeps what operators need (a job's error text and stack).
/// </summary>
public sealed record IncidentRaised(long IncidentKey, long ElementKey, string ElementId, string Kind, string Message, string? Details = null) : Effect;

public sealed record IncidentResolved(long IncidentKey) : Effect;

/// <summary>A BPMN error nobody in this (called) instance catches ended it; the service throws it at the
/// parent's call activity (<see cref="ThrowError"/>).</summary>
public sealed record ErrorPassedToParent(string ErrorCode, string? ErrorMessage, IReadOnlyDictionary<string, object?> Variables) : Effect;
