using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// BPMN errors: a business outcome thrown by an error end event, a job worker or a called instance, caught
/// by the nearest error boundary event with its code (or a catch-all) on the thrower or an enclosing scope.
/// </summary>
internal static class Errors
{
    /// <param name="source">The service task or call activity the error was thrown at, or the error end event.</param>
    /// <param name="variables">Set like a completion's, on the boundary event that catches the error.</param>
    public static void Throw(Run run, ElementInstance source, string code, string? message, IReadOnlyDictionary<string, object?>? variables)
    {
        run.Record(HistoryEventType.ErrorThrown, source.ElementId, source.Key, detail: message is null ? code : $"{code}: {message}");
        if (FindCatch(run, source, code) is ({ } catcher, { } boundary))
        {
            run.Record(HistoryEventType.ErrorCaught, boundary.Id, catcher.Key, detail: code);
            Triggers.EnterBoundary(run, boundary, catcher, variables);
            return;
        }
        if (run.State.Parent is not null)
        {
            PassToParent(run, code, message, variables);
            return;
        }
        if (variables is not null)
        {
            foreach (var (name, value) in variables) run.SetPropagating(source.Key, name, value);
        }
        Incidents.Raise(run, source, "unhandled_error",
            $"The error '{code}' thrown at '{source.ElementId}' is caught by no error boundary event." + (message is null ? "" : $" {message}"),
            source.Kind == ElementKind.ServiceTask ? IncidentRetry.Job : IncidentRetry.Throw, errorCode: code);
    }

    /// <summary>
    /// The innermost activity, from the thrower outwards, with an error boundary event for <paramref name="code"/>;
    /// at each level an exact code wins over a catch-all. An inner instance of a multi-instance activity has no
    /// boundary events of its own: its body carries them.
    /// </summary>
    private static (ElementInstance Catcher, BoundaryEvent Boundary)? FindCatch(Run run, ElementInstance source, string code)
    {
        var current = run.Definition.Node(source.ElementId) is Activity ? source : Scope(run, source);
        for (; current is not null; current = Scope(run, current))
        {
            if (current.LoopCounter is not null || run.Definition.Node(current.ElementId) is not Activity activity) continue;
            BoundaryEvent? catchAll = null;
            foreach (var boundary in activity.BoundaryEvents)
            {
                if (boundary.Trigger != EventTrigger.Error) continue;
                if (boundary.ErrorCode == code) return (current, boundary);
                if (boundary.ErrorCode is null) catchAll ??= boundary;
            }
            if (catchAll is not null) return (current, catchAll);
        }
        return null;
    }

    private static ElementInstance? Scope(Run run, ElementInstance element) =>
        element.ScopeKey is { } key ? run.State.Elements[key] : null;

    /// <summary>
    /// Nothing in this called instance catches the error: the instance ends as cancelled (so the service does
    /// not complete the call activity) and the service throws the error at the parent's call activity.
    /// </summary>
    private static void PassToParent(Run run, string code, string? message, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var element in run.ChildrenOf(null)) Completion.TerminateElement(run, element);
        run.State.JoinTokens.Clear();
        run.State.Status = InstanceStatus.Cancelled;
        run.State.EndedAt = run.Now;
        run.Record(HistoryEventType.InstanceCancelled, detail: $"error {code} passed to the calling process");
        run.Effects.Add(new ErrorPassedToParent(code, message,
            new Dictionary<string, object?>(variables ?? new Dictionary<string, object?>(), StringComparer.Ordinal)));
        run.Effects.Add(new InstanceEnded(InstanceStatus.Cancelled));
    }
}
