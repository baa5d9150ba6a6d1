using System.Security.Cryptography;
using System.Text;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Dmn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Decisions;

/// <summary>
/// Deploys a DMN file as the next version of its definitions id, unless that id's latest version came
/// from identical content, which is returned instead (no new version), as for BPMN definitions.
/// </summary>
internal static class DecisionDeployment
{
    public static async Task<Results<Created<DecisionDeploymentDto>, Ok<DecisionDeploymentDto>, ProblemHttpResult>> DeployAsync(
        string xml, CaseFlowDb db, DecisionCache cache, TimeProvider clock, CancellationToken ct)
    {
        var parsed = DmnParser.Parse(xml);
        var graph = parsed.DecisionRequirementsGraph;
        if (!parsed.IsDeployable || string.IsNullOrWhiteSpace(graph?.Id)) return Refuse(parsed);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        var latest = await db.DecisionDefinitions.AsNoTracking()
            .Where(d => d.Key == graph.Id)
            .OrderByDescending(d => d.Version)
            .Include(d => d.Decisions)
            .FirstOrDefaultAsync(ct);
        var warnings = parsed.Problems.Select(p => p.ToDto()).ToList();
        if (latest is not null && latest.ContentHash == hash)
            return TypedResults.Ok(ToDto(latest, created: false, warnings));

        var now = clock.GetUtcNow();
        var row = new DecisionDefinition
        {
            Id = Guid.CreateVersion7(now), Key = graph.Id, Version = (latest?.Version ?? 0) + 1, Name = graph.Name,
            Xml = xml, ContentHash = hash, DeployedAt = now,
        };
        foreach (var decision in graph.Decisions)
            row.Decisions.Add(new DeployedDecision { DefinitionId = row.Id, DecisionId = decision.Id, DecisionName = decision.Name });
        db.DecisionDefinitions.Add(row);
        // A concurrent deployment of the same file takes the same version: the unique index refuses
        // the second one (409 concurrent_update).
        await db.SaveChangesAsync(ct);
        cache.Add(row.Id, graph);
        return TypedResults.Created($"/api/decisions/{graph.Decisions[0].Id}", ToDto(row, created: true, warnings));
    }

    private static DecisionDeploymentDto ToDto(DecisionDefinition row, bool created, List<DmnProblemDto> warnings) => new(
        row.Id, row.Key, row.Version, row.Name, row.ContentHash, row.DeployedAt, created,
        row.Decisions.Select(d => new DecisionRefDto(d.DecisionId, d.DecisionName)).ToList(), warnings);

    private static ProblemHttpResult Refuse(DmnParseResult parsed)
    {
        var problems = parsed.Problems.Select(p => p.ToDto()).ToList();
        if (parsed.IsDeployable)
            problems.Add(new DmnProblemDto(DmnProblemCodes.MissingId, null, null,
                "The <definitions> element has no id; CaseFlow versions a DMN file by it.", "error"));
        var errors = problems.Count(p => p.Severity == "error");
        return Problems.Create(StatusCodes.Status422UnprocessableEntity, "invalid_dmn",
            $"The DMN file cannot be deployed: {errors} error(s).", more: [new("problems", problems)]);
    }
}
