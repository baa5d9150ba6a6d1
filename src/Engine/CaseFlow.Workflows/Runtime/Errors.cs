using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// BPMN errors: a business outcome thrown by an error end event, a job worker or a called instance, caught
/// by the nearest error boundary event or error event sub-process with its code (or a catch-all), from the
/// thrower outwards.
/// </summary>
internal static class Errors
{
    private abstract record Catch;

    private sealed record ByBoundary(ElementInstance Activity, BoundaryEvent Boundary) : Catch;

    private sealed record ByEventSubProcess(long? ScopeKey, SubProcess EventSubProcess, StartEvent Start) : Catch;

    /// <param name="source">The service task or call activity the error was thrown at, or the error end event.</param>
    /// <param name="variables">Set like a completion's, on the event that catches the error.</param>
    public static void Throw(Run run, ElementInstance source, string code, string? message, IReadOnlyDictionary<string, object?>? variables)
    {
        run.Record(HistoryEventType.ErrorThrown, source.ElementId, source.Key, detail: message is null ? code : $"{code}: {message}");
        switch (FindCatch(run, source, code))
        {
            case ByBoundary(var activity, var boundary):
                run.Record(HistoryEventType.ErrorCaught, boundary.Id, activity.Key, detail: code);
                Triggers.EnterBoundary(run, boundary, activity, variables);
                return;
            case ByEventSubProcess(var scopeKey, var eventSubProcess, var start):
                run.Record(HistoryEventType.ErrorCaught, start.Id, scopeKey, detail: code);
                StartEventSubProcess(run, scopeKey, eventSubProcess, start, variables);
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
            $"The error '{code}' thrown at '{source.ElementId}' is caught by no error boundary event or event sub-process." + (message is null ? "" : $" {message}"),
            source.Kind == ElementKind.ServiceTask ? IncidentRetry.Job : IncidentRetry.Throw, errorCode: code);
    }

    /// <summary>
    /// From the thrower outwards: the thrower's own boundary events, then for each enclosing scope its error
    /// event sub-processes and then its boundary events. At each place an exact code wins over a catch-all.
    /// An inner instance of a multi-instance activity has no boundary events of its own: its body carries them.
    /// </summary>
    private static Catch? FindCatch(Run run, ElementInstance source, string code)
    {
        if (BoundaryOf(run, source, code) is { } own) return own;
        for (var scopeKey = source.ScopeKey; ; )
        {
            if (EventSubProcessOf(run, scopeKey, code) is { } eventSubProcess) return eventSubProcess;
            if (scopeKey is not { } key) return null;
            var scope = run.State.Elements[key];
            if (BoundaryOf(run, scope, code) is { } boundary) return boundary;
            scopeKey = scope.ScopeKey;
        }
    }

    private static ByBoundary? BoundaryOf(Run run, ElementInstance element, string code)
    {
        if (element.LoopCounter is not null || run.Definition.Node(element.ElementId) is not Activity activity) return null;
        var boundary = Best(activity.BoundaryEvents.Where(b => b.Trigger == EventTrigger.Error), b => b.ErrorCode, code);
        return boundary is null ? null : new ByBoundary(element, boundary);
    }

    private static ByEventSubProcess? EventSubProcessOf(Run run, long? scopeKey, string code)
    {
        FlowScope? body = scopeKey is not { } key ? run.Definition.Root
            : run.State.Elements[key] is { Kind: ElementKind.SubProcess } scope ? ((SubProcess)run.Definition.Node(scope.ElementId)).Body
            : null;
        if (body is null) return null;
        var starts = body.Nodes.OfType<SubProcess>()
            .Where(sub => sub.TriggeredByEvent && !IsRunning(run, sub, scopeKey))
            .SelectMany(sub => sub.Body.Nodes.OfType<StartEvent>().Where(s => s.Trigger == EventTrigger.Error));
        var start = Best(starts, s => s.ErrorCode, code);
        return start is null ? null : new ByEventSubProcess(scopeKey, start.Scope.Owner!, start);
    }

    /// <summary>An error from inside a running event sub-process goes past it, not back into it.</summary>
    private static bool IsRunning(Run run, SubProcess eventSubProcess, long? scopeKey) =>
        run.State.Elements.Values.Any(e => e.ElementId == eventSubProcess.Id && e.ScopeKey == scopeKey);

    private static T? Best<T>(IEnumerable<T> candidates, Func<T, string?> codeOf, string code) where T : class
    {
        T? catchAll = null;
        foreach (var candidate in candidates)
        {
            if (codeOf(candidate) == code) return candidate;
            if (codeOf(candidate) is null) catchAll ??= candidate;
        }
        return catchAll;
    }

    /// <summary>
    /// An error event sub-process interrupts its scope: every other token there is terminated, then the
    /// event sub-process runs from its error start event; when it ends, so does the scope.
    /// </summary>
    private static void StartEventSubProcess(Run run, long? scopeKey, SubProcess eventSubProcess, StartEvent start,
        IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var element in run.ChildrenOf(scopeKey)) Completion.TerminateElement(run, element);
        run.State.JoinTokens.RemoveAll(t => t.ScopeKey == scopeKey);
        run.DropPending(scopeKey);
        var sub = Activation.Enter(run, eventSubProcess, scopeKey);
        var startElement = Activation.Enter(run, start, sub.Key);
        Completion.ApplyResult(run, start, startElement, variables);
        run.EnqueueLeave(startElement);
    }

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
