using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Entering elements: tokens arriving over flows, joins, and each element kind's behaviour.</summary>
internal static class Activation
{
    public static void TakeFlow(Run run, SequenceFlow flow, long? scopeKey)
    {
        run.Record(HistoryEventType.FlowTaken, flow.Id, scopeKey);
        var target = flow.Target;
        if (target is ParallelGateway or InclusiveGateway && target.Incoming.Count > 1)
        {
            run.State.JoinTokens.Add(new JoinToken(scopeKey, target.Id, flow.Id));
            // Inclusive joins are decided once the agenda is empty (tokens still in transit count).
            if (target is ParallelGateway) TryFireParallelJoin(run, (ParallelGateway)target, scopeKey);
            return;
        }
        Activate(run, target, scopeKey);
    }

    private static void TryFireParallelJoin(Run run, ParallelGateway gateway, long? scopeKey)
    {
        foreach (var incoming in gateway.Incoming)
        {
            if (!run.State.JoinTokens.Exists(t => t.ScopeKey == scopeKey && t.GatewayId == gateway.Id && t.FlowId == incoming.Id))
                return;
        }
        // One token from each incoming flow joins; surplus tokens on a flow wait for the next round.
        foreach (var incoming in gateway.Incoming)
        {
            var index = run.State.JoinTokens.FindIndex(t => t.ScopeKey == scopeKey && t.GatewayId == gateway.Id && t.FlowId == incoming.Id);
            run.State.JoinTokens.RemoveAt(index);
        }
        Activate(run, gateway, scopeKey);
    }

    public static void Activate(Run run, FlowNode node, long? scopeKey)
    {
        if (node is Activity { MultiInstance: not null } activity)
        {
            Start(run, activity, run.CreateElement(activity, ElementKind.MultiInstanceBody, scopeKey));
            return;
        }
        ActivateElement(run, node, scopeKey, loopCounter: null, inputElement: null);
    }

    /// <summary>Creates the element instance, applies input mappings and runs the element's behaviour.</summary>
    public static ElementInstance ActivateElement(Run run, FlowNode node, long? scopeKey, int? loopCounter, (string Name, object? Value)? inputElement)
    {
        var element = Enter(run, node, scopeKey, loopCounter, inputElement);
        Start(run, node, element);
        return element;
    }

    /// <summary>Creates the element instance with its locals (loop counter, input element, input mappings).</summary>
    public static ElementInstance Enter(Run run, FlowNode node, long? scopeKey, int? loopCounter = null, (string Name, object? Value)? inputElement = null)
    {
        var element = run.CreateElement(node, KindOf(node), scopeKey, loopCounter);
        if (loopCounter is { } counter)
        {
            run.SetLocal(element, "loopCounter", FeelNumbers.FromInt(counter));
            if (inputElement is { } input) run.SetLocal(element, input.Name, input.Value);
        }
        foreach (var mapping in node.IoMapping.Inputs)
        {
            // Inputs read the enclosing scope plus the mappings before them.
            var (name, value) = run.ResolveTarget(element.Key, mapping.Target, run.Evaluate(mapping.Source, element.Key, node.Id));
            run.SetLocal(element, name, value);
        }
        return element;
    }

    /// <summary>
    /// Runs the behaviour of an entered element; also what a resolved activation incident runs again.
    /// A data problem (<see cref="ElementFailure"/>) leaves the element waiting with an incident.
    /// </summary>
    public static void Start(Run run, FlowNode node, ElementInstance element)
    {
        try
        {
            Behave(run, node, element);
        }
        catch (ElementFailure failure)
        {
            // Whatever the attempt opened goes, so that a retry opens it once.
            Timers.CancelFor(run, element);
            Messages.CloseFor(run, element);
            Incidents.Raise(run, element, failure.Kind, failure.Message, IncidentRetry.Activate);
        }
    }

