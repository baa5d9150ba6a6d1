using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

public sealed record OpenCase(CaseFamily Family, Guid UnitId, string Title, string? Description = null,
    CasePriority Priority = CasePriority.Normal, Guid? ApplicantId = null, Guid? EmployerId = null,
    decimal? AmountClaimed = null, DateTimeOffset? DueAt = null, IReadOnlyList<string>? Tags = null,
    IReadOnlyList<NewParty>? Parties = null, bool StartWorkflow = true, IReadOnlyDictionary<string, object?>? Variables = null);

public sealed record NewParty(PartyRole Role, Guid? PersonId, Guid? EmployerId, decimal? AmountClaimed = null);

/// <summary>
/// Opens a case: checks it, numbers it, adds the case, its parties, the "opened" event and the audit row,
/// and starts the family's workflow (<c>Cases:Workflows:{Family}</c>) as an instance owned by the case, all
/// in the unit of work. The caller commits with <see cref="InstanceCommands.SaveAsync"/>, which is right
/// whether or not a workflow was started (one transaction: SaveChanges, jobs, history, timers).
/// Problems are thrown as <see cref="Api.ApiProblemException"/> before anything is added.
/// </summary>
internal sealed class CaseOpening(
    CaseFlowDb db, Actor actor, CaseNumbers numbers, InstanceCommands commands, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The processes shipped in workflows/; other families start nothing until configured.</summary>
    private static readonly Dictionary<CaseFamily, string> DefaultWorkflows = new()
    {
        [CaseFamily.Aid] = "hardship-aid",
        [CaseFamily.Hotline] = "hotline-triage",
    };

    /// <summary>The process a family starts; an empty setting turns the default off.</summary>
    public string? WorkflowOf(CaseFamily family)
    {
        var configured = configuration[$"Cases:Workflows:{family}"];
        if (configured is not null) return string.IsNullOrWhiteSpace(configured) ? null : configured.Trim();
        return DefaultWorkflows.GetValueOrDefault(family);
    }

    /// <summary>The instance started by the last <see cref="OpenAsync"/>, if any.</summary>
    public Instance? StartedInstance { get; private set; }

    public async Task<Case> OpenAsync(OpenCase request, CancellationToken ct)
    {
        StartedInstance = null;
        if (!Enum.IsDefined(request.Family)) throw CaseRules.Invalid("invalid_family", "Unknown case family.", "family");
        if (!Enum.IsDefined(request.Priority)) throw CaseRules.Invalid("invalid_priority", "Unknown priority.", "priority");
        var title = CaseRules.Title(request.Title);
        var description = CaseRules.Description(request.Description);
        var claimed = CaseRules.Amount(request.AmountClaimed, "amountClaimed");
        var tags = CaseRules.Tags(request.Tags);

        var unitCode = actor.CanSee(request.UnitId)
            ? await db.Units.AsNoTracking().Where(u => u.Id == request.UnitId).Select(u => u.Code).SingleOrDefaultAsync(ct)
            : null;
        if (unitCode is null) throw CaseRules.NotFound("unit_not_found", $"Unit {request.UnitId} does not exist.", "unitId");
        var applicantName = await ApplicantNameAsync(request.ApplicantId, ct);
        if (request.EmployerId is { } employerId) await RequireEmployerAsync(employerId, "employerId", ct);
        var parties = await PartiesAsync(request, ct);

        // Looked up before the number is drawn: a refused opening should not use one up.
        var processId = request.StartWorkflow ? WorkflowOf(request.Family) : null;
        var definition = processId is null ? null : await db.Definitions.AsNoTracking()
            .Where(d => d.ProcessId == processId).OrderByDescending(d => d.Version)
            .Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(ct);
        if (processId is not null && definition is null)
            throw CaseRules.Invalid("workflow_not_deployed", $"{request.Family} cases start the process '{processId}', which is not deployed.", "family");

        var now = clock.GetUtcNow();
        var number = await numbers.NextAsync(request.UnitId, unitCode, now, ct);
        var @case = new Case
        {
            Id = Guid.CreateVersion7(now),
            Number = number.Text,
            Sequence = number.Sequence,
            UnitId = request.UnitId,
            Family = request.Family,
            Status = CaseStatus.Open,
            Priority = request.Priority,
            Title = title,
            Description = description,
            ApplicantId = request.ApplicantId,
            EmployerId = request.EmployerId,
            AmountClaimed = claimed,
            DueAt = request.DueAt,
            Tags = tags,
            OpenedAt = now,
            CreatedBy = actor.Name,
            UpdatedAt = now,
            Version = 1,
        };
        foreach (var party in parties)
        {
            @case.Parties.Add(new CaseParty
            {
                Id = Guid.CreateVersion7(now), CaseId = @case.Id, Role = party.Role, PersonId = party.PersonId,
                EmployerId = party.EmployerId, AmountClaimed = party.AmountClaimed, AddedAt = now,
            });
        }
        db.Cases.Add(@case);
        db.CaseEvents.Add(new CaseEvent { CaseId = @case.Id, At = now, Kind = "opened", UserName = actor.Name, Detail = $"{number.Text} {title}" });
        db.Record(actor, "case.created", "case", @case.Id.ToString(), after: CaseSnapshot.Of(@case), caseId: @case.Id, at: now);

        if (definition is not null)
        {
            var variables = new Dictionary<string, object?>(request.Variables ?? new Dictionary<string, object?>())
            {
                // The case's own facts win over a caller's variables of the same name.
                ["caseId"] = @case.Id.ToString(),
                ["caseNumber"] = number.Text,
                ["family"] = request.Family.ToString(),
                ["unitId"] = request.UnitId.ToString(),
                ["applicantName"] = applicantName,
                ["amountClaimed"] = claimed,
            };
            var command = new StartInstance(Guid.CreateVersion7(now), variables, BusinessKey: number.Text, User: actor.Name);
            var started = await commands.StartAsync(definition.Id, definition.Version, command, new InstanceOwner(request.UnitId, @case.Id), ct);
            StartedInstance = started.Row;
        }
        return @case;
    }

    private async Task<string?> ApplicantNameAsync(Guid? applicantId, CancellationToken ct)
    {
        if (applicantId is not { } id) return null;
        // People are filtered by the actor's units: someone else's applicant does not exist here.
        var name = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct);
        return name ?? throw CaseRules.NotFound("person_not_found", $"Person {id} does not exist.", "applicantId");
    }

    private async Task RequireEmployerAsync(Guid id, string field, CancellationToken ct)
    {
        if (!await db.Employers.AnyAsync(e => e.Id == id, ct))
            throw CaseRules.NotFound("employer_not_found", $"Employer {id} does not exist.", field);
    }

    /// <summary>
    /// The request's parties, checked, plus the applicant (as applicant) and the employer (as respondent)
    /// when the request does not list them itself.
    /// </summary>
    private async Task<List<NewParty>> PartiesAsync(OpenCase request, CancellationToken ct)
    {
        var result = new List<NewParty>();
        var given = request.Parties ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var party = given[i] ?? throw CaseRules.Invalid("field_required", "A party cannot be null.", $"parties[{i}]");
            result.Add(await CheckPartyAsync(party, $"parties[{i}]", ct));
        }
        if (request.ApplicantId is { } applicant && !result.Any(p => p.PersonId == applicant))
            result.Insert(0, new NewParty(PartyRole.Applicant, applicant, null));
        if (request.EmployerId is { } employer && !result.Any(p => p.EmployerId == employer))
            result.Add(new NewParty(PartyRole.Respondent, null, employer));
        return result;
    }

    /// <summary>Checks one party (shared with adding a party to an open case); <paramref name="field"/> prefixes the fields problems name.</summary>
    public async Task<NewParty> CheckPartyAsync(NewParty party, string field, CancellationToken ct)
    {
        string Field(string name) => field.Length == 0 ? name : $"{field}.{name}";
        if (!Enum.IsDefined(party.Role)) throw CaseRules.Invalid("invalid_role", "Unknown party role.", Field("role"));
        if ((party.PersonId is null) == (party.EmployerId is null))
            throw CaseRules.Invalid("invalid_party", "A party is either a person or an employer.", Field("personId"));
        if (party.AmountClaimed is not null && party.Role != PartyRole.Claimant)
            throw CaseRules.Invalid("invalid_party", "Only claimants claim an amount.", Field("amountClaimed"));
        var amount = CaseRules.Amount(party.AmountClaimed, Field("amountClaimed"));
        if (party.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
            throw CaseRules.NotFound("person_not_found", $"Person {personId} does not exist.", Field("personId"));
        if (party.EmployerId is { } employerId) await RequireEmployerAsync(employerId, Field("employerId"), ct);
        return party with { AmountClaimed = amount };
    }
}
