using System.Security.Cryptography;
using System.Text;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Workflows.Bpmn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Definitions;

public sealed record DraftSummaryDto(string ProcessId, string? Name, int Version, string UpdatedBy, DateTimeOffset UpdatedAt, int? BasedOnVersion);

public sealed record DraftDto(string ProcessId, string? Name, string Xml, int Version, string UpdatedBy, DateTimeOffset UpdatedAt, int? BasedOnVersion);

/// <param name="Version">The draft's version the editor loaded; absent to create the process's first draft.</param>
/// <param name="BasedOnVersion">The deployed version the draft starts from; kept from the last save when absent.</param>
public sealed record SaveDraftRequest(string? Xml, int? Version, int? BasedOnVersion);

/// <summary>
/// The designer's drafts: a supervisor saves unfinished work without deploying it. A draft need not be valid
/// BPMN yet (that is what deploying checks), but it must be BPMN XML, and its process must be the route's.
/// </summary>
public static class DefinitionDraftsApi
{
    /// <summary>Drafts are for the designer: a draft is larger than any other row a request writes, but not unbounded.</summary>
    public const int MaxXmlLength = 4 * 1024 * 1024;

    public static RouteGroupBuilder MapDefinitionDrafts(this RouteGroupBuilder definitions)
    {
        string[] roles = [Roles.Supervisor, Roles.Admin];
        definitions.MapGet("/drafts", List).RequireRoles(roles).ProducesProblem(StatusCodes.Status403Forbidden);
        definitions.MapGet("/{processId}/draft", Get).RequireRoles(roles).ProducesProblem(StatusCodes.Status403Forbidden);
        definitions.MapPut("/{processId}/draft", Save).RequireRoles(roles).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        definitions.MapDelete("/{processId}/draft", Delete).RequireRoles(roles).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return definitions;
    }

    private static async Task<Ok<List<DraftSummaryDto>>> List(CaseFlowDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.DefinitionDrafts.AsNoTracking()
            .OrderBy(d => d.ProcessId)
            .Select(d => new DraftSummaryDto(d.ProcessId, d.Name, d.Version, d.UpdatedBy, d.UpdatedAt, d.BasedOnVersion))
            .ToListAsync(ct));