    private static void Behave(Run run, FlowNode node, ElementInstance element)
    {
        // Boundary events belong to the activity as a whole: to a multi-instance body, not its inner instances.
        if (node is Activity { BoundaryEvents.Count: > 0 } activity && element.LoopCounter is null) OpenBoundaries(run, activity, element);
        if (element.Kind == ElementKind.MultiInstanceBody)
        {
            MultiInstanceBehavior.StartBody(run, (Activity)node, element);
            return;
        }
        switch (node)
        {
            case UserTask task: UserTaskBehavior.Activate(run, task, element); break;
            case ServiceTask task: ServiceTaskBehavior.Activate(run, task, element); break;
            case ScriptTask task: ScriptTaskBehavior.Activate(run, task, element); break;
            case BusinessRuleTask task: BusinessRuleTaskBehavior.Activate(run, task, element); break;
            case SubProcess sub: SubProcessBehavior.Activate(run, sub, element); break;
            case CallActivity call: CallActivityBehavior.Activate(run, call, element); break;
            case EndEvent { Trigger: EventTrigger.Terminate }: Completion.Terminate(run, element); break;
            case EndEvent { Trigger: EventTrigger.Error, ErrorCode: { } code }: Errors.Throw(run, element, code, null, element.Variables); break;
            case IntermediateCatchEvent { Trigger: EventTrigger.Timer } timerEvent:
                Timers.Schedule(run, element, timerEvent, Timers.Plan(run, timerEvent, element.Key));
                break;
            case IntermediateCatchEvent { Trigger: EventTrigger.Message, Message: { } message } catchEvent:
                Messages.Subscribe(run, element, catchEvent, message, Messages.CorrelationKey(run, catchEvent, message, element.Key));
                break;
            case ReceiveTask task:
                Messages.Subscribe(run, element, task, task.Message, Messages.CorrelationKey(run, task, task.Message, element.Key));
                break;
            case EventBasedGateway gateway: EventGateway.Open(run, gateway, element); break;
            case IntermediateThrowEvent { Trigger: EventTrigger.Message } or EndEvent { Trigger: EventTrigger.Message }:
                Messages.Publish(run, (EventNode)node, element);
                run.EnqueueLeave(element);
                break;
            case StartEvent or EndEvent or IntermediateThrowEvent or Gateway or PassThroughTask:
                run.EnqueueLeave(element);
                break;
            default:
                throw new WorkflowException(WorkflowErrorKind.Invalid, "unsupported_element",
                    $"The element '{node.Id}' ({node.GetType().Name}) cannot be executed yet.", node.Id);
        }
    }

    /// <summary>Evaluates every boundary timer and correlation key before opening any, so a bad value leaves nothing half-open.</summary>
    private static void OpenBoundaries(Run run, Activity activity, ElementInstance element)
    {
        List<(BoundaryEvent Event, TimerPlan Plan)>? timers = null;
        List<(BoundaryEvent Event, MessageDefinition Message, string Key)>? subscriptions = null;
        foreach (var boundary in activity.BoundaryEvents)
        {
            if (boundary.Trigger == EventTrigger.Timer)
                (timers ??= []).Add((boundary, Timers.Plan(run, boundary, element.Key)));
            else if (boundary is { Trigger: EventTrigger.Message, Message: { } message })
                (subscriptions ??= []).Add((boundary, message, Messages.CorrelationKey(run, boundary, message, element.Key)));
        }
        foreach (var (boundary, plan) in timers ?? []) Timers.Schedule(run, element, boundary, plan);
        foreach (var (boundary, message, key) in subscriptions ?? []) Messages.Subscribe(run, element, boundary, message, key);
    }

    private static ElementKind KindOf(FlowNode node) => node switch
    {
        UserTask => ElementKind.UserTask,
        ServiceTask => ElementKind.ServiceTask,
        ScriptTask => ElementKind.ScriptTask,
        BusinessRuleTask => ElementKind.BusinessRuleTask,
        SubProcess => ElementKind.SubProcess,
        CallActivity => ElementKind.CallActivity,
        Gateway => ElementKind.Gateway,
        Activity => ElementKind.Task,
        _ => ElementKind.Event,
    };
}
