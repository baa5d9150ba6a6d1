using System.Text.Json;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;

namespace CaseFlow.Engine.Audit;

/// <summary>
/// Adds audit entries to the unit of work, so they commit (or roll back) with the change they record.
/// Never updates or deletes: the log is append-only.
/// </summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Records <paramref name="action"/> on an entity with its values before and after (any object; written
    /// as JSON). Personal data must already be masked or left out of <paramref name="before"/>/<paramref name="after"/>.
    /// </summary>
    public static AuditEntry Record(this CaseFlowDb db, Actor actor, string action, string entityType, string entityId,
        object? before = null, object? after = null, Guid? caseId = null, Guid? personId = null, DateTimeOffset? at = null)
    {
        var entry = new AuditEntry
        {
            At = at ?? DateTimeOffset.UtcNow,
            UserId = actor.UserId,
            UserName = actor.Name,
            UnitId = actor.UnitId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            CaseId = caseId,
            PersonId = personId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Ip = actor.Ip,
        };
        db.AuditLog.Add(entry);
        return entry;
    }
}
