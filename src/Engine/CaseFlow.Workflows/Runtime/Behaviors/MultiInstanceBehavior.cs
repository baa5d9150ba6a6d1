using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// A multi-instance activity: a body element instance over the input collection, whose children are
/// the inner instances (all at once when parallel, one after another when sequential).
/// </summary>
internal static class MultiInstanceBehavior
{
    public static void StartBody(Run run, Activity activity, ElementInstance body)
    {
        var loop = activity.MultiInstance!;
        var collection = run.Evaluate(loop.InputCollection, body.Key, activity.Id) as IReadOnlyList<object?>
            ?? throw new ElementFailure("invalid_input_collection",
                $"The input collection of '{activity.Id}' ({loop.InputCollection.Source}) is not a list.");
        var items = collection.ToList();
        body.MultiInstance = new MultiInstanceState
        {
            Items = items,
            Output = loop.OutputCollection is null ? null : Enumerable.Repeat<object?>(null, items.Count).ToList(),
        };
        body.Variables = new(StringComparer.Ordinal) { ["numberOfInstances"] = FeelNumbers.FromInt(items.Count) };
        UpdateCounters(body);

        if (items.Count == 0)
        {
            run.EnqueueLeave(body);
            return;
        }
        var first = loop.IsSequential ? 1 : items.Count;
        for (var i = 0; i < first; i++) StartInner(run, activity, loop, body);
    }

    private static void StartInner(Run run, Activity activity, MultiInstance loop, ElementInstance body)
    {
        var state = body.MultiInstance!;
        var index = state.NextIndex++;
        var input = loop.InputElement is { } name ? (name, state.Items[index]) : ((string, object?)?)null;
        Activation.ActivateElement(run, activity, body.Key, index + 1, input);
        UpdateCounters(body);
    }

    /// <summary>Collects the inner instance's output element while its locals are still there.</summary>
    public static void InnerLeaving(Run run, Activity activity, ElementInstance inner)
    {
        var loop = activity.MultiInstance!;
        var body = run.State.Elements[inner.ScopeKey!.Value];
        if (loop.OutputElement is { } output && body.MultiInstance!.Output is { } collected)
            collected[inner.LoopCounter!.Value - 1] = run.Evaluate(output, inner.Key, activity.Id);
    }

    public static void AfterInnerLeft(Run run, Activity activity, ElementInstance inner)
    {
        var loop = activity.MultiInstance!;
        var body = run.State.Elements[inner.ScopeKey!.Value];
        var state = body.MultiInstance!;
        state.Completed++;
        UpdateCounters(body);
        // While the completion condition waits for a person, the other inner instances finish undisturbed;
        // resolving the incident decides again with everything that completed meanwhile.
        if (Incidents.HasOpen(run, body.Key)) return;
        Decide(run, activity, body);
    }

    /// <summary>
    /// After an inner instance completed: done when the completion condition is true or every item is;
    /// otherwise the next item of a sequential loop. A condition that is not a boolean (null included) is
    /// never taken as false: the body waits with an incident <c>condition_not_boolean</c>.
    /// </summary>
    public static void Decide(Run run, Activity activity, ElementInstance body)
    {
        var loop = activity.MultiInstance!;
        var state = body.MultiInstance!;
        var done = false;
        if (loop.CompletionCondition is { } condition)
        {
            switch (run.Evaluate(condition, body.Key, activity.Id))
            {
                case bool b:
                    done = b;
                    break;
                case var other:
                    Incidents.Raise(run, body, "condition_not_boolean",
                        $"The completion condition of '{activity.Id}' ({condition.Source}) gave {(other is null ? "null" : Feel.FeelValue.ToFeelString(other))}, not true or false.",
                        IncidentRetry.CompletionCondition);
                    return;
            }
        }
        if (done)
        {
            foreach (var other in run.ChildrenOf(body.Key)) Completion.TerminateElement(run, other);
            run.EnqueueLeave(body);
        }
        else if (loop.IsSequential && state.NextIndex < state.Items.Count)
        {
            StartInner(run, activity, loop, body);
        }
        else if (state.Completed == state.Items.Count)
        {
            run.EnqueueLeave(body);
        }
    }

    public static void BeforeBodyLeaves(Run run, Activity activity, ElementInstance body)
    {
        if (activity.MultiInstance!.OutputCollection is { } name)
            run.SetPropagating(body.ScopeKey, name, body.MultiInstance!.Output!.ToList());
    }

    /// <summary>Zeebe's counters for completion conditions; bookkeeping, so not recorded as variable changes.</summary>
    private static void UpdateCounters(ElementInstance body)
    {
        var state = body.MultiInstance!;
        var locals = body.Variables!;
        locals["numberOfCompletedInstances"] = FeelNumbers.FromInt(state.Completed);
        locals["numberOfActiveInstances"] = FeelNumbers.FromInt(state.NextIndex - state.Completed);
    }
}
