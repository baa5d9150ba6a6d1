using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// Checks the built graph: start and end events, gateways and their conditions, reachability, and
/// what the executor supports. Works on the model only; everything that needs the XML is reported
/// by the reader.
/// </summary>
internal static class BpmnValidator
{
    public static void Validate(ProcessDefinition process, ProblemList problems)
    {
        foreach (var scope in Scopes(process.Root)) CheckStartEvents(process, scope, problems);
        foreach (var node in process.AllNodes.Values)
        {
            CheckEnds(node, problems);
            if (node is Gateway gateway) CheckGateway(gateway, problems);
            if (node is EventNode eventNode) EventChecks.Check(eventNode, problems);
            Support.Check(node, problems);
        }
        foreach (var flow in process.AllFlows.Values) CheckCondition(flow, problems);
        CheckReachability(process, problems);
    }

    private static IEnumerable<FlowScope> Scopes(FlowScope scope) =>
        scope.Nodes.OfType<SubProcess>().SelectMany(s => Scopes(s.Body)).Prepend(scope);

    private static void CheckStartEvents(ProcessDefinition process, FlowScope scope, ProblemList problems)
    {
        var starts = scope.Nodes.OfType<StartEvent>().ToList();
        var noneStarts = starts.Where(s => s.Trigger == EventTrigger.None).ToList();
        var (id, line) = scope.Owner is { } owner ? (owner.Id, owner.Line) : (process.Id, process.Line);
        // A process may start on a message or timer alone (whether those run is the support table's
        // call); an embedded sub-process is entered by a token and needs a none start event for it.
        var missing = scope.Owner switch
        {
            null => starts.Count == 0,
            { TriggeredByEvent: true } => starts.Count == 0,
            _ => noneStarts.Count == 0,
        };
        if (missing)
        {
            var what = scope.Owner is null ? "The process" : scope.Owner.TriggeredByEvent ? "The event sub-process" : "The sub-process";
            problems.Error(ProblemCodes.NoStartEvent, id, line, scope.Owner is { TriggeredByEvent: false }
                ? $"{what} has no start event without a trigger (none start event), so it cannot begin when a token enters it."
                : $"{what} has no start event, so nothing can start it.");
        }
        foreach (var extra in noneStarts.Skip(1))
        {
            problems.Error(ProblemCodes.MultipleNoneStartEvents, extra.Id, extra.Line,
                $"The scope already has the plain start event '{noneStarts[0].Id}'; with two, it would be unclear where an instance begins.");
        }
    }

    private static void CheckEnds(FlowNode node, ProblemList problems)
    {
        if (node is StartEvent && node.Incoming.Count > 0)
        {
            problems.Error(ProblemCodes.StartEventHasIncoming, node.Id, node.Line,
                $"A start event cannot have incoming sequence flows ({FlowList(node.Incoming)}): it is where the process begins.");
        }
        if (node is BoundaryEvent && node.Incoming.Count > 0)
        {
            problems.Error(ProblemCodes.BoundaryHasIncoming, node.Id, node.Line,
                $"A boundary event cannot have incoming sequence flows ({FlowList(node.Incoming)}): it is triggered on its task.");
        }
        if (node is SubProcess { TriggeredByEvent: true } && node.Incoming.Count + node.Outgoing.Count > 0)
        {
            problems.Error(ProblemCodes.EventSubProcessHasFlows, node.Id, node.Line,
                $"An event sub-process starts on its event and ends by itself; it cannot have sequence flows ({FlowList([.. node.Incoming, .. node.Outgoing])}).");
        }
                if (node is EndEvent && node.Outgoing.Count > 0)
        {
            problems.Error(ProblemCodes.EndEventHasOutgoing, node.Id, node.Line,
                $"An end event cannot have outgoing sequence flows ({FlowList(node.Outgoing)}): the path stops there.");
        }
    }

