namespace CaseFlow.Workflows.Runtime;

public enum WorkflowErrorKind
{
    /// <summary>The thing named does not exist (404).</summary>
    NotFound,
    /// <summary>The state does not allow the command now (409).</summary>
    Conflict,
    /// <summary>The command or the data it brings cannot be executed (422).</summary>
    Invalid,
}

/// <summary>A command the executor refuses. The state it was given may be partly changed: discard it.</summary>
public sealed class WorkflowException(WorkflowErrorKind kind, string code, string message, string? elementId = null) : Exception(message)
{
    public WorkflowErrorKind Kind { get; } = kind;
    /// <summary>Stable and machine-readable, e.g. <c>task_not_active</c>, <c>no_flow_taken</c>.</summary>
    public string Code { get; } = code;
    public string? ElementId { get; } = elementId;
}
