using System.Text.RegularExpressions;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Security;

public sealed record RoleGrantRequest(string? Role, Guid? UnitId);

public sealed record CreateUserRequest(string? UserName, string? DisplayName, Guid? UnitId, string? Phone, IReadOnlyList<RoleGrantRequest>? Roles, string? Password);

public sealed record UpdateUserRequest(string? DisplayName, string? Phone, bool? Disabled, bool? Unlock, IReadOnlyList<RoleGrantRequest>? Roles, int? Version);

public sealed record UserDto(Guid Id, string UserName, string DisplayName, Guid UnitId, string? Phone, bool Disabled, bool LockedOut,
    bool MustChangePassword, IReadOnlyList<GrantDto> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt, int Version);

/// <summary>Staff accounts, managed by the administrators of their units. A new password is shown once.</summary>
public sealed record UserCreatedDto(UserDto User, string? Password);

public static partial class UsersApi
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapGet("/", List).RequireRoles(Roles.Admin, Roles.Supervisor, Roles.Auditor);
        group.MapGet("/{id:guid}", Get).RequireRoles(Roles.Admin, Roles.Supervisor, Roles.Auditor);
        group.MapPost("/", Create).RequireRoles(Roles.Admin);
        group.MapPatch("/{id:guid}", Update).RequireRoles(Roles.Admin);
        group.MapPost("/{id:guid}/reset-password", ResetPassword).RequireRoles(Roles.Admin);
        return group;
    }

    private static async Task<Results<Ok<PageDto<UserDto>>, ProblemHttpResult>> List(
        Guid? unitId, string? role, string? q, int? page, int? pageSize, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var tree = await units.GetAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!actor.SeesAll)
        {
            var visible = actor.VisibleUnits.ToArray();
            query = query.Where(u => visible.Contains(u.UnitId));
        }
        if (unitId is { } unit) query = query.Where(u => u.UnitId == unit);
        if (!string.IsNullOrEmpty(role)) query = query.Where(u => u.Roles.Any(r => r.Role == role));
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(u => u.UserName.StartsWith(q.ToLower()) || u.DisplayName.Contains(q));
        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.UserName).Skip(paging.Skip).Take(paging.PageSize).Include(u => u.Roles).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new PageDto<UserDto>(users.Select(u => ToDto(u, tree, now)).ToList(), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Get(Guid id, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || !actor.CanSee(user.UnitId)) return NotFound(id);
        return TypedResults.Ok(ToDto(user, await units.GetAsync(ct), clock.GetUtcNow()));
    }

    private static async Task<Results<Created<UserCreatedDto>, ProblemHttpResult>> Create(
        CreateUserRequest? request, Actor actor, CaseFlowDb db, UnitTreeCache units, IPasswordHasher<User> hasher, SecuritySettings settings,
        TimeProvider clock, CancellationToken ct)
    {
        if (request?.UserName is not { } userName || !UserNamePattern().IsMatch(userName.ToLowerInvariant()))
            return Problems.Invalid("field_invalid", "userName is 2 to 40 letters, digits, '.', '_' or '-'.", "userName");
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 100)
            return Problems.Invalid("field_invalid", "displayName is required, at most 100 characters.", "displayName");
        if (request.UnitId is not { } unitId) return Problems.Invalid("field_required", "unitId is required.", "unitId");
        if (request.Phone is { Length: > 30 }) return Problems.Invalid("field_invalid", "phone is at most 30 characters.", "phone");
        if (request.Password is not null && Passwords.Check(request.Password, settings, "password") is { } weak) return weak;

        var tree = await units.GetAsync(ct);
        if (tree.Find(unitId) is null || !actor.CanSee(unitId)) return Problems.NotFound("unit_not_found", $"Unit {unitId} does not exist.");
        if (!actor.HasAt(Roles.Admin, unitId, tree)) return Forbidden();
        if (ReadGrants(request.Roles, actor, tree, out var grants) is { } bad) return bad;
        var name = userName.ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.UserName == name, ct)) return Problems.Conflict("user_exists", $"The user name {name} is taken.");

        var now = clock.GetUtcNow();
        var password = request.Password ?? Passwords.Generate();
        var user = new User
        {
            Id = Guid.CreateVersion7(now), UserName = name, DisplayName = request.DisplayName.Trim(), PasswordHash = "", UnitId = unitId,
            Phone = request.Phone, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now, Version = 1,
            MustChangePassword = request.Password is null,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        user.Roles.AddRange(grants.Select(g => new RoleAssignment { UserId = user.Id, UnitId = g.UnitId, Role = g.Role }));
        db.Users.Add(user);
        db.Record(actor, "user.created", "user", user.Id.ToString(), after: new { user.UserName, user.DisplayName, user.UnitId, roles = grants }, at: now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/users/{user.Id}", new UserCreatedDto(ToDto(user, tree, now), request.Password is null ? password : null));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Update(
        Guid id, UpdateUserRequest? request, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        if (request is null) return Problems.Invalid("field_required", "A body is required.", "body");
        var tree = await units.GetAsync(ct);
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || !actor.CanSee(user.UnitId)) return NotFound(id);
        if (!actor.HasAt(Roles.Admin, user.UnitId, tree)) return Forbidden();
        if (request.Version is { } version && version != user.Version)
            return Problems.Conflict("concurrent_update", $"User {id} is at version {user.Version}, not {version}; reload and retry.");
        if (request.DisplayName is not null && (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 100))
            return Problems.Invalid("field_invalid", "displayName is at most 100 characters and not empty.", "displayName");
        if (request.Phone is { Length: > 30 }) return Problems.Invalid("field_invalid", "phone is at most 30 characters.", "phone");
        List<Grant>? grants = null;
        if (request.Roles is not null && ReadGrants(request.Roles, actor, tree, out grants) is { } bad) return bad;
        if (user.Id == actor.UserId && (request.Disabled == true || (grants is not null && !grants.Any(g => g.Role == Roles.Admin))))
            return Problems.Conflict("cannot_lock_out_self", "Administrators cannot disable themselves or drop their own administrator role.");

        var before = Snapshot(user);
        if (request.DisplayName is not null) user.DisplayName = request.DisplayName.Trim();
        if (request.Phone is not null) user.Phone = request.Phone;
        if (request.Disabled is { } disabled) user.Disabled = disabled;
        if (request.Unlock == true)
        {
            user.LockedUntil = null;
            user.FailedSignIns = 0;
        }
        if (grants is not null)
        {
            db.RoleAssignments.RemoveRange(user.Roles);
            user.Roles.Clear();
            user.Roles.AddRange(grants.Select(g => new RoleAssignment { UserId = user.Id, UnitId = g.UnitId, Role = g.Role }));
        }
        // Roles or access changed: sessions signed in before must sign in again.
        if (grants is not null || request.Disabled is not null) user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.Version++;
        db.Record(actor, "user.updated", "user", id.ToString(), before, Snapshot(user));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(user, tree, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<UserCreatedDto>, ProblemHttpResult>> ResetPassword(
        Guid id, Actor actor, CaseFlowDb db, UnitTreeCache units, IPasswordHasher<User> hasher, TimeProvider clock, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || !actor.CanSee(user.UnitId)) return NotFound(id);
        if (!actor.HasAt(Roles.Admin, user.UnitId, tree)) return Forbidden();
        var password = Passwords.Generate();
        user.PasswordHash = hasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.LockedUntil = null;
        user.FailedSignIns = 0;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.Version++;
        db.Record(actor, "user.password_reset", "user", id.ToString());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new UserCreatedDto(ToDto(user, tree, clock.GetUtcNow()), password));
    }

    /// <summary>Known roles, at units the acting administrator manages.</summary>
    private static ProblemHttpResult? ReadGrants(IReadOnlyList<RoleGrantRequest>? requested, Actor actor, UnitTree tree, out List<Grant> grants)
    {
        grants = [];
        foreach (var (index, grant) in (requested ?? []).Index())
        {
            if (grant.Role is null || !Roles.IsKnown(grant.Role))
                return Problems.Invalid("role_unknown", $"roles[{index}].role must be one of {string.Join(", ", Roles.All)}.", $"roles[{index}].role");
            if (grant.UnitId is not { } unit || tree.Find(unit) is null || !actor.CanSee(unit))
                return Problems.NotFound("unit_not_found", $"roles[{index}].unitId names no unit you see.");
            if (!actor.HasAt(Roles.Admin, unit, tree)) return Forbidden();
            grants.Add(new Grant(grant.Role, unit));
        }
        grants = grants.Distinct().ToList();
        return null;
    }

    private static object Snapshot(User user) => new
    {
        user.DisplayName, user.Phone, user.Disabled, user.LockedUntil,
        roles = user.Roles.Select(r => new { r.Role, r.UnitId }).OrderBy(r => r.Role).ToList(),
    };

    private static UserDto ToDto(User user, UnitTree tree, DateTimeOffset now) => new(user.Id, user.UserName, user.DisplayName, user.UnitId, user.Phone,
        user.Disabled, user.LockedUntil > now, user.MustChangePassword,
        user.Roles.Select(r => new GrantDto(r.Role, r.UnitId, tree.Find(r.UnitId)?.Name ?? "")).ToList(), user.CreatedAt, user.LastSignInAt, user.Version);

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("user_not_found", $"User {id} does not exist.");

    private static ProblemHttpResult Forbidden() => Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Only an administrator of the user's unit or one above it may do this.");

    [GeneratedRegex("^[a-z0-9._-]{2,40}$")]
    private static partial Regex UserNamePattern();
}
