using System.Text;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Definitions;

/// <summary>Instances of one version of a process, by status; <c>incidents</c> counts its open incidents.</summary>
public sealed record VersionStatisticsDto(int Version, Guid DefinitionId, int Active, int Completed, int Cancelled, int Incidents);

/// <summary>Active tokens (element instances) of one element over a version's active instances, and its open incidents.</summary>
public sealed record ElementStatisticsDto(string ElementId, int Active, int Incidents);

public sealed record VersionElementStatisticsDto(int Version, int Active, int Completed, int Cancelled, IReadOnlyList<ElementStatisticsDto> Elements);

/// <summary>
/// How many instances each version of a process has, and where one version's active instances stand: the designer's
/// comparison and live view. Counted over the instances the caller sees (the instances' unit filter applies), so a
/// town supervisor counts their towns' instances.
/// </summary>
public static class DefinitionStatistics
{
    public static RouteGroupBuilder MapDefinitionStatistics(this RouteGroupBuilder definitions)
    {
        definitions.MapGet("/{processId}/statistics", Versions);
        definitions.MapGet("/{processId}/versions/{version:int}/statistics", Elements);
        return definitions;
    }

    /// <summary>Every deployed version, newest first, with zeros where a version has no instances.</summary>
    private static async Task<Results<Ok<List<VersionStatisticsDto>>, ProblemHttpResult>> Versions(string processId, CaseFlowDb db, CancellationToken ct)
    {
        var versions = await db.Definitions.AsNoTracking().Where(d => d.ProcessId == processId)
            .OrderByDescending(d => d.Version).Select(d => new { d.Version, d.Id }).ToListAsync(ct);
        if (versions.Count == 0) return Problems.NotFound("definition_not_found", $"No process '{processId}' is deployed.");
        // Both are index reads (instances by process and status, incidents by process and state), grouped in the database.
        var counts = await db.Instances.AsNoTracking().Where(i => i.ProcessId == processId)
            .GroupBy(i => new { i.ProcessVersion, i.Status })
            .Select(g => new { g.Key.ProcessVersion, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var incidents = await db.Incidents.AsNoTracking().Where(x => x.ProcessId == processId && x.State == IncidentState.Open)
            .Join(db.Instances, x => x.InstanceId, i => i.Id, (x, i) => i.ProcessVersion)
            .GroupBy(v => v).Select(g => new { Version = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Version, g => g.Count, ct);
        int Count(int version, InstanceStatus status) => counts.Where(c => c.ProcessVersion == version && c.Status == status).Sum(c => c.Count);
        return TypedResults.Ok(versions.Select(v => new VersionStatisticsDto(v.Version, v.Id,
            Count(v.Version, InstanceStatus.Active), Count(v.Version, InstanceStatus.Completed), Count(v.Version, InstanceStatus.Cancelled),
            incidents.GetValueOrDefault(v.Version))).ToList());
    }

    /// <summary>
    /// Active tokens per element over the version's active instances. Where an instance stands is kept only in its
    /// state document (Instances/Instance.cs), so this reads and parses the state of every active instance of the
    /// version, one at a time (streamed, not held): its cost grows with the number of active instances and their
    /// variables (docs/workflows.md, Statistics). The designer asks for it when the live view opens, not in a loop.
    /// </summary>
    private static async Task<Results<Ok<VersionElementStatisticsDto>, ProblemHttpResult>> Elements(
        string processId, int version, CaseFlowDb db, CancellationToken ct)
    {
        if (!await db.Definitions.AnyAsync(d => d.ProcessId == processId && d.Version == version, ct))
            return Problems.NotFound("definition_not_found", $"Process '{processId}' has no version {version}.");
        var counts = await db.Instances.AsNoTracking().Where(i => i.ProcessId == processId && i.ProcessVersion == version)
            .GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);

        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var states = db.Instances.AsNoTracking()
            .Where(i => i.ProcessId == processId && i.ProcessVersion == version && i.Status == InstanceStatus.Active)
            .Select(i => i.State).AsAsyncEnumerable();
        await foreach (var text in states.WithCancellation(ct))
        {
            var state = InstanceStateSerializer.Deserialize(Encoding.UTF8.GetBytes(text));
            foreach (var element in state.Elements.Values) tokens[element.ElementId] = tokens.GetValueOrDefault(element.ElementId) + 1;
        }
        var incidents = await db.Incidents.AsNoTracking().Where(x => x.ProcessId == processId && x.State == IncidentState.Open)
            .Join(db.Instances.Where(i => i.ProcessVersion == version), x => x.InstanceId, i => i.Id, (x, i) => x.ElementId)
            .GroupBy(e => e).Select(g => new { ElementId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ElementId, g => g.Count, ct);

        var elements = tokens.Keys.Union(incidents.Keys).Order(StringComparer.Ordinal)
            .Select(id => new ElementStatisticsDto(id, tokens.GetValueOrDefault(id), incidents.GetValueOrDefault(id)))
            .ToList();
        return TypedResults.Ok(new VersionElementStatisticsDto(version, counts.GetValueOrDefault(InstanceStatus.Active),
            counts.GetValueOrDefault(InstanceStatus.Completed), counts.GetValueOrDefault(InstanceStatus.Cancelled), elements));
    }
}
