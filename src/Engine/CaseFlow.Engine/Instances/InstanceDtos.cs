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

public sealed record InstanceDto(
    Guid Id, Guid DefinitionId, string ProcessId, int Version, string? BusinessKey, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Guid? ParentInstanceId,
    IReadOnlyList<ActiveElementDto> ActiveElements,
    [property: JsonConverter(typeof(FeelValuesConverter))] IReadOnlyDictionary<string, object?> Variables);

public sealed record InstanceSummaryDto(
    Guid Id, string ProcessId, int Version, string? BusinessKey, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Guid? ParentInstanceId);

internal static class InstanceMappings
{
    public static InstanceDto ToDto(this Instance row, InstanceState state) => new(
        row.Id, row.DefinitionId, row.ProcessId, row.ProcessVersion, row.BusinessKey, state.Status.ToString(),
        row.StartedAt, state.EndedAt, row.ParentInstanceId,
        state.Elements.Values.Select(e => new ActiveElementDto(e.Key, e.ElementId, e.Kind.ToString(), e.ScopeKey)).ToList(),
        state.Variables);

    public static InstanceDto ToDto(this LoadedInstance instance) => instance.Row.ToDto(instance.State);
}
