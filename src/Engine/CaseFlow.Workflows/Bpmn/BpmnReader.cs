using System.Xml.Linq;
using CaseFlow.Workflows.Model;
using static CaseFlow.Workflows.Bpmn.BpmnNames;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// Builds one <see cref="ProcessDefinition"/> from a bpmn:process element. Nodes come first (scope by
/// scope), then everything that refers to nodes by id (boundary hosts, sequence flows, default flows),
/// because BPMN lets a reference point forward in the file.
/// </summary>
internal sealed class BpmnReader
{
    private readonly BpmnDocument _document;
    private readonly ProblemList _problems;
    private readonly ExpressionReader _expressions;
    private readonly ZeebeReader _zeebe;
    private readonly EventReader _events;
    private readonly Dictionary<string, FlowNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<(XElement Xml, FlowScope Scope)> _flows = [];
    private readonly List<(XElement Xml, BoundaryEvent Event)> _boundaries = [];
    private readonly List<(XElement Xml, FlowNode Node)> _defaults = [];

    public BpmnReader(BpmnDocument document, ProblemList problems)
    {
        _document = document;
        _problems = problems;
        _expressions = new ExpressionReader(problems);
        _zeebe = new ZeebeReader(document, problems, _expressions);
        _events = new EventReader(document, problems, _expressions);
    }

    public ProcessDefinition Read(XElement process)
    {
        var definition = new ProcessDefinition(_document.IdOf(process), process.Attr("name"), BpmnParser.IsExecutable(process), process.LineOf());
        ReadScope(process, definition.Root);
        AttachBoundaries();
        ConnectFlows();
        ResolveDefaults();
        return definition;
    }

    private void ReadScope(XElement container, FlowScope scope)
    {
        foreach (var child in container.Elements())
        {
            // Vendor elements outside extensionElements carry nothing CaseFlow runs.
            if (!child.IsBpmn() || !_document.Owns(child)) continue;
            var local = child.Name.LocalName;
            if (local == "sequenceFlow")
            {
                _flows.Add((child, scope));
                continue;
            }
            if (NotFlowElements.Contains(local)) continue;
            var node = ReadNode(child, local, _document.IdOf(child));
            _nodes.TryAdd(node.Id, node);
            scope.Add(node);
        }
    }

    private FlowNode ReadNode(XElement xml, string local, string id)
    {
        var name = xml.Attr("name");
        var line = xml.LineOf();
        FlowNode node = local switch
        {
            "startEvent" or "endEvent" or "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent"
                => _events.Read(xml, local, id, name, line),
            "task" or "manualTask" => new PassThroughTask(id, name, line),
            "userTask" => _zeebe.UserTask(xml, id, name, line),
            "serviceTask" or "sendTask" => _zeebe.ServiceTask(xml, id, name, line),
            "scriptTask" => _zeebe.ScriptTask(xml, id, name, line),
            "businessRuleTask" => _zeebe.BusinessRuleTask(xml, id, name, line),
            "receiveTask" => new ReceiveTask(id, name, line) { Message = _events.ReceiveTaskMessage(xml, id, line) },
            "subProcess" => new SubProcess(id, name, line) { TriggeredByEvent = xml.Attr("triggeredByEvent") is "true" or "1" },
            "callActivity" => _zeebe.CallActivity(xml, id, name, line),
            "exclusiveGateway" => new ExclusiveGateway(id, name, line),
            "parallelGateway" => new ParallelGateway(id, name, line),
            "inclusiveGateway" => new InclusiveGateway(id, name, line),
            "eventBasedGateway" => new EventBasedGateway(id, name, line),
            // Unknown BPMN elements are kept as placeholders: the support table refuses them by name,
            // and flows to them still resolve instead of adding "unknown target" noise.
            _ => new UnsupportedElement(id, name, line, local),
        };

        node.IoMapping = _zeebe.IoMapping(xml, id, line);
        if (_zeebe.Properties(xml) is { } properties) node.Properties = properties;
        if (node is BoundaryEvent boundary) _boundaries.Add((xml, boundary));
        if (xml.Attr("default") is not null) _defaults.Add((xml, node));
        if (node is SubProcess sub) ReadScope(xml, sub.Body);
        if (node is Activity activity and not UnsupportedElement) ReadActivityCharacteristics(xml, activity, id, line);
        return node;
    }

