namespace CaseFlow.Workflows.Runtime;

/// <summary>What can happen to an instance.</summary>
public abstract record Command;

/// <summary>Starts an instance at the none start event of the process, or at <paramref name="StartEventId"/>
/// (a timer or message start event the service triggered).</summary>
public sealed record StartInstance(
    Guid InstanceId,
    IReadOnlyDictionary<string, object?>? Variables = null,
    string? BusinessKey = null,
    ParentLink? Parent = null,
    string? User = null,
    string? StartEventId = null) : Command;

public sealed record CompleteTask(long ElementKey, IReadOnlyDictionary<string, object?>? Variables, string? User) : Command;

public sealed record ClaimTask(long ElementKey, string User) : Command;

public sealed record UnclaimTask(long ElementKey, string? User) : Command;

/// <summary>A handler or worker finished the job of a service task.</summary>
public sealed record CompleteJob(long ElementKey, IReadOnlyDictionary<string, object?>? Variables) : Command;

/// <summary>The child instance of a call activity completed with these (process-level) variables.</summary>
public sealed record CompleteCallActivity(long ElementKey, IReadOnlyDictionary<string, object?> ChildVariables) : Command;

/// <summary>The service evaluated a business rule task's decision: its result, the rules that matched and
/// the warnings (why something became null), all kept in the history for the case file.</summary>
public sealed record CompleteDecision(
    long ElementKey, object? Result, IReadOnlyList<DecisionMatch> Matches, IReadOnlyList<string>? Warnings = null) : Command;

/// <summary>One matched rule of a decision table; <paramref name="RuleIndex"/> is 1-based.</summary>
public sealed record DecisionMatch(string DecisionId, string RuleId, int RuleIndex, string? Annotation);

public sealed record CancelInstance(string? User, string? Reason = null) : Command;

/// <summary>A timer the instance scheduled (<see cref="TimerScheduled"/>) is due. A timer that is no longer
/// active (its element left meanwhile) is refused with Conflict <c>timer_not_active</c>: the service drops it.</summary>
public sealed record FireTimer(long TimerKey) : Command;

/// <summary>A published message matched a subscription the instance opened (<see cref="MessageSubscriptionOpened"/>).</summary>
public sealed record CorrelateMessage(long SubscriptionKey, string MessageName, IReadOnlyDictionary<string, object?>? Variables) : Command;

/// <summary>
/// A job's attempt failed. <paramref name="RetriesLeft"/> is what remains after this attempt: above zero the
/// service tries again after its back-off and the element keeps waiting; at zero the executor raises an
/// incident (<see cref="IncidentRaised"/>, kind <c>job_failed</c>) carrying the message and details.
/// </summary>
public sealed record FailJob(long ElementKey, int RetriesLeft, string ErrorMessage, string? ErrorDetails = null) : Command;

/// <summary>
/// A job's worker threw a BPMN error (a business outcome, not a failure): caught by the nearest boundary
/// error event with this code (or a catch-all) on the element or an enclosing scope; uncaught in a called
/// instance, it passes to the parent (<see cref="ErrorPassedToParent"/>); uncaught at the top, an incident.
/// </summary>
public sealed record ThrowError(long ElementKey, string ErrorCode, string? ErrorMessage = null,
    IReadOnlyDictionary<string, object?>? Variables = null) : Command;

/// <summary>An operator resolved an incident: the element tries again (a job is created anew with
/// <paramref name="JobRetries"/> retries, a condition is evaluated again with the current variables).</summary>
public sealed record ResolveIncident(long IncidentKey, int JobRetries = 1, string? User = null) : Command;

/// <summary>Sets variables from outside (an operator fixing data before a retry): in the scope of
/// <paramref name="ScopeKey"/> when given, else at process level; recorded in the history as usual.</summary>
public sealed record SetVariables(IReadOnlyDictionary<string, object?> Variables, long? ScopeKey = null, string? User = null) : Command;

/// <summary>
/// The service could not do what a waiting element asked of it (start the called process, evaluate the
/// decision: neither is deployed). The element gets an incident of <paramref name="Kind"/>; resolving it runs
/// the element again, which asks again.
/// </summary>
public sealed record FailElement(long ElementKey, string Kind, string Message) : Command;
