namespace CaseFlow.Workflows.Model;

/// <summary>
/// One process of a deployed BPMN file: an immutable graph once built. The parser builds it, the
/// validator checks it, the executor reads it.
/// </summary>
public sealed class ProcessDefinition(string id, string? name, bool isExecutable, int line) : BaseElement(id, name, line)
{
    private readonly Dictionary<string, FlowNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SequenceFlow> _flows = new(StringComparer.Ordinal);

    public bool IsExecutable { get; } = isExecutable;
    public FlowScope Root { get; } = new(null);

    /// <summary>Every node and flow of every nested scope, by id.</summary>
    public IReadOnlyDictionary<string, FlowNode> AllNodes => _nodes;
    public IReadOnlyDictionary<string, SequenceFlow> AllFlows => _flows;

    /// <summary>The process-level start events the service triggers: timers it schedules, messages it correlates by name.</summary>
    public IReadOnlyList<StartEvent> TimerStartEvents { get; private set; } = [];
    public IReadOnlyList<StartEvent> MessageStartEvents { get; private set; } = [];

    public FlowNode Node(string id) =>
        _nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"No element '{id}' in process '{Id}'.");

    /// <summary>Indexes every nested node and flow and resolves derived facts; call once after building.</summary>
    public ProcessDefinition Seal()
    {
        _nodes.Clear();
        _flows.Clear();
        Index(Root);
        var starts = Root.Nodes.OfType<StartEvent>().ToList();
        TimerStartEvents = starts.Where(s => s.Trigger == EventTrigger.Timer && s.Timer is not null).ToList();
        MessageStartEvents = starts.Where(s => s.Trigger == EventTrigger.Message && s.Message is not null).ToList();
        foreach (var gateway in _nodes.Values.OfType<InclusiveGateway>())
        {
            if (gateway.Incoming.Count > 1) gateway.Upstream = ComputeUpstream(gateway);
        }
        return this;
    }

    private static Dictionary<string, IReadOnlySet<string>> ComputeUpstream(InclusiveGateway gateway)
    {
        var upstream = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var flow in gateway.Incoming)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<FlowNode>();
            stack.Push(flow.Source);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node == gateway || !seen.Add(node.Id)) continue;
                foreach (var incoming in node.Incoming) stack.Push(incoming.Source);
                // A token on an activity can also leave through its boundary events.
                // A boundary event without a valid host only exists in a refused model.
                if (node is BoundaryEvent { AttachedTo: { } host }) stack.Push(host);
            }
            upstream[flow.Id] = seen;
        }
        return upstream;
    }

    private void Index(FlowScope scope)
    {
        scope.Seal();
        foreach (var node in scope.Nodes)
        {
            _nodes.TryAdd(node.Id, node);
            if (node is SubProcess sub) Index(sub.Body);
        }
        foreach (var flow in scope.Flows) _flows.TryAdd(flow.Id, flow);
    }
}

/// <summary>The nodes and flows directly inside a process or an embedded sub-process.</summary>
public sealed class FlowScope(SubProcess? owner)
{
    private readonly List<FlowNode> _nodes = [];
    private readonly List<SequenceFlow> _flows = [];

    /// <summary>The sub-process this scope is the body of; null for the process itself.</summary>
    public SubProcess? Owner { get; } = owner;
    public IReadOnlyList<FlowNode> Nodes => _nodes;
    public IReadOnlyList<SequenceFlow> Flows => _flows;

    /// <summary>The none start event, or null when the scope has none.</summary>
    public StartEvent? NoneStart { get; private set; }

    public void Add(FlowNode node)
    {
        node.Scope = this;
        _nodes.Add(node);
    }

    public void Add(SequenceFlow flow)
    {
        flow.Scope = this;
        _flows.Add(flow);
    }

    internal void Seal() =>
        NoneStart = _nodes.OfType<StartEvent>().FirstOrDefault(s => s.Trigger == EventTrigger.None);
}

public abstract class BaseElement(string id, string? name, int line)
{
    public string Id { get; } = id;
    public string? Name { get; } = name;
    /// <summary>1-based line in the BPMN file, for error messages.</summary>
    public int Line { get; } = line;

    public override string ToString() => $"{GetType().Name} {Id}";
}
