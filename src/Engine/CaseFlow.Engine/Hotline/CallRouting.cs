using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Employers;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Hotline;

/// <summary>
/// Turns a call into a case of a family (its workflow starts), or, for a wage-arrears complaint naming an
/// employer, adds the caller as a claimant to the employer's open collective case. One transaction: the
/// call, the case, its workflow, the audit rows and any notifications commit together or not at all.
/// </summary>
internal sealed class CallRouting(
    CaseFlowDb db, Actor actor, CaseOpening opening, WageArrearsGrouping grouping, InstanceCommands commands,
    UnitTreeCache units, TimeProvider clock)
{
    public sealed record Routed(Call Call, RoutedCaseDto Case);

    public async Task<Routed> RouteAsync(Guid callId, RouteCallRequest request, CancellationToken ct)
    {
        var family = ParseFamily(request.Family);
        var priority = ParsePriority(request.Priority);
        if (request.Version is not { } version) throw Invalid("field_required", "version is required (the call's version).", "version");
        if (CallIntake.TooLong(request.Title, CaseRules.MaxTitle, "title") is not null)
            throw Invalid("field_too_long", $"title has more than {CaseRules.MaxTitle} characters.", "title");

        // On SQLite this takes the write lock at once (BEGIN IMMEDIATE): routings run one after another.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == callId, ct)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "call_not_found", $"Call {callId} does not exist.");
        if (await CallIntake.RequireCallRightsAsync(actor, call.UnitId, db, units, ct) is not null)
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "forbidden",
                $"Routing calls needs one of the roles {string.Join(", ", CallIntake.Roles)} at the call's unit or above.");
        call.EnsureOpen();
        if (version != call.Version)
            throw new ApiProblemException(StatusCodes.Status409Conflict, "concurrent_update",
                $"Call {callId} is at version {call.Version}, not {version}: reload it.", "version");

        var before = CallIntake.Snapshot(call);
        if (request.EmployerId is { } chosen)
        {
            call.EmployerName = await db.Employers.AsNoTracking().Where(e => e.Id == chosen).Select(e => e.Name).SingleOrDefaultAsync(ct)
                ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "employer_not_found", $"Employer {chosen} does not exist.", "employerId");
            call.EmployerId = chosen;
        }
        var personId = await PersonAsync(request.PersonId ?? call.PersonId, request.PersonId is not null, ct);
        var resolvedFamily = family ?? CallCategories.FamilyOf(call.Category);
        var variables = Variables(call);
        var now = clock.GetUtcNow();
        RoutedCaseDto routed;
        if (resolvedFamily == CaseFamily.WageArrears && await EmployerAsync(call, now, ct) is { } employerId)
        {
            if (personId is null)
                throw Invalid("person_required", "A wage-arrears claimant must be a person: give personId (the phone matches several people or none with a name).", "personId");
            var title = request.Title?.Trim() is { Length: > 0 } given ? given : $"欠薪投诉：{call.EmployerName}";
            var result = await grouping.ClaimAsync(new WageClaim(call.UnitId, employerId, personId.Value, request.AmountClaimed, title,
                call.Description, priority ?? PriorityOf(call.Urgency), variables), ct);
            call.RouteTo(result.Case.Id, result.Joined);
            routed = ToDto(result.Case, result.Joined, result.Flagged, result.Joined ? null : opening.StartedInstance?.Id);
        }
        else
        {
            var title = request.Title?.Trim() is { Length: > 0 } given
                ? given
                : $"{CallCategories.LabelOf(call.Category)}：来电 {Mask.Phone(call.CallerPhone)}";
            var @case = await opening.OpenAsync(new OpenCase(resolvedFamily, call.UnitId, title, call.Description,
                priority ?? PriorityOf(call.Urgency), ApplicantId: personId, EmployerId: call.EmployerId,
                AmountClaimed: request.AmountClaimed, DueAt: request.DueAt, Variables: variables), ct);
            call.RouteTo(@case.Id, joined: false);
            routed = ToDto(@case, joined: false, flagged: false, opening.StartedInstance?.Id);
        }
        if (personId is not null) call.PersonId = personId;
        call.Version++;
        db.Record(actor, "call.routed", "call", call.Id.ToString(), before, CallIntake.Snapshot(call), caseId: call.CaseId,
            personId: call.PersonId, at: now);
        // One transaction for everything: SaveChanges, the workflow's jobs, history and timers.
        await commands.SaveAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new Routed(call, routed);
    }

    /// <summary>The claimant's or applicant's person: one the operator names must be visible (404 otherwise).</summary>
    private async Task<Guid?> PersonAsync(Guid? personId, bool named, CancellationToken ct)
    {
        if (personId is not { } id) return null;
        if (await db.People.AnyAsync(p => p.Id == id, ct)) return id;
        if (named) throw new ApiProblemException(StatusCodes.Status404NotFound, "person_not_found", $"Person {id} does not exist.", "personId");
        return null;
    }

    /// <summary>
    /// The employer a wage-arrears call names: its id, the one employer of that exact name, or a new employer
    /// of that name (so the next caller naming it joins the same group). Found or created under a lock on the
    /// name, so two callers naming a new employer at once do not create it twice.
    /// </summary>
    private async Task<Guid?> EmployerAsync(Call call, DateTimeOffset now, CancellationToken ct)
    {
        if (call.EmployerId is { } known) return known;
        if (call.EmployerName is not { } name) return null;
        await HotlineLocks.TakeAsync(db, $"employer-name/{name}", ct);
        var found = await db.Employers.AsNoTracking().Where(e => e.Name == name).OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync(ct);
        if (found.Count > 1)
            throw Invalid("employer_ambiguous", $"Several employers are called '{name}': give the employerId.", "employerId");
        if (found.Count == 1) return call.EmployerId = found[0];
        var employer = new Employer { Id = Guid.CreateVersion7(now), UnitId = call.UnitId, Name = name, CreatedAt = now, UpdatedAt = now, Version = 1 };
        db.Employers.Add(employer);
        db.Record(actor, "employer.created", "employer", employer.Id.ToString(), after: new { employer.Name, employer.UnitId, source = "hotline" }, at: now);
        // Written now, inside the request's transaction: opening the case checks the employer in the database.
        await db.SaveChangesAsync(ct);
        return call.EmployerId = employer.Id;
    }

    private static Dictionary<string, object?> Variables(Call call) => new()
    {
        ["callId"] = call.Id.ToString(),
        ["category"] = call.Category,
        ["description"] = call.Description,
        ["urgency"] = call.Urgency.ToString().ToLowerInvariant(),
        ["callerName"] = call.CallerName,
        ["callerPhone"] = call.CallerPhone,
        ["employerName"] = call.EmployerName,
    };

    private static CasePriority PriorityOf(CallUrgency urgency) => urgency switch
    {
        CallUrgency.Emergency => CasePriority.Urgent,
        CallUrgency.Urgent => CasePriority.High,
        _ => CasePriority.Normal,
    };

    private static CaseFamily? ParseFamily(string? text) =>
        text is null ? null
        : Enum.TryParse<CaseFamily>(text, ignoreCase: true, out var family) && Enum.IsDefined(family) && !text.Trim().All(char.IsAsciiDigit)
            ? family
            : throw Invalid("invalid_field", $"family must be one of {string.Join(", ", Enum.GetNames<CaseFamily>())}.", "family");

    private static CasePriority? ParsePriority(string? text) =>
        text is null ? null
        : Enum.TryParse<CasePriority>(text, ignoreCase: true, out var priority) && Enum.IsDefined(priority) && !text.Trim().All(char.IsAsciiDigit)
            ? priority
            : throw Invalid("invalid_field", $"priority must be one of {string.Join(", ", Enum.GetNames<CasePriority>())}.", "priority");

    private static RoutedCaseDto ToDto(Case c, bool joined, bool flagged, Guid? instanceId) => new(
        c.Id, c.Number, c.Family.ToString(), c.Status.ToString(), c.Priority.ToString(), joined, c.IsCollective,
        c.Parties.Count(p => p.Role == PartyRole.Claimant), c.AmountClaimed, c.CollectiveFlaggedAt, flagged, instanceId);

    private static ApiProblemException Invalid(string code, string detail, string field) =>
        new(StatusCodes.Status422UnprocessableEntity, code, detail, field);
}

/// <summary>Transaction-scoped locks on a named resource (PostgreSQL advisory locks); SQLite's single writer needs none.</summary>
internal static class HotlineLocks
{
    public static async Task TakeAsync(CaseFlowDb db, string resource, CancellationToken ct)
    {
        if (!db.IsPostgres) return;
        var key = BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("caseflow/" + resource)), 0);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }
}
