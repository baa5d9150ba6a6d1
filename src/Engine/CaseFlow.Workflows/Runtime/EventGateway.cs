using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// An event-based gateway waits for whichever of the events after it happens first: it opens their timers
/// and subscriptions itself (owning them), and the first to fire wins: the gateway leaves, which cancels
/// the others, and the winning event is entered and left at once.
/// </summary>
internal static class EventGateway
{
    public static void Open(Run run, EventBasedGateway gateway, ElementInstance element)
    {
        List<(EventNode Event, TimerPlan Plan)> timers = [];
        List<(FlowNode Waiting, MessageDefinition Message, string Key)> subscriptions = [];
        foreach (var flow in gateway.Outgoing)
        {
            switch (flow.Target)
            {
                case IntermediateCatchEvent { Trigger: EventTrigger.Timer } timer:
                    timers.Add((timer, Timers.Plan(run, timer, element.Key)));
                    break;
                case IntermediateCatchEvent { Trigger: EventTrigger.Message, Message: { } message } catchEvent:
                    subscriptions.Add((catchEvent, message, Messages.CorrelationKey(run, catchEvent, message, element.Key)));
                    break;
                case ReceiveTask task:
                    subscriptions.Add((task, task.Message, Messages.CorrelationKey(run, task, task.Message, element.Key)));
                    break;
            }
        }
        foreach (var (timer, plan) in timers) Timers.Schedule(run, element, timer, plan);
        foreach (var (waiting, message, key) in subscriptions) Messages.Subscribe(run, element, waiting, message, key);
    }

    public static void Complete(Run run, ElementInstance gatewayElement, FlowNode winner, IReadOnlyDictionary<string, object?>? variables)
    {
        var gateway = run.Definition.Node(gatewayElement.ElementId);
        var scopeKey = gatewayElement.ScopeKey;
        Completion.Remove(run, gatewayElement, HistoryEventType.ElementLeft);
        var flow = gateway.Outgoing.First(f => f.Target == winner);
        run.Record(HistoryEventType.FlowTaken, flow.Id, scopeKey);
        var element = Activation.Enter(run, winner, scopeKey);
        Completion.ApplyResult(run, winner, element, variables);
        run.EnqueueLeave(element);
    }
}