    private void ReadActivityCharacteristics(XElement xml, Activity activity, string id, int line)
    {
        if (xml.Element(BpmnNs + "multiInstanceLoopCharacteristics") is { } loop)
        {
            activity.MultiInstance = _zeebe.MultiInstance(loop, id, line);
        }
        if (xml.Element(BpmnNs + "standardLoopCharacteristics") is not null)
        {
            Support.Check("standard loop", "standardLoopCharacteristics", id, line, _problems);
        }
        if (xml.Attr("isForCompensation") is "true" or "1")
        {
            Support.Check("compensation handler", "isForCompensation=\"true\"", id, line, _problems);
        }
    }

    private void AttachBoundaries()
    {
        foreach (var (xml, boundary) in _boundaries)
        {
            var hostId = xml.Attr("attachedToRef");
            var host = hostId is null ? null : _nodes.GetValueOrDefault(hostId);
            string? reason = host switch
            {
                null when hostId is null => "has no attachedToRef: a boundary event must sit on the border of a task or sub-process",
                null => $"is attached to '{hostId}', which is not an element of this process",
                not Activity => $"is attached to '{hostId}', which is a {Support.Describe(host).Kind}; boundary events can only sit on tasks, sub-processes and call activities",
                _ when host.Scope != boundary.Scope => $"is attached to '{hostId}', which is in a different sub-process than the boundary event",
                _ => null,
            };
            if (reason is null) ((Activity)host!).Attach(boundary);
            else _problems.Error(ProblemCodes.BoundaryWithoutHost, boundary.Id, boundary.Line, $"The boundary event {reason}.");
        }
    }

    private void ConnectFlows()
    {
        foreach (var (xml, scope) in _flows)
        {
            var id = _document.IdOf(xml);
            var line = xml.LineOf();
            var source = Resolve(xml, "sourceRef", ProblemCodes.MissingSource, "comes from", id, line);
            var target = Resolve(xml, "targetRef", ProblemCodes.MissingTarget, "leads to", id, line);
            if (source is null || target is null) continue;

            foreach (var end in new[] { source, target }.Distinct())
            {
                if (end.Scope == scope) continue;
                _problems.Error(ProblemCodes.FlowCrossesScope, id, line,
                    $"The sequence flow connects '{end.Id}', which is {Where(end.Scope)}, while the flow itself is {Where(scope)}. " +
                    "A sequence flow cannot cross a sub-process border: connect to the sub-process itself, or use its start and end events.");
            }

            var body = xml.Element(BpmnNs + "conditionExpression").Text();
            var condition = body is null ? null : _expressions.Feel(body, "condition", id, line);
            // Connected even across scopes, so the reachability check does not add noise to the report.
            scope.Add(SequenceFlow.Connect(id, xml.Attr("name"), line, source, target, condition));
        }
    }

    private FlowNode? Resolve(XElement flow, string attribute, string code, string verb, string id, int line)
    {
        var reference = flow.Attr(attribute);
        if (reference is not null && _nodes.TryGetValue(reference, out var node)) return node;
        var reason = reference is null
            ? $"The sequence flow has no {attribute}: it must say which element it {verb}."
            : _document.Find(reference) is { } other
                ? $"The sequence flow {verb} '{reference}', which is a {other.Name.LocalName} and not a flow element of this process."
                : $"The sequence flow {verb} '{reference}', but no element has that id.";
        _problems.Error(code, id, line, reason);
        return null;
    }

    private void ResolveDefaults()
    {
        foreach (var (xml, node) in _defaults)
        {
            var flowId = xml.Attr("default")!;
            var flow = node.Outgoing.FirstOrDefault(f => f.Id == flowId);
            if (node is Gateway gateway and (ExclusiveGateway or InclusiveGateway) && flow is not null)
            {
                gateway.Default = flow;
                continue;
            }
            var reason = node is not (ExclusiveGateway or InclusiveGateway)
                ? $"The {Support.Describe(node).Kind} names '{flowId}' as its default flow, but only exclusive and inclusive gateways can have one."
                : $"The default flow '{flowId}' is not one of the gateway's outgoing sequence flows.";
            _problems.Error(ProblemCodes.DefaultFlowInvalid, node.Id, node.Line, reason);
        }
    }

    private static string Where(FlowScope scope) => scope.Owner is { } sub ? $"inside sub-process '{sub.Id}'" : "at the process level";
}
