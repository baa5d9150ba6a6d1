using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CaseFlow.Engine.Security;

namespace CaseFlow.Engine.Definitions;

public static class DefinitionsApi
{
    public static RouteGroupBuilder MapDefinitions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/definitions").WithTags("Definitions");

        group.MapPost("/", Deploy).RequireRoles(Roles.Supervisor, Roles.Admin)
            .Accepts<string>("application/xml", "text/xml", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", List);
        group.MapGet("/{processId}/versions", Versions);
        group.MapGet("/{processId}/versions/{version}", Xml).Produces<string>(contentType: "application/xml");
        group.MapDefinitionDrafts();
        group.MapDefinitionStatistics();
        return group;
    }

    private static async Task<Results<Created<DeploymentDto>, Ok<DeploymentDto>, ProblemHttpResult>> Deploy(
        HttpRequest request, Actor actor, CaseFlowDb db, DefinitionCache cache, TimerSchedule timers, StartTimerSettings startTimers,
        TimeProvider clock, CancellationToken ct)
    {
        var (xml, problem) = await DefinitionUpload.ReadAsync(request, "BPMN", ct);
        if (problem is not null) return problem;
        return await DefinitionDeployment.DeployAsync(xml!, db, cache, timers, startTimers, clock, ct, supersedeDraftsBy: actor);
    }

    private static async Task<Ok<List<ProcessSummaryDto>>> List(CaseFlowDb db, CancellationToken ct)
    {
        var latest = db.Definitions
            .GroupBy(d => d.ProcessId)
            .Select(g => new { ProcessId = g.Key, Version = g.Max(d => d.Version), Count = g.Count() });
        var summaries = await (
            from d in db.Definitions.AsNoTracking()
            join l in latest on new { d.ProcessId, d.Version } equals new { l.ProcessId, l.Version }
            orderby d.ProcessId
            select new ProcessSummaryDto(d.ProcessId, d.Name, d.Id, d.Version, l.Count, d.DeployedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(summaries);
    }

    private static async Task<Results<Ok<List<DefinitionDto>>, ProblemHttpResult>> Versions(string processId, CaseFlowDb db, CancellationToken ct)
    {
        var versions = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcessId == processId)
            .OrderByDescending(d => d.Version)
            .Select(d => new DefinitionDto(d.Id, d.ProcessId, d.Version, d.Name, d.ContentHash, d.DeployedAt))
            .ToListAsync(ct);
        return versions.Count == 0 ? ProcessNotFound(processId) : TypedResults.Ok(versions);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Xml(string processId, int version, CaseFlowDb db, CancellationToken ct)
    {
        var xml = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcessId == processId && d.Version == version)
            .Select(d => d.Xml)
            .SingleOrDefaultAsync(ct);
        return xml is null
            ? Problems.NotFound("definition_not_found", $"Process '{processId}' has no version {version}.")
            : TypedResults.Text(xml, "application/xml");
    }

    private static ProblemHttpResult ProcessNotFound(string processId) =>
        Problems.NotFound("definition_not_found", $"No process '{processId}' is deployed.");
}
