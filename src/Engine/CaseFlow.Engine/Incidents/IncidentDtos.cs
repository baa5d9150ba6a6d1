using System.Text.Json;

namespace CaseFlow.Engine.Incidents;

/// <param name="Retries">Retries the job gets when the element is a service task (default 1).</param>
public sealed record RetryIncidentRequest(int? Retries);

/// <param name="Variables">Set as the job's result: the operator did the job's work by hand.</param>
public sealed record ResolveIncidentRequest(JsonElement? Variables);

public sealed record IncidentDto(
    Guid Id, Guid InstanceId, long IncidentKey, string ProcessId, long ElementKey, string ElementId, string Kind,
    string Message, string? Details, string State, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy,
    string? Resolution);

internal static class IncidentMappings
{
    public static IncidentDto ToDto(this Incident i) => new(
        i.Id, i.InstanceId, i.IncidentKey, i.ProcessId, i.ElementKey, i.ElementId, i.Kind, i.Message, i.Details, i.State.ToString(),
        i.CreatedAt, i.ResolvedAt, i.ResolvedBy, i.Resolution);
}
