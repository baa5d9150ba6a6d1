namespace CaseFlow.Workflows.Model;

public abstract class Activity(string id, string? name, int line) : FlowNode(id, name, line)
{
    private readonly List<BoundaryEvent> _boundaryEvents = [];

    public MultiInstance? MultiInstance { get; set; }
    public IReadOnlyList<BoundaryEvent> BoundaryEvents => _boundaryEvents;

    public void Attach(BoundaryEvent boundary)
    {
        boundary.AttachedTo = this;
        _boundaryEvents.Add(boundary);
    }
}

/// <summary>A plain bpmn:task or manual task: passes through.</summary>
public sealed class PassThroughTask(string id, string? name, int line) : Activity(id, name, line);

public sealed class UserTask(string id, string? name, int line) : Activity(id, name, line)
{
    public Expression? Assignee { get; init; }
    /// <summary>Comma-separated static list or a FEEL list of strings.</summary>
    public Expression? CandidateGroups { get; init; }
    public Expression? CandidateUsers { get; init; }
    /// <summary>zeebe:formDefinition formKey / formId, or an embedded zeebe:userTaskForm id.</summary>
    public string? FormKey { get; init; }
    /// <summary>The form-js JSON of the zeebe:userTaskForm that <see cref="FormKey"/> names, when the form
    /// is embedded in the BPMN file rather than deployed on its own.</summary>
    public string? EmbeddedForm { get; init; }
    public Expression? DueDate { get; init; }
    public Expression? FollowUpDate { get; init; }
}

/// <summary>Service and send tasks: work done by a handler registered for <see cref="JobType"/>.</summary>
public sealed class ServiceTask(string id, string? name, int line) : Activity(id, name, line)
{
    public required Expression JobType { get; init; }
    public Expression? Retries { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>zeebe:script: the FEEL result goes into <see cref="ResultVariable"/>.</summary>
public sealed class ScriptTask(string id, string? name, int line) : Activity(id, name, line)
{
    public required Expression Script { get; init; }
    public required string ResultVariable { get; init; }
}

/// <summary>Calls a deployed DMN decision (zeebe:calledDecision); the result goes into <see cref="ResultVariable"/>.</summary>
public sealed class BusinessRuleTask(string id, string? name, int line) : Activity(id, name, line)
{
    public required Expression DecisionId { get; init; }
    public required string ResultVariable { get; init; }
}

/// <summary>Waits for a message (bpmn:receiveTask), like a message catch event that can carry boundary events.</summary>
public sealed class ReceiveTask(string id, string? name, int line) : Activity(id, name, line)
{
    public required MessageDefinition Message { get; init; }
}

/// <summary>An embedded sub-process: an activity with a scope of its own.</summary>
public sealed class SubProcess : Activity
{
    public SubProcess(string id, string? name, int line) : base(id, name, line) => Body = new FlowScope(this);

    public FlowScope Body { get; }
    /// <summary>An event sub-process (triggeredByEvent="true"): started by its start event while the
    /// enclosing scope is active, never by a sequence flow.</summary>
    public bool TriggeredByEvent { get; init; }
}

/// <summary>zeebe:calledElement processId (FEEL or static); the child runs the latest version.</summary>
public sealed class CallActivity(string id, string? name, int line) : Activity(id, name, line)
{
    public required Expression CalledProcessId { get; init; }
    /// <summary>Zeebe's propagateAllChildVariables (default true): without output mappings, the
    /// child's variables are merged into the parent when it completes.</summary>
    public bool PropagateAllChildVariables { get; init; } = true;
    /// <summary>Zeebe's propagateAllParentVariables (default true): the child starts with a copy of
    /// the parent's visible variables, plus the input mappings.</summary>
    public bool PropagateAllParentVariables { get; init; } = true;
}

/// <summary>
/// A BPMN element CaseFlow cannot run (complex gateway, transaction, ad-hoc sub-process, ...). The parser
/// keeps it in the graph so flows and boundary events around it still resolve and only the element
/// itself is reported; a file containing one never deploys. It derives from Activity only so that a
/// boundary event on a transaction keeps its host.
/// </summary>
public sealed class UnsupportedElement(string id, string? name, int line, string elementName) : Activity(id, name, line)
{
    /// <summary>The BPMN XML element name, e.g. <c>complexGateway</c>.</summary>
    public string ElementName { get; } = elementName;
}

/// <summary>zeebe:loopCharacteristics on a multi-instance activity.</summary>
public sealed record MultiInstance(
    bool IsSequential,
    Expression InputCollection,
    string? InputElement,
    string? OutputCollection,
    Expression? OutputElement,
    Expression? CompletionCondition);
