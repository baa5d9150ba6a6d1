namespace CaseFlow.Workflows.Model;

public abstract class FlowNode(string id, string? name, int line) : BaseElement(id, name, line)
{
    private readonly List<SequenceFlow> _incoming = [];
    private readonly List<SequenceFlow> _outgoing = [];

    public FlowScope Scope { get; internal set; } = null!;
    public IReadOnlyList<SequenceFlow> Incoming => _incoming;
    public IReadOnlyList<SequenceFlow> Outgoing => _outgoing;

    public IoMapping IoMapping { get; set; } = IoMapping.None;

    /// <summary>zeebe:properties: free name/value pairs the modeler edits; CaseFlow reads its own <c>caseflow:</c> names.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; set; } = NoProperties;

    /// <summary>Property <c>caseflow:workingDays</c> = <c>true</c>: the day part of this element's durations
    /// (due date, follow-up date, timer) counts working days of the work calendar.</summary>
    public bool CountsWorkingDays => Properties.TryGetValue(WorkingDaysProperty, out var value) && value == "true";

    public const string WorkingDaysProperty = "caseflow:workingDays";

    private static readonly Dictionary<string, string> NoProperties = new(StringComparer.Ordinal);

    internal void AddIncoming(SequenceFlow flow) => _incoming.Add(flow);
    internal void AddOutgoing(SequenceFlow flow) => _outgoing.Add(flow);
}

public sealed class SequenceFlow(string id, string? name, int line, FlowNode source, FlowNode target, Expression? condition)
    : BaseElement(id, name, line)
{
    public FlowNode Source { get; } = source;
    public FlowNode Target { get; } = target;
    /// <summary>FEEL condition; null means unconditional.</summary>
    public Expression? Condition { get; } = condition;
    public FlowScope Scope { get; internal set; } = null!;

    /// <summary>This flow as a one-element list, so taking a single flow allocates nothing.</summary>
    internal IReadOnlyList<SequenceFlow> Alone => field ??= [this];

    /// <summary>Creates the flow and wires it into both ends.</summary>
    public static SequenceFlow Connect(string id, string? name, int line, FlowNode source, FlowNode target, Expression? condition)
    {
        var flow = new SequenceFlow(id, name, line, source, target, condition);
        source.AddOutgoing(flow);
        target.AddIncoming(flow);
        return flow;
    }
}

/// <summary>zeebe:ioMapping: inputs evaluated in the enclosing scope into the element's local scope,
/// outputs evaluated in the element's scope into the enclosing one.</summary>
public sealed record IoMapping(IReadOnlyList<Mapping> Inputs, IReadOnlyList<Mapping> Outputs)
{
    public static readonly IoMapping None = new([], []);
    public bool IsEmpty => Inputs.Count == 0 && Outputs.Count == 0;
}

/// <summary>One mapping: <c>source</c> is FEEL (leading '=' optional); <c>Target</c> a variable name
/// or a dotted path into a context (<c>applicant.address</c>).</summary>
public sealed record Mapping(Expression Source, string Target);
