using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Engine.Api;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Engine.Instances;

/// <param name="UnitId">The unit the instance belongs to; the caller's own unit when absent.</param>
public sealed record StartInstanceRequest(string? ProcessId, int? Version, string? BusinessKey, JsonElement? Variables, Guid? UnitId = null);

public sealed record CancelInstanceRequest(string? Reason);

/// <param name="ScopeKey">The element instance whose scope takes the variables; process level when absent.</param>
public sealed record SetVariablesRequest(JsonElement? Variables, long? ScopeKey);

public sealed record ActiveElementDto(long Key, string ElementId, string Kind, long? ScopeKey);

/// <param name="Visited">GET /api/instances/{id} only (null elsewhere): the elements the instance has entered, each once, in the
/// order first entered (from its history), for the live view's path.</param>
/// <param name="TakenFlows">GET /api/instances/{id} only: the sequence flows taken, each once, in the order first taken.</param>
public sealed record InstanceDto(
    Guid Id, Guid DefinitionId, string ProcessId, int Version, string? BusinessKey, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Guid? ParentInstanceId,
    IReadOnlyList<ActiveElementDto> ActiveElements,
    [property: JsonConverter(typeof(FeelValuesConverter))] IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyList<string>? Visited = null, IReadOnlyList<string>? TakenFlows = null);

public sealed record InstanceSummaryDto(
    Guid Id, string ProcessId, int Version, string? BusinessKey, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Guid? ParentInstanceId, Guid? CaseId = null);

internal static class InstanceMappings
{
    public static InstanceDto ToDto(this Instance row, InstanceState state) => new(
        row.Id, row.DefinitionId, row.ProcessId, row.ProcessVersion, row.BusinessKey, state.Status.ToString(),
        row.StartedAt, state.EndedAt, row.ParentInstanceId,
        state.Elements.Values.Select(e => new ActiveElementDto(e.Key, e.ElementId, e.Kind.ToString(), e.ScopeKey)).ToList(),
        state.Variables);

    public static InstanceDto ToDto(this LoadedInstance instance) => instance.Row.ToDto(instance.State);
}