    private static void CheckGateway(Gateway gateway, ProblemList problems)
    {
        if (gateway is EventBasedGateway) CheckEventBasedGateway(gateway, problems);
        if (gateway is not (ExclusiveGateway or InclusiveGateway)) return;
        if (gateway.Default is { Condition: not null } conditionalDefault)
        {
            problems.Error(ProblemCodes.DefaultFlowInvalid, gateway.Id, gateway.Line,
                $"The default flow '{conditionalDefault.Id}' also has a condition; a default flow is taken exactly when no condition holds, so remove its condition.");
        }
        if (gateway.Outgoing.Count < 2) return;
        var unconditional = gateway.Outgoing.Where(f => f.Condition is null && f != gateway.Default).ToList();
        foreach (var flow in unconditional)
        {
            problems.Error(ProblemCodes.MissingCondition, flow.Id, flow.Line,
                $"The flow leaves the gateway '{gateway.Id}', which has several outgoing flows, without a condition and is not its default flow: give it a condition or make it the default.");
        }
        if (unconditional.Count == 0 && gateway.Default is null)
        {
            problems.Error(ProblemCodes.GatewayWithoutDefault, gateway.Id, gateway.Line,
                "Every outgoing flow of the gateway has a condition and none is the default. If no condition holds " +
                "(for example when a variable is missing) the case would get stuck: mark one flow as the default.");
        }
    }

    /// <summary>The gateway waits for the events after it, so every path out of it must start with one.</summary>
    private static void CheckEventBasedGateway(Gateway gateway, ProblemList problems)
    {
        if (gateway.Outgoing.Count < 2)
        {
            problems.Error(ProblemCodes.InvalidEventBasedGateway, gateway.Id, gateway.Line,
                "An event-based gateway chooses between events, so it needs at least two outgoing flows, each to a timer or message catch event or a receive task.");
        }
        foreach (var flow in gateway.Outgoing)
        {
            if (flow.Target is IntermediateCatchEvent { Trigger: EventTrigger.Timer or EventTrigger.Message } or ReceiveTask { MultiInstance: null }) continue;
            problems.Error(ProblemCodes.InvalidEventBasedGateway, gateway.Id, gateway.Line,
                $"The flow '{flow.Id}' leads to the {Support.Describe(flow.Target).Kind} '{flow.Target.Id}'; after an event-based gateway every flow must lead to a timer or message catch event or a receive task.");
        }
    }

    private static void CheckCondition(SequenceFlow flow, ProblemList problems)
    {
        if (flow.Condition is null || flow.Source is ExclusiveGateway or InclusiveGateway) return;
        var source = Support.Describe(flow.Source).Kind;
        problems.Error(ProblemCodes.ConditionIgnored, flow.Id, flow.Line, flow.Source is Gateway
            ? $"The flow has a condition, but it leaves the {source} '{flow.Source.Id}', which does not evaluate conditions. Remove the condition, or use an exclusive or inclusive gateway."
            : $"The flow has a condition, but it leaves the {source} '{flow.Source.Id}'; CaseFlow only evaluates conditions on flows leaving exclusive or inclusive gateways. Put a gateway after the {source}.");
    }

    private static void CheckReachability(ProcessDefinition process, ProblemList problems)
    {
        var nodes = process.AllNodes.Values;
        // A scope without a start event is already reported; listing all of its elements again adds nothing.
        bool Checked(FlowScope scope) => scope.Nodes.Any(n => n is StartEvent);
        // Event sub-processes start on their trigger and link catch events are entered from their link
        // throw: neither is meant to have incoming flows.
        var roots = nodes.Where(n => n is StartEvent or SubProcess { TriggeredByEvent: true } or BoundaryEvent { AttachedTo: null }
            or IntermediateCatchEvent { Trigger: EventTrigger.Link });
        var reached = new HashSet<FlowNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<FlowNode>(roots);
        while (pending.TryPop(out var node))
        {
            if (!reached.Add(node)) continue;
            foreach (var flow in node.Outgoing) pending.Push(flow.Target);
            if (node is Activity activity) foreach (var boundary in activity.BoundaryEvents) pending.Push(boundary);
        }
        foreach (var node in nodes.Where(n => !reached.Contains(n) && Checked(n.Scope)))
        {
            var reason = node is BoundaryEvent boundary
                ? $"The boundary event can never fire: its task '{boundary.AttachedTo.Id}' can never be reached."
                : node.Incoming.Count == 0
                    ? $"Nothing leads to this {Support.Describe(node).Kind}: no sequence flow arrives at it, so it can never run."
                    : $"This {Support.Describe(node).Kind} can never be reached from a start event; the flows into it only come from elements that cannot run either.";
            problems.Error(ProblemCodes.UnreachableElement, node.Id, node.Line, reason);
        }
    }

    private static string FlowList(IReadOnlyList<SequenceFlow> flows) => string.Join(", ", flows.Select(f => $"'{f.Id}'"));
}
