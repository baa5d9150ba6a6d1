using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Leaving elements: results and output mappings, outgoing flows, finished scopes, termination.</summary>
internal static class Completion
{
    /// <summary>
    /// Takes the variables a task, job or called process finished with. With output mappings they become
    /// locals the mappings read; without, they propagate outwards (Zeebe's rule).
    /// </summary>
    public static void ApplyResult(Run run, FlowNode node, ElementInstance element, IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null || variables.Count == 0) return;
        var toLocals = node.IoMapping.Outputs.Count > 0;
        foreach (var (name, value) in variables)
        {
            if (toLocals) run.SetLocal(element, name, value);
            else run.SetPropagating(element.Key, name, value);
        }
    }

    public static void Leave(Run run, ElementInstance element)
    {
        if (!run.State.Elements.ContainsKey(element.Key)) return;
        var node = run.Definition.Node(element.ElementId);

        if (element.Kind == ElementKind.MultiInstanceBody)
        {
            MultiInstanceBehavior.BeforeBodyLeaves(run, (Activity)node, element);
        }
        else
        {
            foreach (var mapping in node.IoMapping.Outputs)
            {
                var value = run.Evaluate(mapping.Source, element.Key, node.Id);
                run.SetTarget(element.ScopeKey, mapping.Target, value);
            }
            if (element.LoopCounter is not null)
            {
                MultiInstanceBehavior.InnerLeaving(run, (Activity)node, element);
                Remove(run, element, HistoryEventType.ElementLeft);
                MultiInstanceBehavior.AfterInnerLeft(run, (Activity)node, element);
                return;
            }
        }

        // Gateways decide before the token leaves, in the scope the token is in.
        IReadOnlyList<SequenceFlow> flows;
        try
        {
            flows = Outgoing(run, node, element);
        }
        catch (ElementFailure failure)
        {
            Incidents.Raise(run, element, failure.Kind, failure.Message, IncidentRetry.Leave);
            return;
        }
        Remove(run, element, HistoryEventType.ElementLeft);
        if (flows.Count == 0)
        {
            CompleteScopeIfDone(run, element.ScopeKey);
            return;
        }
        foreach (var flow in flows) run.EnqueueTakeFlow(flow, element.ScopeKey);
    }

    private static IReadOnlyList<SequenceFlow> Outgoing(Run run, FlowNode node, ElementInstance element)
    {
        if (node is not (ExclusiveGateway or InclusiveGateway)) return node.Outgoing;
        var gateway = (Gateway)node;
        List<SequenceFlow>? taken = null;
        foreach (var flow in gateway.Outgoing)
        {
            if (flow == gateway.Default) continue;
            if (flow.Condition is { } condition && !IsTrue(run, condition, flow, element)) continue;
            if (gateway is ExclusiveGateway) return flow.Alone;
            (taken ??= []).Add(flow);
        }
        if (taken is not null) return taken;
        if (gateway.Default is { } fallback) return fallback.Alone;
        if (gateway.Outgoing.Count == 0) return [];
        throw new ElementFailure("no_flow_taken", $"No condition of gateway '{gateway.Id}' is true and it has no default flow.");
    }

    /// <summary>Only a boolean decides: null (a missing variable, a failed expression) is not read as false,
    /// because guessing would silently send a case down the wrong branch.</summary>
    private static bool IsTrue(Run run, Expression condition, SequenceFlow flow, ElementInstance gateway) =>
        run.Evaluate(condition, gateway.ScopeKey, flow.Id) switch
        {
            bool b => b,
            var other => throw new ElementFailure("condition_not_boolean",
                $"The condition of flow '{flow.Id}' ({condition.Source}) gave {Describe(other)}, not true or false."),
        };

    private static string Describe(object? value) => value is null ? "null" : $"a {Feel.FeelValue.TypeName(value)} ({Feel.FeelValue.ToFeelString(value)})";

    /// <summary>Takes the element instance out with everything it owns: incidents, timers, subscriptions.</summary>
    public static void Remove(Run run, ElementInstance element, HistoryEventType type)
    {
        Incidents.DropFor(run, element);
        Timers.CancelFor(run, element);
        Messages.CloseFor(run, element);
        run.State.Elements.Remove(element.Key);
        run.Record(type, element.ElementId, element.Key);
    }

    /// <summary>A scope whose last token has gone finishes: the sub-process leaves, or the instance completes.</summary>
    public static void CompleteScopeIfDone(Run run, long? scopeKey)
    {
        if (run.HasChildren(scopeKey)) return;
        if (scopeKey is null)
        {
            CompleteInstance(run);
            return;
        }
        var scope = run.State.Elements[scopeKey.Value];
        if (scope.Kind == ElementKind.SubProcess) run.EnqueueLeave(scope);
    }

    private static void CompleteInstance(Run run)
    {
        if (run.State.Status != InstanceStatus.Active) return;
        run.State.Status = InstanceStatus.Completed;
        run.State.EndedAt = run.Now;
        run.Record(HistoryEventType.InstanceCompleted);
        run.Effects.Add(new InstanceEnded(InstanceStatus.Completed));
    }

    /// <summary>A terminate end event ends its whole scope at once: every other token in it is terminated.</summary>
    public static void Terminate(Run run, ElementInstance endEvent)
    {
        var scopeKey = endEvent.ScopeKey;
        foreach (var sibling in run.ChildrenOf(scopeKey))
        {
            if (sibling.Key != endEvent.Key) TerminateElement(run, sibling);
        }
        run.State.JoinTokens.RemoveAll(t => t.ScopeKey == scopeKey);
        Remove(run, endEvent, HistoryEventType.ElementLeft);
        if (scopeKey is null)
        {
            CompleteInstance(run);
            return;
        }
        run.MarkTerminated(scopeKey.Value);
        run.EnqueueLeave(run.State.Elements[scopeKey.Value]);
    }

    /// <summary>Ends an element without completing it, inner scopes first, and withdraws its task, job or child.</summary>
    public static void TerminateElement(Run run, ElementInstance element)
    {
        foreach (var child in run.ChildrenOf(element.Key)) TerminateElement(run, child);
        run.State.JoinTokens.RemoveAll(t => t.ScopeKey == element.Key);
        switch (element.Kind)
        {
            case ElementKind.UserTask: run.Effects.Add(new TaskCancelled(element.Key)); break;
            case ElementKind.ServiceTask: run.Effects.Add(new JobCancelled(element.Key)); break;
            case ElementKind.CallActivity when element.ChildInstanceId is { } child: run.Effects.Add(new ChildInstanceCancelled(child)); break;
        }
        run.MarkTerminated(element.Key);
        Remove(run, element, HistoryEventType.ElementTerminated);
    }

    public static void CancelInstance(Run run, string? user, string? reason)
    {
        foreach (var element in run.ChildrenOf(null)) TerminateElement(run, element);
        run.State.JoinTokens.Clear();
        run.State.Status = InstanceStatus.Cancelled;
        run.State.EndedAt = run.Now;
        run.Record(HistoryEventType.InstanceCancelled, user: user, detail: reason);
        run.Effects.Add(new InstanceEnded(InstanceStatus.Cancelled));
    }
}
