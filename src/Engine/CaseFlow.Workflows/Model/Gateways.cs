namespace CaseFlow.Workflows.Model;

public abstract class Gateway(string id, string? name, int line) : FlowNode(id, name, line)
{
    /// <summary>The flow taken when no condition holds (exclusive and inclusive gateways).</summary>
    public SequenceFlow? Default { get; set; }
}

public sealed class ExclusiveGateway(string id, string? name, int line) : Gateway(id, name, line);

public sealed class ParallelGateway(string id, string? name, int line) : Gateway(id, name, line);

public sealed class InclusiveGateway(string id, string? name, int line) : Gateway(id, name, line)
{
    /// <summary>For a joining gateway: for each incoming flow, the nodes of the same scope from which a
    /// token could still reach that flow without passing this gateway. The join waits while any such
    /// node holds a token (the BPMN 2.0 inclusive-join rule). Computed by <see cref="ProcessDefinition.Seal"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Upstream { get; internal set; } =
        new Dictionary<string, IReadOnlySet<string>>();
}

public sealed class EventBasedGateway(string id, string? name, int line) : Gateway(id, name, line);
