using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Security;

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record GrantDto(string Role, Guid UnitId, string UnitName);

public sealed record MeDto(Guid? UserId, string Name, string? DisplayName, Guid? UnitId, string? UnitName, bool SeesAllUnits,
    IReadOnlyList<GrantDto> Grants, bool MustChangePassword, string? AntiforgeryToken);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Sign-in");
        group.MapPost("/sign-in", SignIn).AllowAnonymous().RequireRateLimiting(SecuritySetup.SignInRateLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/sign-out", SignOut);
        group.MapGet("/me", Me);
        group.MapGet("/antiforgery", Antiforgery);
        group.MapPost("/password", ChangePassword);
        return group;
    }

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> SignIn(
        SignInRequest? request, HttpContext http, SignIns signIns, CaseFlowDb db, UnitTreeCache units, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.UserName)) return Problems.Invalid("field_required", "userName is required.", "userName");
        if (string.IsNullOrEmpty(request.Password)) return Problems.Invalid("field_required", "password is required.", "password");
        if (request.UserName.Length > 100 || request.Password.Length > 200) return Problems.Create(StatusCodes.Status401Unauthorized, "sign_in_failed", "Wrong user name or password.");

        var (outcome, user) = await signIns.SignInAsync(http, request.UserName, request.Password, ct);
        return outcome switch
        {
            SignInOutcome.SignedIn => TypedResults.Ok(await MeAsync(user!, db, await units.GetAsync(ct), StoreTokens(http, antiforgery), ct)),
            SignInOutcome.LockedOut => Problems.Create(StatusCodes.Status401Unauthorized, "account_locked",
                "Too many failed sign-ins: the account is locked for a while. Ask an administrator to unlock it sooner."),
            _ => Problems.Create(StatusCodes.Status401Unauthorized, "sign_in_failed", "Wrong user name or password."),
        };
    }

    private static async Task<NoContent> SignOut(HttpContext http, Actor actor, CaseFlowDb db, CancellationToken ct)
    {
        if (actor.UserId is { } id)
        {
            db.Record(actor, "user.signed_out", "user", id.ToString());
            await db.SaveChangesAsync(ct);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeDto>> Me(HttpContext http, Actor actor, CaseFlowDb db, UnitTreeCache units, IAntiforgery antiforgery, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        if (actor.UserId is { } id && await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) is { } user)
        {
            user.Roles.AddRange(actor.Grants.Select(g => new RoleAssignment { UserId = id, UnitId = g.UnitId, Role = g.Role }));
            return TypedResults.Ok(await MeAsync(user, db, tree, antiforgery.GetAndStoreTokens(http).RequestToken, ct));
        }
        return TypedResults.Ok(new MeDto(null, actor.Name, null, actor.UnitId, actor.UnitId is { } u ? tree.Find(u)?.Name : null, actor.SeesAll,
            actor.Grants.Select(g => new GrantDto(g.Role, g.UnitId, tree.Find(g.UnitId)?.Name ?? "")).ToList(), false, null));
    }

    /// <summary>The token for <c>X-XSRF-TOKEN</c>, also set as the readable <c>XSRF-TOKEN</c> cookie for browser code.</summary>
    private static Ok<AntiforgeryTokenDto> Antiforgery(HttpContext http, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryTokenDto(StoreTokens(http, antiforgery), SecuritySetup.AntiforgeryHeader));

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest? request, Actor actor, CaseFlowDb db, IPasswordHasher<User> hasher, SecuritySettings settings,
        HttpContext http, CancellationToken ct)
    {
        if (actor.UserId is not { } id) return Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Only a signed-in user has a password.");
        if (Passwords.Check(request?.NewPassword, settings, "newPassword") is { } problem) return problem;
        var user = await db.Users.SingleAsync(u => u.Id == id, ct);
        if (string.IsNullOrEmpty(request!.CurrentPassword)
            || hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
            return Problems.Invalid("password_wrong", "The current password is wrong.", "currentPassword");
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        user.MustChangePassword = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.Version++;
        db.Record(actor, "user.password_changed", "user", id.ToString());
        await db.SaveChangesAsync(ct);
        // The stamp changed: sign in again with this cookie only, so other sessions end.
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Issues the antiforgery tokens for the request's principal (after a sign-in, SignIns made it the user just
    /// signed in) and sets the request token as the readable <c>XSRF-TOKEN</c> cookie too.
    /// </summary>
    private static string StoreTokens(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Cookies.Append(SecuritySetup.AntiforgeryCookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps,
        });
        return tokens.RequestToken!;
    }

    internal static async Task<MeDto> MeAsync(User user, CaseFlowDb db, UnitTree tree, string? antiforgeryToken, CancellationToken ct)
    {
        var grants = user.Roles.Count > 0
            ? user.Roles
            : await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync(ct);
        var seesAll = grants.Any(g => tree.IsRoot(g.UnitId));
        return new MeDto(user.Id, user.UserName, user.DisplayName, user.UnitId, tree.Find(user.UnitId)?.Name, seesAll,
            grants.Select(g => new GrantDto(g.Role, g.UnitId, tree.Find(g.UnitId)?.Name ?? "")).ToList(), user.MustChangePassword, antiforgeryToken);
    }
}

public sealed record AntiforgeryTokenDto(string Token, string HeaderName);
