using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.Cases;

public static class CasesApi
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        // Reading needs a signed-in user (the fallback policy); what they see is their units' cases (the query filters).
        var group = api.MapGroup("/cases").WithTags("Cases").ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", Open).RequireRoles(Openers);
        group.MapGet("/", CaseSearchApi.Search);
        group.MapPost("/search", CaseSearchApi.SearchByBody);
        group.MapGet("/export", CaseExport.Export).RequireRoles(Exporters).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/{id:guid}", Get);
        group.MapPatch("/{id:guid}", CaseChanges.Change).RequireRoles(Workers).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/parties", CasePartiesApi.Add).RequireRoles(Openers).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}/parties/{partyId:guid}", CasePartiesApi.Remove).RequireRoles(Openers).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/notes", CaseNotesApi.Add).RequireRoles(Workers);
        group.MapGet("/{id:guid}/notes", CaseNotesApi.List);
        group.MapGet("/{id:guid}/timeline", CaseTimeline.Get);
        return group;
    }

    /// <summary>Who opens cases and changes who takes part: intake and case handling.</summary>
    private static readonly string[] Openers = [Roles.Operator, Roles.CaseWorker, Roles.Supervisor, Roles.Admin];
    /// <summary>Who works on cases; auditors only read. Approving and paying need more (<see cref="CaseChanges"/>).</summary>
    internal static readonly string[] Workers = [Roles.Operator, Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Finance, Roles.Supervisor, Roles.Admin];
    /// <summary>An export takes personal data out of the service in bulk.</summary>
    private static readonly string[] Exporters = [Roles.Supervisor, Roles.Auditor, Roles.Admin];

    private static async Task<Results<Created<CaseDto>, ProblemHttpResult>> Open(
        OpenCaseRequest request, Actor actor, CaseFlowDb db, CaseOpening opening, InstanceCommands commands, HttpContext http, CancellationToken ct)
    {
        if (!TryParse<CaseFamily>(request.Family, "family", required: true, out var family, out var problem)) return problem!;
        if (!TryParse<CasePriority>(request.Priority, "priority", required: false, out var priority, out problem)) return problem!;
        if ((request.UnitId ?? actor.UnitId) is not { } unitId) return Problems.Invalid("field_required", "unitId is required.", "unitId");
        var parties = new List<NewParty>();
        for (var i = 0; i < (request.Parties?.Count ?? 0); i++)
        {
            var party = request.Parties![i];
            if (party is null) return Problems.Invalid("field_required", "A party cannot be null.", $"parties[{i}]");
            if (!TryParse<PartyRole>(party.Role, $"parties[{i}].role", required: true, out var role, out problem)) return problem!;
            parties.Add(new NewParty(role, party.PersonId, party.EmployerId, party.AmountClaimed));
        }
        var opened = await opening.OpenAsync(new OpenCase(family, unitId, request.Title ?? "", request.Description,
            request.Priority is null ? CasePriority.Normal : priority, request.ApplicantId, request.EmployerId, request.AmountClaimed,
            request.DueAt, request.Tags, parties, request.StartWorkflow ?? true, Variables.Read(request.Variables)), ct);
        // One transaction for the case, its counter-free rows, the instance, its history and jobs.
        await commands.SaveAsync(ct);
        var dto = (await CaseReads.LoadAsync(db, opened.Id, ct))!;
        http.Response.Headers.ETag = ETag(dto.Version);
        return TypedResults.Created($"/api/cases/{opened.Id}", dto);
    }

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Get(Guid id, CaseFlowDb db, HttpContext http, CancellationToken ct)
    {
        var dto = await CaseReads.LoadAsync(db, id, ct);
        if (dto is null) return NotFound(id);
        http.Response.Headers.ETag = ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    internal static string ETag(int version) => $"\"{version}\"";

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("case_not_found", $"Case {id} does not exist.");

    /// <summary>An enum given as its name (any case); absent is fine unless required; anything else is a 422 on the field.</summary>
    internal static bool TryParse<T>(string? text, string field, bool required, out T value, out ProblemHttpResult? problem) where T : struct, Enum
    {
        problem = null;
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) problem = Problems.Invalid("field_required", $"{field} is required.", field);
            return !required;
        }
        if (Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsDigit(text.Trim()[0])) return true;
        problem = Problems.Invalid($"invalid_{LastSegment(field)}", $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}.", field);
        return false;
    }

    private static string LastSegment(string field) => field[(field.LastIndexOf('.') + 1)..];
}
