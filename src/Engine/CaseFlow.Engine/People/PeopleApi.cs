using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.People;

/// <summary>
/// Workers, applicants and claimants. Everything here answers with masked personal data; the full values
/// come only from <c>/personal-data</c> (<see cref="PersonalDataApi"/>), by role, and every such view is audited.
/// </summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeople(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("People");
        group.MapPost("/", Create).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", List);
        group.MapPost("/search", Search);
        group.MapGet("/{id}", Get);
        group.MapPatch("/{id}", Update).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id}/personal-data", PersonalDataApi.GetAsync).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Results<Created<PersonDto>, ProblemHttpResult>> Create(
        CreatePersonRequest request, Actor actor, CaseFlowDb db, PersonalData personalData, UnitTreeCache units,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return Problems.Invalid("name_required", "name is required.", "name");
        if (PersonInput.TryRead(request.Name, request.Phone, request.ResidentId, request.Address, request.BankName,
                request.BankAccount, request.Health, request.Household, out var input) is { } invalid) return invalid;
        if ((request.UnitId ?? actor.UnitId) is not { } unitId)
            return Problems.Invalid("unit_required", "unitId is required (the acting user has no unit).", "unitId");
        if (await UnitWrites.CheckAsync(unitId, actor, db, units, ct) is { } refused) return refused;

        var hash = input.ResidentId is { } id ? await personalData.HashResidentIdAsync(id.Value, ct) : null;
        if (hash is not null && await ExistingAsync(db, hash, null, ct) is { } existing) return Exists(existing);

        var now = clock.GetUtcNow();
        var person = new Person { Id = Guid.CreateVersion7(now), UnitId = unitId, Name = input.Name!, CreatedAt = now, UpdatedAt = now, Version = 1 };
        input.ApplyTo(person, personalData, hash);
        db.People.Add(person);
        db.Record(actor, "person.created", "person", person.Id.ToString(), after: PersonAudit.Of(person), personId: person.Id, at: now);
        if (!await SaveAsync(db, ct)) return Exists(null);
        return TypedResults.Created($"/api/people/{person.Id}", person.ToDto());
    }

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> Get(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == id).Select(PersonMapping.ToDtoExpression).SingleOrDefaultAsync(ct);
        return person is null ? NotFound(id) : TypedResults.Ok(person);
    }

    /// <summary>The list by name prefix, phone and unit. A resident ID is refused here: it would sit in URLs and access logs.</summary>
    private static async Task<Results<Ok<PageDto<PersonDto>>, ProblemHttpResult>> List(
        string? name, string? phone, string? residentId, Guid? unitId, int? page, int? pageSize,
        CaseFlowDb db, PersonalData personalData, UnitTreeCache units, CancellationToken ct)
    {
        if (residentId is not null)
            return Problems.BadRequest("resident_id_in_url", "Search by resident ID with POST /api/people/search, so the number stays out of URLs and logs.", "residentId");
        return await PersonSearch.RunAsync(new PersonSearchRequest(name, phone, null, unitId, page, pageSize), db, personalData, units, ct);
    }

    private static Task<Results<Ok<PageDto<PersonDto>>, ProblemHttpResult>> Search(
        PersonSearchRequest request, CaseFlowDb db, PersonalData personalData, UnitTreeCache units, CancellationToken ct) =>
        PersonSearch.RunAsync(request, db, personalData, units, ct);

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> Update(
        Guid id, UpdatePersonRequest request, Actor actor, CaseFlowDb db, PersonalData personalData, UnitTreeCache units,
        TimeProvider clock, CancellationToken ct)
    {
        if (request.Version is not { } version) return Problems.Invalid("version_required", "version (the one read) is required.", "version");
        if (PersonInput.TryRead(request.Name, request.Phone, request.ResidentId, request.Address, request.BankName,
                request.BankAccount, request.Health, request.Household, out var input) is { } invalid) return invalid;
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound(id);
        if (await UnitWrites.CheckAsync(person.UnitId, actor, db, units, ct) is { } refused) return refused;
        if (person.Version != version)
            return Problems.Conflict("concurrent_update", $"Person {id} is at version {person.Version}, not {version}: reload and retry.");
        if (request.UnitId is { } unitId && unitId != person.UnitId && await UnitWrites.CheckAsync(unitId, actor, db, units, ct) is { } moveRefused)
            return moveRefused;

        var hash = input.ResidentId is { } residentId ? await personalData.HashResidentIdAsync(residentId.Value, ct) : null;
        if (hash is not null && await ExistingAsync(db, hash, id, ct) is { } existing) return Exists(existing);

        var before = PersonAudit.Of(person);
        var changed = input.ApplyTo(person, personalData, hash);
        if (request.UnitId is { } target && target != person.UnitId) { person.UnitId = target; changed.Add("unitId"); }
        if (changed.Count == 0) return TypedResults.Ok(person.ToDto());

        var now = clock.GetUtcNow();
        person.Version++;
        person.UpdatedAt = now;
        db.Record(actor, "person.updated", "person", id.ToString(), before, PersonAudit.Of(person, changed), personId: id, at: now);
        if (!await SaveAsync(db, ct)) return Exists(null);
        return TypedResults.Ok(person.ToDto());
    }

    /// <summary>The visible person already holding this resident ID, if any.</summary>
    private static Task<Guid?> ExistingAsync(CaseFlowDb db, string hash, Guid? except, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.ResidentIdHash == hash && p.Id != except).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// False when the resident ID's unique index refused the row: the holder is in a unit this actor does
    /// not see (or was written a moment ago), so the answer is a 409 without the holder's id.
    /// </summary>
    private static async Task<bool> SaveAsync(CaseFlowDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && ApiExceptionHandler.IsUniqueViolation(e.InnerException))
        {
            return false;
        }
    }

    private static ProblemHttpResult Exists(Guid? personId) =>
        Problems.Create(StatusCodes.Status409Conflict, "person_exists", "A person with this resident ID is already on file.", "residentId",
            more: personId is { } id ? [new("personId", id)] : null);

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("person_not_found", $"Person {id} does not exist.");
}
