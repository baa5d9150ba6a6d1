using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Employers;

/// <summary>
/// Employers, known by their unified social credit code. An employer is public information (the business
/// register prints it), so every user reads and searches all of them; writing needs a writing role at its unit.
/// </summary>
public static class EmployersApi
{
    public const int MaxName = 200;
    public const int MaxAddress = 300;

    public static RouteGroupBuilder MapEmployers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/employers").WithTags("Employers");
        group.MapPost("/", Create).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPatch("/{id}", Update).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Results<Created<EmployerDto>, ProblemHttpResult>> Create(
        CreateEmployerRequest request, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return Problems.Invalid("name_required", "name is required.", "name");
        if (Check(request.Name, request.CreditCode, request.Address, request.ContactPhone, out var code, out var phone) is { } invalid) return invalid;
        if ((request.UnitId ?? actor.UnitId) is not { } unitId)
            return Problems.Invalid("unit_required", "unitId is required (the acting user has no unit).", "unitId");
        if (await UnitWrites.CheckAsync(unitId, actor, db, units, ct) is { } refused) return refused;
        if (!string.IsNullOrEmpty(code) && await ExistingAsync(db, code, null, ct) is { } existing) return Exists(existing);

        var now = clock.GetUtcNow();
        var employer = new Employer
        {
            Id = Guid.CreateVersion7(now), UnitId = unitId, Name = request.Name.Trim(), CreditCode = Empty(code),
            Address = Empty(request.Address?.Trim()), ContactPhone = Empty(phone), CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.Employers.Add(employer);
        db.Record(actor, "employer.created", "employer", employer.Id.ToString(), after: employer.ToDto(), at: now);
        if (!await SaveAsync(db, ct)) return Exists(null);
        return TypedResults.Created($"/api/employers/{employer.Id}", employer.ToDto());
    }

    private static async Task<Results<Ok<EmployerDto>, ProblemHttpResult>> Get(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        return employer is null ? NotFound(id) : TypedResults.Ok(employer.ToDto());
    }

    /// <summary>By name prefix (<c>name</c>), a part of the name (<c>nameContains</c>), credit code, unit (and below).</summary>
    private static async Task<Results<Ok<PageDto<EmployerDto>>, ProblemHttpResult>> List(
        string? name, string? nameContains, string? creditCode, Guid? unitId, int? page, int? pageSize,
        CaseFlowDb db, UnitTreeCache units, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        IQueryable<Employer> employers = db.Employers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name))
        {
            var prefix = name.Trim();
            employers = employers.Where(e => e.Name.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(nameContains))
        {
            var part = nameContains.Trim();
            employers = employers.Where(e => e.Name.Contains(part));
        }
        if (!string.IsNullOrWhiteSpace(creditCode))
        {
            var code = CreditCode.Normalize(creditCode);
            employers = employers.Where(e => e.CreditCode == code);
        }
        if (unitId is { } unit)
        {
            var subtree = (await UnitWrites.TreeWithAsync(unit, units, ct)).SubtreesOf([unit]).ToArray();
            employers = employers.Where(e => subtree.Contains(e.UnitId));
        }
        var total = await employers.CountAsync(ct);
        var items = await employers.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PageDto<EmployerDto>([.. items.Select(e => e.ToDto())], paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<EmployerDto>, ProblemHttpResult>> Update(
        Guid id, UpdateEmployerRequest request, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        if (request.Version is not { } version) return Problems.Invalid("version_required", "version (the one read) is required.", "version");
        if (request.Name is not null && request.Name.Trim().Length == 0) return Problems.Invalid("name_required", "name cannot be empty.", "name");
        if (Check(request.Name, request.CreditCode, request.Address, request.ContactPhone, out var code, out var phone) is { } invalid) return invalid;
        var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null) return NotFound(id);
        // Everyone reads an employer; only its unit and the units above it change it.
        if (!actor.CanSee(employer.UnitId))
            return Problems.Create(StatusCodes.Status403Forbidden, "role_forbidden", "Only the employer's unit and the units above it change it.");
        if (await UnitWrites.CheckAsync(employer.UnitId, actor, db, units, ct) is { } refused) return refused;
        if (employer.Version != version)
            return Problems.Conflict("concurrent_update", $"Employer {id} is at version {employer.Version}, not {version}: reload and retry.");
        if (request.UnitId is { } unitId && unitId != employer.UnitId && await UnitWrites.CheckAsync(unitId, actor, db, units, ct) is { } moveRefused)
            return moveRefused;
        if (!string.IsNullOrEmpty(code) && code != employer.CreditCode && await ExistingAsync(db, code, id, ct) is { } existing)
            return Exists(existing);

        var before = employer.ToDto();
        if (request.Name is not null) employer.Name = request.Name.Trim();
        if (code is not null) employer.CreditCode = Empty(code);
        if (request.Address is not null) employer.Address = Empty(request.Address.Trim());
        if (phone is not null) employer.ContactPhone = Empty(phone);
        if (request.UnitId is { } target) employer.UnitId = target;
        if (before == employer.ToDto()) return TypedResults.Ok(before);

        var now = clock.GetUtcNow();
        employer.Version++;
        employer.UpdatedAt = now;
        db.Record(actor, "employer.updated", "employer", id.ToString(), before, employer.ToDto(), at: now);
        if (!await SaveAsync(db, ct)) return Exists(null);
        return TypedResults.Ok(employer.ToDto());
    }

    /// <summary>Checks the given fields; <paramref name="code"/> and <paramref name="phone"/> come back normalised.</summary>
    private static ProblemHttpResult? Check(string? name, string? creditCode, string? address, string? contactPhone, out string? code, out string? phone)
    {
        code = creditCode is null ? null : CreditCode.Normalize(creditCode);
        phone = null;
        if (name is not null && name.Trim().Length > MaxName)
            return Problems.Invalid("too_long", $"name must be at most {MaxName} characters.", "name");
        if (!string.IsNullOrEmpty(code) && !CreditCode.IsValid(code))
            return Problems.Invalid("credit_code_invalid", "creditCode is not a valid unified social credit code (GB 32100).", "creditCode");
        if (PersonInput.TooLong(address, MaxAddress, "address") is { } tooLong) return tooLong;
        return PersonInput.TryPhone(contactPhone, "contactPhone", out phone);
    }

    private static Task<Guid?> ExistingAsync(CaseFlowDb db, string code, Guid? except, CancellationToken ct) =>
        db.Employers.AsNoTracking().Where(e => e.CreditCode == code && e.Id != except).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);

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

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ProblemHttpResult Exists(Guid? employerId) =>
        Problems.Create(StatusCodes.Status409Conflict, "employer_exists", "An employer with this credit code is already on file.", "creditCode",
            more: employerId is { } id ? [new("employerId", id)] : null);

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("employer_not_found", $"Employer {id} does not exist.");
}
