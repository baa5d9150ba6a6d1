namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// A runtime data problem inside one element (a condition that is not a boolean, a job type that is not
/// text): the element stops with an incident instead of the whole command being refused. Thrown by
/// behaviours before they change anything, caught where the step runs.
/// </summary>
internal sealed class ElementFailure(string kind, string message) : Exception(message)
{
    public string Kind { get; } = kind;
}

internal static class Incidents
{
    public static Incident Raise(Run run, ElementInstance element, string kind, string message, IncidentRetry retry,
        string? details = null, string? errorCode = null)
    {
        var incident = new Incident
        {
            Key = run.State.NextKey++,
            ElementKey = element.Key,
            ElementId = element.ElementId,
            Kind = kind,
            Message = message,
            Details = details,
            At = run.Now,
            Retry = retry,
            ErrorCode = errorCode,
        };
        run.State.Incidents.Add(incident);
        run.Effects.Add(new IncidentRaised(incident.Key, element.Key, element.ElementId, kind, message, details));
        run.Record(HistoryEventType.IncidentRaised, element.ElementId, element.Key, detail: $"{kind}: {message}");
        return incident;
    }

    public static bool HasOpen(Run run, long elementKey) => run.State.Incidents.Exists(i => i.ElementKey == elementKey);

    /// <summary>An element that ends (left, terminated) takes its incidents with it.</summary>
    public static void DropFor(Run run, ElementInstance element)
    {
        if (run.State.Incidents.Count == 0) return;
        foreach (var incident in run.State.Incidents.FindAll(i => i.ElementKey == element.Key))
        {
            run.State.Incidents.Remove(incident);
            run.Effects.Add(new IncidentResolved(incident.Key));
            run.Record(HistoryEventType.IncidentResolved, element.ElementId, element.Key, detail: $"{incident.Kind}: the element ended");
        }
    }

    public static void Resolve(Run run, ResolveIncident command)
    {
        var incident = run.State.Incidents.Find(i => i.Key == command.IncidentKey)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "incident_not_found",
                $"The instance {run.State.InstanceId} has no open incident {command.IncidentKey}.");
        if (incident.Retry == IncidentRetry.Job && command.JobRetries < 1)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid_retries",
                $"A job created anew needs at least one retry, not {command.JobRetries}.", incident.ElementId);
        run.State.Incidents.Remove(incident);
        run.Effects.Add(new IncidentResolved(incident.Key));
        run.Record(HistoryEventType.IncidentResolved, incident.ElementId, incident.ElementKey, command.User, incident.Kind);

        var element = run.State.Elements[incident.ElementKey];
        switch (incident.Retry)
        {
            case IncidentRetry.Job:
                ServiceTaskBehavior.CreateJob(run, (Model.ServiceTask)run.Definition.Node(element.ElementId), element, command.JobRetries);
                break;
            case IncidentRetry.Throw:
                Errors.Throw(run, element, incident.ErrorCode!, null, variables: null);
                break;
            case IncidentRetry.Leave:
                run.EnqueueLeave(element);
                break;
            case IncidentRetry.CompletionCondition:
                MultiInstanceBehavior.Decide(run, (Model.Activity)run.Definition.Node(element.ElementId), element);
                break;
            default:
                Activation.Start(run, run.Definition.Node(element.ElementId), element);
                break;
        }
    }
}
