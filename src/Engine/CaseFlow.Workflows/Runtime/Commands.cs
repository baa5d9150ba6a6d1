namespace CaseFlow.Workflows.Runtime;

/// <summary>What can happen to an instance. Timers, messages and job failures arrive with later issues.</summary>
public abstract record Command;

/// <summary>Starts an instance at the none start event of the process.</summary>
public sealed record StartInstance(
    Guid InstanceId,
    IReadOnlyDictionary<string, object?>? Variables = null,
    string? BusinessKey = null,
    ParentLink? Parent = null,
    string? User = null) : Command;

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
