using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>What happens when a timer fires or a message arrives for an element that waits for it.</summary>
internal static class Triggers
{
    /// <param name="owner">The element instance the timer or subscription belongs to.</param>
    /// <param name="trigger">The event that fired: the owner itself (a catch event, a receive task), one of its boundary
    /// events, or, for an event-based gateway, one of the events after it.</param>
    public static void Trigger(Run run, ElementInstance owner, FlowNode trigger, IReadOnlyDictionary<string, object?>? variables)
    {
        if (trigger is BoundaryEvent boundary)
        {
            EnterBoundary(run, boundary, owner, variables);
        }
        else if (owner.ElementId == trigger.Id)
        {
            Completion.ApplyResult(run, trigger, owner, variables);
            run.EnqueueLeave(owner);
        }
        else if (owner.Kind == ElementKind.Gateway)
        {
            EventGateway.Complete(run, owner, trigger, variables);
        }
        else
        {
            throw new InvalidOperationException($"'{trigger.Id}' does not belong to element instance {owner.Key} ({owner.ElementId}).");
        }
    }

    /// <summary>
    /// A boundary event fires on <paramref name="activity"/>: an interrupting one terminates the activity
    /// first (through the same path as a terminate end event), then the boundary event is entered beside it
    /// and leaves by its own flows.
    /// </summary>
    public static void EnterBoundary(Run run, BoundaryEvent boundary, ElementInstance activity, IReadOnlyDictionary<string, object?>? variables)
    {
        var scopeKey = activity.ScopeKey;
        if (boundary.CancelActivity) Completion.TerminateElement(run, activity);
        var element = Activation.Enter(run, boundary, scopeKey);
        Completion.ApplyResult(run, boundary, element, variables);
        run.EnqueueLeave(element);
    }
}
