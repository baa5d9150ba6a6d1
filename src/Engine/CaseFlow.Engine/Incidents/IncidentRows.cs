using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Engine.Incidents;

/// <summary>Turns incident effects into <c>incidents</c> rows inside the command, without reading them first.</summary>
internal sealed class IncidentRows(CaseFlowDb db)
{
    /// <summary>Who resolves, and how, when the command resolves an incident (set by the incident routes).</summary>
    public (string? User, string Resolution) Resolving { get; set; } = (null, "element_ended");

    public void Apply(Instance instance, Effect effect, DateTimeOffset now)
    {
        switch (effect)
        {
            case IncidentRaised raised:
                db.Incidents.Add(new Incident
                {
                    Id = IncidentIds.For(instance.Id, raised.IncidentKey), InstanceId = instance.Id, IncidentKey = raised.IncidentKey,
                    ProcessId = instance.ProcessId, ElementKey = raised.ElementKey, ElementId = raised.ElementId, Kind = raised.Kind,
                    Message = raised.Message, Details = raised.Details, State = IncidentState.Open, CreatedAt = now,
                });
                break;
            case IncidentResolved resolved:
                var incident = Row(IncidentIds.For(instance.Id, resolved.IncidentKey));
                incident.State = IncidentState.Resolved;
                incident.ResolvedAt = now;
                incident.ResolvedBy = Resolving.User;
                incident.Resolution = Resolving.Resolution;
                break;
        }
    }

    /// <summary>Tracked already (raised or loaded in this command), or attached by its derived id without a read.</summary>
    private Incident Row(Guid id)
    {
        if (db.Incidents.Local.FindEntry(id)?.Entity is { } tracked) return tracked;
        var stub = new Incident { Id = id, ProcessId = "", ElementId = "", Kind = "", Message = "" };
        db.Incidents.Attach(stub);
        return stub;
    }
}