    private static async Task<Results<Ok<DraftDto>, ProblemHttpResult>> Get(string processId, CaseFlowDb db, CancellationToken ct)
    {
        var draft = await db.DefinitionDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.ProcessId == processId, ct);
        return draft is null ? NotFound(processId) : TypedResults.Ok(ToDto(draft));
    }

    /// <summary>201 when it created the draft, 200 when it replaced it.</summary>
    private static async Task<Results<Created<DraftDto>, Ok<DraftDto>, ProblemHttpResult>> Save(
        string processId, SaveDraftRequest? request, Actor actor, CaseFlowDb db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Xml)) return Problems.Invalid("field_required", "xml is required (the BPMN file).", "xml");
        if (request.Xml.Length > MaxXmlLength) return Problems.Invalid("field_too_long", $"xml is longer than {MaxXmlLength} characters.", "xml");
        var (name, invalid) = Check(processId, request.Xml);
        if (invalid is not null) return invalid;
        if (request.BasedOnVersion is { } based
            && !await db.Definitions.AnyAsync(d => d.ProcessId == processId && d.Version == based, ct))
            return Problems.Invalid("definition_not_found", $"Process '{processId}' has no deployed version {based}.", "basedOnVersion");

        var now = clock.GetUtcNow();
        var draft = await db.DefinitionDrafts.SingleOrDefaultAsync(d => d.ProcessId == processId, ct);
        if (draft is null && request.Version is { } gone)
            return Conflict($"The draft of '{processId}' was deleted (or deployed) after version {gone} was loaded; reload it.");
        if (draft is not null && request.Version != draft.Version)
            return Conflict(request.Version is null
                ? $"'{processId}' already has a draft (version {draft.Version}, saved by {draft.UpdatedBy}); open it, or send its version to replace it."
                : $"The draft of '{processId}' is at version {draft.Version}, not {request.Version}: {draft.UpdatedBy} saved it meanwhile; reload it.");

        var created = draft is null;
        var before = draft is null ? null : Snapshot(draft);
        if (draft is null)
        {
            draft = new DefinitionDraft { ProcessId = processId, Xml = request.Xml, UpdatedBy = actor.Name, Version = 0 };
            db.DefinitionDrafts.Add(draft);
        }
        draft.Xml = request.Xml;
        draft.Name = name;
        draft.Version++;
        if (request.BasedOnVersion is not null) draft.BasedOnVersion = request.BasedOnVersion;
        draft.UpdatedBy = actor.Name;
        draft.UpdatedAt = now;
        db.Record(actor, "definition_draft.saved", "definition_draft", processId, before, Snapshot(draft), at: now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // Two saves of the same version at once: the version token (or the primary key, for two first saves) refuses one.
        catch (Exception e) when (e is DbUpdateConcurrencyException || e is DbUpdateException { InnerException: var inner } && ApiExceptionHandler.IsUniqueViolation(inner))
        {
            return Conflict($"Someone else saved the draft of '{processId}' at the same moment; reload it.");
        }
        var dto = ToDto(draft);
        return created ? TypedResults.Created($"/api/definitions/{processId}/draft", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string processId, int? version, Actor actor, CaseFlowDb db, TimeProvider clock, CancellationToken ct)
    {
        if (version is null) return Problems.BadRequest("invalid_query", "version is required (the draft's version you saw).", "version");
        var draft = await db.DefinitionDrafts.SingleOrDefaultAsync(d => d.ProcessId == processId, ct);
        if (draft is null) return NotFound(processId);
        if (draft.Version != version)
            return Conflict($"The draft of '{processId}' is at version {draft.Version}, not {version}: {draft.UpdatedBy} saved it meanwhile.");
        db.DefinitionDrafts.Remove(draft);
        db.Record(actor, "definition_draft.deleted", "definition_draft", processId, Snapshot(draft), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Deleting the drafts a deployment supersedes: called by the deployment, in its unit of work.</summary>
    internal static async Task RemoveDeployedAsync(CaseFlowDb db, Actor actor, IReadOnlyCollection<string> processIds, DateTimeOffset now, CancellationToken ct)
    {
        var drafts = await db.DefinitionDrafts.Where(d => processIds.Contains(d.ProcessId)).ToListAsync(ct);
        foreach (var draft in drafts)
        {
            db.DefinitionDrafts.Remove(draft);
            db.Record(actor, "definition_draft.deleted", "definition_draft", draft.ProcessId, Snapshot(draft), new { reason = "deployed" }, at: now);
        }
    }

    /// <summary>
    /// The draft's process name, or the problem: not BPMN XML at all (422 <c>invalid_draft</c>), or no process of the
    /// route's id among the file's executable processes (422 <c>process_id_mismatch</c>). Other BPMN problems are
    /// the draft's business until it is deployed.
    /// </summary>
    private static (string? Name, ProblemHttpResult? Problem) Check(string processId, string xml)
    {
        var parsed = BpmnParser.Parse(xml);
        if (parsed.Problems.FirstOrDefault(p => p.Code is ProblemCodes.InvalidXml or ProblemCodes.NotBpmn) is { } broken)
            return (null, Problems.Create(StatusCodes.Status422UnprocessableEntity, "invalid_draft", broken.Message, "xml",
                more: [new("problems", new[] { broken.ToDto() })]));
        var process = parsed.Processes.FirstOrDefault(p => p.Id == processId);
        if (process is null)
        {
            var found = parsed.Processes.Count == 0 ? "no process" : "process " + string.Join(", ", parsed.Processes.Select(p => $"'{p.Id}'"));
            return (null, Problems.Invalid("process_id_mismatch", $"This is the draft of '{processId}', but the file has {found}.", "xml"));
        }
        return (process.Name, null);
    }

    /// <summary>What the audit log keeps of a draft: not the file itself (the draft table and the deployments have it), its hash.</summary>
    private static object Snapshot(DefinitionDraft d) => new
    {
        d.Name, d.Version, d.BasedOnVersion,
        XmlHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(d.Xml))),
    };

    private static DraftDto ToDto(DefinitionDraft d) => new(d.ProcessId, d.Name, d.Xml, d.Version, d.UpdatedBy, d.UpdatedAt, d.BasedOnVersion);

    private static ProblemHttpResult NotFound(string processId) => Problems.NotFound("draft_not_found", $"Process '{processId}' has no draft.");

    private static ProblemHttpResult Conflict(string detail) => Problems.Create(StatusCodes.Status409Conflict, "draft_conflict", detail, "version");
}
