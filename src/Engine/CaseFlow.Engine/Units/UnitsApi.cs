using System.Text.RegularExpressions;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Units;

public sealed record UnitDto(Guid Id, Guid? ParentId, string Name, string Kind, string Code, int Depth, int? CollectiveThreshold,
    int? EffectiveCollectiveThreshold, int Version);

public sealed record CreateUnitRequest(Guid? ParentId, string? Name, string? Kind, string? Code, int? CollectiveThreshold);

public sealed record UpdateUnitRequest(string? Name, string? Code, int? CollectiveThreshold, bool? ClearCollectiveThreshold, int? Version);

/// <summary>The unit tree: everyone reads the part they see; admins shape the part below them.</summary>
public static partial class UnitsApi
{
    public static RouteGroupBuilder MapUnits(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/units").WithTags("Units");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create).RequireRoles(Roles.Admin);
        group.MapPatch("/{id:guid}", Update).RequireRoles(Roles.Admin, Roles.Supervisor);
        return group;
    }

    private static async Task<Ok<List<UnitDto>>> List(Actor actor, UnitTreeCache units, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        var visible = tree.All.Where(u => actor.CanSee(u.Id)).OrderBy(u => u.Depth).ThenBy(u => u.Code, StringComparer.Ordinal);
        return TypedResults.Ok(visible.Select(u => ToDto(u, tree)).ToList());
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> Get(Guid id, Actor actor, UnitTreeCache units, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        return tree.Find(id) is { } unit && actor.CanSee(id) ? TypedResults.Ok(ToDto(unit, tree)) : NotFound(id);
    }

    private static async Task<Results<Created<UnitDto>, ProblemHttpResult>> Create(
        CreateUnitRequest? request, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        if (request?.ParentId is not { } parentId) return Problems.Invalid("field_required", "parentId is required (there is one root).", "parentId");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100) return Problems.Invalid("field_invalid", "name is required, at most 100 characters.", "name");
        if (!Enum.TryParse<UnitKind>(request.Kind, true, out var kind) || !Enum.IsDefined(kind))
            return Problems.Invalid("field_invalid", $"kind must be one of {string.Join(", ", Enum.GetNames<UnitKind>())}.", "kind");
        if (request.Code is null || !CodePattern().IsMatch(request.Code))
            return Problems.Invalid("field_invalid", "code is 2 to 12 capital letters or digits (it goes into case numbers).", "code");
        if (request.CollectiveThreshold is < 2 or > 10_000) return Problems.Invalid("field_invalid", "collectiveThreshold is between 2 and 10000.", "collectiveThreshold");

        var tree = await units.GetAsync(ct);
        var parent = await db.Units.SingleOrDefaultAsync(u => u.Id == parentId, ct);
        if (parent is null || !actor.CanSee(parentId)) return NotFound(parentId);
        if (!actor.HasAt(Roles.Admin, parentId, tree)) return Forbidden();
        if (await db.Units.AnyAsync(u => u.Code == request.Code, ct)) return Problems.Conflict("unit_code_taken", $"Another unit has the code {request.Code}.");

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var unit = new Unit
        {
            Id = id, ParentId = parentId, Name = request.Name.Trim(), Kind = kind, Code = request.Code, Path = Unit.PathOf(parent, id),
            Depth = parent.Depth + 1, CollectiveThreshold = request.CollectiveThreshold, CreatedAt = now, Version = 1,
        };
        db.Units.Add(unit);
        db.Record(actor, "unit.created", "unit", id.ToString(), after: new { unit.Name, unit.Code, Kind = kind.ToString(), unit.ParentId, unit.CollectiveThreshold }, at: now);
        await db.SaveChangesAsync(ct);
        units.Invalidate();
        return TypedResults.Created($"/api/units/{id}", ToDto(unit, await units.GetAsync(ct)));
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> Update(
        Guid id, UpdateUnitRequest? request, Actor actor, CaseFlowDb db, UnitTreeCache units, CancellationToken ct)
    {
        if (request is null) return Problems.Invalid("field_required", "A body is required.", "body");
        var tree = await units.GetAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null || !actor.CanSee(id)) return NotFound(id);
        // Supervisors set their unit's collective threshold; the rest is the administrators'.
        var onlyThreshold = request.Name is null && request.Code is null;
        if (!actor.HasAt(Roles.Admin, id, tree) && !(onlyThreshold && actor.HasAt(Roles.Supervisor, id, tree))) return Forbidden();
        if (request.Version is { } version && version != unit.Version)
            return Problems.Conflict("concurrent_update", $"Unit {id} is at version {unit.Version}, not {version}; reload and retry.");
        if (request.Name is not null && (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100))
            return Problems.Invalid("field_invalid", "name is at most 100 characters and not empty.", "name");
        if (request.Code is not null && !CodePattern().IsMatch(request.Code))
            return Problems.Invalid("field_invalid", "code is 2 to 12 capital letters or digits.", "code");
        if (request.CollectiveThreshold is < 2 or > 10_000) return Problems.Invalid("field_invalid", "collectiveThreshold is between 2 and 10000.", "collectiveThreshold");
        if (request.Code is not null && request.Code != unit.Code && await db.Units.AnyAsync(u => u.Code == request.Code, ct))
            return Problems.Conflict("unit_code_taken", $"Another unit has the code {request.Code}.");

        var before = new { unit.Name, unit.Code, unit.CollectiveThreshold };
        if (request.Name is not null) unit.Name = request.Name.Trim();
        if (request.Code is not null) unit.Code = request.Code;
        if (request.CollectiveThreshold is not null) unit.CollectiveThreshold = request.CollectiveThreshold;
        if (request.ClearCollectiveThreshold == true) unit.CollectiveThreshold = null;
        unit.Version++;
        db.Record(actor, "unit.updated", "unit", id.ToString(), before, new { unit.Name, unit.Code, unit.CollectiveThreshold });
        await db.SaveChangesAsync(ct);
        units.Invalidate();
        return TypedResults.Ok(ToDto(unit, await units.GetAsync(ct)));
    }

    private static UnitDto ToDto(UnitTree.Node unit, UnitTree tree) => new(unit.Id, unit.ParentId, unit.Name, unit.Kind.ToString(), unit.Code,
        unit.Depth, unit.CollectiveThreshold, tree.CollectiveThresholdOf(unit.Id), VersionOf(unit));

    private static UnitDto ToDto(Unit unit, UnitTree tree) => new(unit.Id, unit.ParentId, unit.Name, unit.Kind.ToString(), unit.Code,
        unit.Depth, unit.CollectiveThreshold, tree.CollectiveThresholdOf(unit.Id), unit.Version);

    private static int VersionOf(UnitTree.Node unit) => unit.Version;

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("unit_not_found", $"Unit {id} does not exist.");

    private static ProblemHttpResult Forbidden() => Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Only an administrator of this unit or one above it may change it.");

    [GeneratedRegex("^[A-Z0-9]{2,12}$")]
    private static partial Regex CodePattern();
}
