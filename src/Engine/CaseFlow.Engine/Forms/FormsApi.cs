using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Forms;

public static class FormsApi
{
    public static RouteGroupBuilder MapForms(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/forms").WithTags("Forms");
        group.MapPost("/", Deploy).Accepts<JsonElement>("application/json");
        group.MapGet("/", List);
        group.MapGet("/{formId}", Latest);
        group.MapGet("/{formId}/versions/{version}", Version);
        api.MapGet("/tasks/{id}/form", TaskForms.GetAsync).WithTags("Tasks");
        return group;
    }

    private static Task<Results<Created<FormDeploymentDto>, Ok<FormDeploymentDto>, ProblemHttpResult>> Deploy(
        JsonElement schema, CaseFlowDb db, TimeProvider clock, CancellationToken ct) =>
        FormDeployment.DeployAsync(schema.GetRawText(), db, clock, ct);

    private static async Task<Ok<List<FormSummaryDto>>> List(CaseFlowDb db, CancellationToken ct)
    {
        var latest = db.Forms
            .GroupBy(f => f.FormId)
            .Select(g => new { FormId = g.Key, Version = g.Max(f => f.Version), Count = g.Count() });
        var summaries = await (
            from f in db.Forms.AsNoTracking()
            join l in latest on new { f.FormId, f.Version } equals new { l.FormId, l.Version }
            orderby f.FormId
            select new FormSummaryDto(f.FormId, f.Id, f.Version, l.Count, f.DeployedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(summaries);
    }

    private static async Task<Results<Ok<FormDto>, ProblemHttpResult>> Latest(string formId, CaseFlowDb db, CancellationToken ct)
    {
        var form = await db.Forms.AsNoTracking().Where(f => f.FormId == formId).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);
        return form is null
            ? Problems.NotFound("form_not_found", $"No form '{formId}' is deployed.")
            : TypedResults.Ok(form.ToDto());
    }

    private static async Task<Results<Ok<FormDto>, ProblemHttpResult>> Version(string formId, int version, CaseFlowDb db, CancellationToken ct)
    {
        var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.FormId == formId && f.Version == version, ct);
        return form is null
            ? Problems.NotFound("form_not_found", $"Form '{formId}' has no version {version}.")
            : TypedResults.Ok(form.ToDto());
    }
}
