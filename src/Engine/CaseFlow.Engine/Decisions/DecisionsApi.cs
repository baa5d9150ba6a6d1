using CaseFlow.Engine.Api;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CaseFlow.Engine.Security;
using CaseFlow.Workflows.Dmn;

namespace CaseFlow.Engine.Decisions;

public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/decisions").WithTags("Decisions");
        group.MapPost("/", Deploy).RequireRoles(Roles.Supervisor, Roles.Admin)
            .Accepts<string>("application/xml", "text/xml", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", List);
        group.MapGet("/{decisionId}", Xml).Produces<string>(contentType: "application/xml");
        group.MapPost("/{decisionId}/evaluate", Evaluate);
        group.MapPost("/evaluate", EvaluateXml).RequireRoles(Roles.Supervisor, Roles.Admin).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Results<Created<DecisionDeploymentDto>, Ok<DecisionDeploymentDto>, ProblemHttpResult>> Deploy(
        HttpRequest request, CaseFlowDb db, DecisionCache cache, TimeProvider clock, CancellationToken ct)
    {
        var (xml, problem) = await DefinitionUpload.ReadAsync(request, "DMN", ct);
        if (problem is not null) return problem;
        return await DecisionDeployment.DeployAsync(xml!, db, cache, clock, ct);
    }

    private static async Task<Ok<List<DecisionSummaryDto>>> List(CaseFlowDb db, CancellationToken ct)
    {
        var rows = await db.Decisions.AsNoTracking()
            .Join(db.DecisionDefinitions, d => d.DefinitionId, f => f.Id,
                (d, f) => new DecisionSummaryDto(d.DecisionId, d.DecisionName, f.Id, f.Key, f.Version, f.DeployedAt))
            .ToListAsync(ct);
        // Picked in memory: decision rows number in the hundreds (one per decision per deployment), and
        // "newest file" ordering on converted timestamps does not translate alike on both providers.
        var latest = rows
            .GroupBy(r => r.DecisionId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.DeployedAt).ThenByDescending(r => r.Version).First())
            .OrderBy(r => r.DecisionId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(latest);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Xml(
        string decisionId, CaseFlowDb db, DecisionEvaluator decisions, CancellationToken ct)
    {
        var latest = await decisions.FindLatestAsync(decisionId, ct);
        if (latest is null) return NotFound(decisionId);
        var xml = await db.DecisionDefinitions.AsNoTracking().Where(d => d.Id == latest.DefinitionId).Select(d => d.Xml).SingleAsync(ct);
        return TypedResults.Text(xml, "application/xml");
    }

    private static async Task<Results<Ok<DecisionEvaluationDto>, ProblemHttpResult>> Evaluate(
        string decisionId, EvaluateDecisionRequest request, DecisionEvaluator decisions, CancellationToken ct)
    {
        var variables = Variables.Read(request.Variables) ?? new Dictionary<string, object?>();
        var evaluated = await decisions.EvaluateAsync(decisionId, variables, ct);
        return evaluated is { } found ? TypedResults.Ok(found.Result.ToDto()) : NotFound(decisionId);
    }

    /// <summary>
    /// The designer's test panel: evaluates a table the supervisor has not deployed yet. Parsed per request (nothing is
    /// cached or stored); 422 <c>invalid_dmn</c> at the first error's element when the file would not deploy.
    /// </summary>
    private static Results<Ok<DecisionEvaluationDto>, ProblemHttpResult> EvaluateXml(EvaluateDecisionXmlRequest? request)
    {
        if (string.IsNullOrWhiteSpace(request?.Xml)) return Problems.Invalid("field_required", "xml is required (the DMN file).", "xml");
        if (string.IsNullOrWhiteSpace(request.DecisionId)) return Problems.Invalid("field_required", "decisionId is required.", "decisionId");
        var variables = Variables.Read(request.Variables) ?? new Dictionary<string, object?>();
        var parsed = DmnParser.Parse(request.Xml);
        if (!parsed.IsDeployable)
        {
            var problems = parsed.Problems.Select(p => p.ToDto()).ToList();
            var first = problems.FirstOrDefault(p => p.Severity == "error");
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "invalid_dmn",
                first?.Message ?? "The DMN file has no decision.", "xml", first?.ElementId, [new("problems", problems)]);
        }
        // By id: a decision's name may equal another decision's id in the same file.
        var decision = parsed.Decisions.FirstOrDefault(d => d.Id == request.DecisionId);
        if (decision is null)
            return Problems.Invalid("decision_not_found", $"The file has no decision '{request.DecisionId}'.", "decisionId");
        return TypedResults.Ok(decision.Evaluate(variables).ToDto());
    }

    private static ProblemHttpResult NotFound(string decisionId) =>
        Problems.NotFound("decision_not_found", $"No decision '{decisionId}' is deployed.");
}
