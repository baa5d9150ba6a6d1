using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.History;

public sealed record HistoryEntryDto(
    int Seq, string Type, DateTimeOffset At, string? ElementId, long? ElementKey, string? User,
    string? Variable, JsonElement? OldValue, JsonElement? NewValue, string? Detail);

public static class HistoryApi
{
    public static RouteGroupBuilder MapHistory(this RouteGroupBuilder api)
    {
        api.MapGet("/instances/{id}/history", Get).WithTags("History");
        return api;
    }

    private static async Task<Results<Ok<List<HistoryEntryDto>>, ProblemHttpResult>> Get(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var entries = await db.History.AsNoTracking()
            .Where(h => h.InstanceId == id)
            .OrderBy(h => h.Seq)
            .ToListAsync(ct);
        // Every instance has a start entry, so an empty list means an unknown instance.
        if (entries.Count == 0 && !await db.Instances.AnyAsync(i => i.Id == id, ct))
            return Problems.NotFound("instance_not_found", $"Instance {id} does not exist.");
        return TypedResults.Ok(entries.Select(ToDto).ToList());
    }

    private static HistoryEntryDto ToDto(HistoryEntry h) => new(
        h.Seq, h.Type, h.At, h.ElementId, h.ElementKey, h.UserName, h.Variable, Json(h.OldValue), Json(h.NewValue), h.Detail);

    private static JsonElement? Json(string? text) => text is null ? null : JsonSerializer.Deserialize<JsonElement>(text);
}
