using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Security;

public sealed record CreateTokenRequest(string? Name, Guid? UnitId, IReadOnlyList<string>? Roles, DateTimeOffset? ExpiresAt);

public sealed record TokenDto(Guid Id, string Name, string Prefix, Guid UnitId, IReadOnlyList<string> Roles, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>The secret is in this answer only; the service keeps its hash.</summary>
public sealed record TokenCreatedDto(TokenDto Token, string Secret);

/// <summary>API tokens for integrations, scoped to a unit and roles, revocable.</summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("API tokens").RequireRoles(Roles.Admin);
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapDelete("/{id:guid}", Revoke);
        return group;
    }

    private static async Task<Ok<List<TokenDto>>> List(Actor actor, CaseFlowDb db, CancellationToken ct)
    {
        var tokens = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(tokens.Where(t => actor.CanSee(t.UnitId)).Select(ToDto).ToList());
    }

    private static async Task<Results<Created<TokenCreatedDto>, ProblemHttpResult>> Create(
        CreateTokenRequest? request, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Name) || request.Name.Length > 100) return Problems.Invalid("field_invalid", "name is required, at most 100 characters.", "name");
        var tree = await units.GetAsync(ct);
        var unitId = request.UnitId ?? actor.UnitId;
        if (unitId is not { } unit || tree.Find(unit) is null || !actor.CanSee(unit)) return Problems.NotFound("unit_not_found", "unitId names no unit you see.");
        if (!actor.HasAt(Roles.Admin, unit, tree)) return Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Only an administrator of the unit may issue its tokens.");
        var roles = (request.Roles ?? []).Distinct().ToList();
        if (roles.Count == 0) return Problems.Invalid("field_required", "roles needs at least one role.", "roles");
        if (roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown) return Problems.Invalid("role_unknown", $"Unknown role {unknown}.", "roles");
        var now = clock.GetUtcNow();
        if (request.ExpiresAt <= now) return Problems.Invalid("field_invalid", "expiresAt is in the past.", "expiresAt");

        var (token, secret) = ApiTokens.Issue(request.Name.Trim(), unit, roles, actor.Name, now, request.ExpiresAt);
        db.ApiTokens.Add(token);
        db.Record(actor, "token.created", "api_token", token.Id.ToString(), after: new { token.Name, token.Prefix, token.UnitId, token.Roles, token.ExpiresAt }, at: now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tokens/{token.Id}", new TokenCreatedDto(ToDto(token), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || !actor.CanSee(token.UnitId)) return Problems.NotFound("token_not_found", $"Token {id} does not exist.");
        if (!actor.HasAt(Roles.Admin, token.UnitId, await units.GetAsync(ct))) return Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Only an administrator of the unit may revoke its tokens.");
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            db.Record(actor, "token.revoked", "api_token", id.ToString(), after: new { token.Name, token.Prefix });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    private static TokenDto ToDto(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.UnitId, ApiTokens.RolesOf(t), t.CreatedBy, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
