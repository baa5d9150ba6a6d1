using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.Engine.Live;

/// <summary>A work-list row changed: <c>change</c> is created, claimed, unclaimed, completed or cancelled.</summary>
public sealed record TaskChangedEvent(Guid TaskId, Guid InstanceId, Guid? CaseId, Guid? UnitId, string ElementId, string? Name,
    string Change, string? Assignee, DateTimeOffset At);

/// <summary>A case changed: <c>change</c> is status, updated, note, document or party.</summary>
public sealed record CaseChangedEvent(Guid CaseId, string Change, DateTimeOffset At);

/// <summary>
/// One event on its way to the hub's clients, as it travels between nodes (PostgreSQL NOTIFY payload): the client
/// event's name and body, and the unit and case that decide who hears it.
/// </summary>
internal sealed record LiveEnvelope(string Event, Guid? UnitId, Guid? CaseId, JsonElement Data)
{
    public const string TaskChanged = "taskChanged";
    public const string CaseChanged = "caseChanged";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static LiveEnvelope Of(TaskChangedEvent e) =>
        new(TaskChanged, e.UnitId, e.CaseId, JsonSerializer.SerializeToElement(e, Json));

    public static LiveEnvelope Of(CaseChangedEvent e, Guid? unitId) =>
        new(CaseChanged, unitId, e.CaseId, JsonSerializer.SerializeToElement(e, Json));

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static LiveEnvelope? Deserialize(string payload) => JsonSerializer.Deserialize<LiveEnvelope>(payload, Json);
}
