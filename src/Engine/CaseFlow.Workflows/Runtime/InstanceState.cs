namespace CaseFlow.Workflows.Runtime;

public enum InstanceStatus { Active, Completed, Cancelled }

/// <summary>
/// Everything the executor needs to continue an instance: its variables, its active element instances
/// (the tokens) and the tokens waiting at joins. The executor takes a state and a command and changes
/// the state it was given; callers keep the serialized form when they need the old one.
/// </summary>
public sealed class InstanceState
{
    public required Guid InstanceId { get; init; }
    public required string ProcessId { get; init; }
    public required int ProcessVersion { get; init; }
    public string? BusinessKey { get; init; }
    /// <summary>Set for instances started by a call activity.</summary>
    public ParentLink? Parent { get; init; }

    public InstanceStatus Status { get; set; } = InstanceStatus.Active;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Keys of element instances are unique within the instance and never reused.</summary>
    public long NextKey { get; set; } = 1;

    /// <summary>The process-level variables.</summary>
    public Dictionary<string, object?> Variables { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The active element instances by key. Enumeration order is not key order: whoever needs an
    /// order (termination, serialization) sorts by key, so that behaviour never depends on the table's layout.</summary>
    public Dictionary<long, ElementInstance> Elements { get; init; } = [];
    /// <summary>Tokens that arrived at joining gateways and wait for the others.</summary>
    public List<JoinToken> JoinTokens { get; init; } = [];
    /// <summary>Timers waiting to fire, each owned by an element instance.</summary>
    public List<TimerInstance> Timers { get; init; } = [];
    /// <summary>Message subscriptions waiting for a message, each owned by an element instance.</summary>
    public List<MessageSubscription> Subscriptions { get; init; } = [];
    /// <summary>Open incidents: elements that cannot go on until an operator resolves them.</summary>
    public List<Incident> Incidents { get; init; } = [];

    public ElementInstance? Find(long key) => Elements.GetValueOrDefault(key);
}

/// <summary>The call activity that started this instance.</summary>
public sealed record ParentLink(Guid InstanceId, long ElementKey, string ElementId);

public enum ElementKind
{
    Event, Task, UserTask, ServiceTask, ScriptTask, SubProcess, CallActivity, Gateway,
    /// <summary>A business rule task waiting for the service to evaluate its decision.</summary>
    BusinessRuleTask,
    /// <summary>The body of a multi-instance activity; its children are the inner instances.</summary>
    MultiInstanceBody,
}

/// <summary>An active element instance: a token at a node, or a scope holding tokens.</summary>
public sealed class ElementInstance
{
    public required long Key { get; init; }
    public required string ElementId { get; init; }
    public required ElementKind Kind { get; init; }
    /// <summary>The enclosing scope's element instance (a sub-process or a multi-instance body); null at process level.</summary>
    public long? ScopeKey { get; init; }
    public DateTimeOffset ActivatedAt { get; init; }

    /// <summary>Local variables (input mappings, the input element, loopCounter); null when none.</summary>
    public Dictionary<string, object?>? Variables { get; set; }

    /// <summary>For an inner instance of a multi-instance activity: 1-based.</summary>
    public int? LoopCounter { get; init; }
    public MultiInstanceState? MultiInstance { get; set; }
    public TaskState? Task { get; set; }
    /// <summary>For a service task: the job's type, waiting for a handler or a worker.</summary>
    public string? JobType { get; set; }
    /// <summary>For a call activity: the child instance.</summary>
    public Guid? ChildInstanceId { get; set; }
    /// <summary>For a business rule task: the decision it asked for.</summary>
    public string? DecisionId { get; set; }
}

public sealed class MultiInstanceState
{
    public required List<object?> Items { get; init; }
    /// <summary>Index of the next item to start (sequential); equals Items.Count once all started.</summary>
    public int NextIndex { get; set; }
    public int Completed { get; set; }
    /// <summary>Collected outputElement values, by loop position (null where not yet completed).</summary>
    public List<object?>? Output { get; init; }
}

public sealed class TaskState
{
    public string? Assignee { get; set; }
    public required IReadOnlyList<string> CandidateGroups { get; init; }
    public required IReadOnlyList<string> CandidateUsers { get; init; }
    public DateTimeOffset? DueDate { get; init; }
    public DateTimeOffset? FollowUpDate { get; init; }
    public string? FormKey { get; init; }
}

/// <summary>
/// A scheduled timer. <see cref="ElementKey"/> owns it: the catch event, the activity a boundary timer sits
/// on, or the event-based gateway; <see cref="EventId"/> is the timer event. A cycle keeps its interval and
/// how many occurrences remain after this one (null: for ever).
/// </summary>
public sealed class TimerInstance
{
    public required long Key { get; init; }
    public required long ElementKey { get; init; }
    public required string EventId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public bool InWorkingDays { get; init; }
    public string? Interval { get; init; }
    public int? Remaining { get; init; }
}

/// <summary>
/// An open message subscription: <see cref="ElementKey"/> owns it (the catch event or receive task, the
/// activity a boundary event sits on, or the event-based gateway); <see cref="EventId"/> is the element that
/// waits. <see cref="CorrelationKey"/> is the FEEL key as evaluated when the subscription opened.
/// </summary>
public sealed class MessageSubscription
{
    public required long Key { get; init; }
    public required long ElementKey { get; init; }
    public required string EventId { get; init; }
    public required string MessageName { get; init; }
    public required string CorrelationKey { get; init; }
}

/// <summary>What an element does again when its incident is resolved.</summary>
public enum IncidentRetry
{
    /// <summary>Run the element's behaviour again (evaluate its expressions, open its events).</summary>
    Activate,
    /// <summary>Leave again: a gateway evaluates its conditions with the current variables.</summary>
    Leave,
    /// <summary>Create the service task's job anew.</summary>
    Job,
    /// <summary>Throw the error <see cref="Incident.ErrorCode"/> again.</summary>
    Throw,
    /// <summary>A multi-instance body decides again whether it is done (its completion condition).</summary>
    CompletionCondition,
}

/// <summary>An element that cannot go on by itself; its element instance stays where it is.</summary>
public sealed class Incident
{
    public required long Key { get; init; }
    public required long ElementKey { get; init; }
    public required string ElementId { get; init; }
    /// <summary>A stable code: <c>job_failed</c>, <c>condition_not_boolean</c>, <c>no_flow_taken</c>, ...</summary>
    public required string Kind { get; init; }
    public required string Message { get; init; }
    public string? Details { get; init; }
    public DateTimeOffset At { get; init; }
    public IncidentRetry Retry { get; init; }
    /// <summary>For an unhandled error: the error's code, thrown again on resolution.</summary>
    public string? ErrorCode { get; init; }
}

/// <summary>A token that took <see cref="FlowId"/> into the joining gateway <see cref="GatewayId"/> in the scope <see cref="ScopeKey"/>.</summary>
public sealed record JoinToken(long? ScopeKey, string GatewayId, string FlowId);
