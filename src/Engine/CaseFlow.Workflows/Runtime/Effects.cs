namespace CaseFlow.Workflows.Runtime;

/// <summary>What the service must do outside the instance state, in the same transaction.</summary>
public abstract record Effect;

public sealed record TaskCreated(
    long ElementKey, string ElementId, string? Name, string? Assignee,
    IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers,
    DateTimeOffset? DueDate, DateTimeOffset? FollowUpDate, string? FormKey) : Effect;

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
