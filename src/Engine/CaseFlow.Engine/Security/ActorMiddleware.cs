using System.Security.Claims;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Security;

/// <summary>
/// Fills the request's <see cref="Actor"/> from its principal. A cookie names a user: the user is read
/// again on every request (one primary-key lookup with the roles), so a disabled user, changed roles or a
/// changed password take effect at once, and a cookie whose security stamp is stale is refused.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next)
{
    public const string UserIdClaim = ClaimTypes.NameIdentifier;
    public const string StampClaim = "caseflow:stamp";

    public async Task InvokeAsync(HttpContext http, Actor actor, CaseFlowDb db, UnitTreeCache units)
    {
        actor.Ip = http.Connection.RemoteIpAddress?.ToString();
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            actor.Anonymous();
        }
        else if (principal.FindFirstValue(ApiTokenHandler.TokenIdClaim) is { } tokenId)
        {
            var unit = Guid.Parse(principal.FindFirstValue(ApiTokenHandler.UnitClaim)!);
            var grants = principal.FindAll(ApiTokenHandler.RoleClaim).Select(c => new Grant(c.Value, unit)).ToList();
            actor.SignedIn(null, Guid.Parse(tokenId), principal.Identity.Name!, unit, grants, await units.GetAsync(http.RequestAborted));
        }
        else if (Guid.TryParse(principal.FindFirstValue(UserIdClaim), out var userId))
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId, http.RequestAborted);
            if (user is null || user.Disabled || user.SecurityStamp != principal.FindFirstValue(StampClaim))
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                actor.Anonymous();
            }
            else
            {
                var grants = user.Roles.Select(r => new Grant(r.Role, r.UnitId)).ToList();
                actor.SignedIn(user.Id, null, user.UserName, user.UnitId, grants, await units.GetAsync(http.RequestAborted));
            }
        }
        else
        {
            actor.Anonymous();
        }
        await next(http);
    }

    /// <summary>
    /// The live hub's POSTs (negotiate, long-polling sends) change nothing a forged form could abuse, and the SignalR
    /// client sends no antiforgery header; the Strict SameSite cookie keeps other sites' requests unauthenticated anyway.
    /// </summary>
    private static bool IsHub(PathString path) => path.StartsWithSegments("/hubs");
}

/// <summary>
/// A write authenticated by the cookie must carry the antiforgery token in <c>X-XSRF-TOKEN</c>: the browser
/// sends the cookie to any site's form, but only our own script can read the token. Bearer tokens and
/// anonymous requests are not exposed to that and need none.
/// </summary>
internal sealed class AntiforgeryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, Actor actor)
    {
        if (actor.UserId is not null && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method) && !IsHub(http.Request.Path) && !await antiforgery.IsRequestValidAsync(http))
        {
            await SecuritySetup.WriteProblemAsync(http, StatusCodes.Status400BadRequest, "antiforgery_failed",
                $"A signed-in write needs the {SecuritySetup.AntiforgeryHeader} header from GET /api/auth/antiforgery (or the {SecuritySetup.AntiforgeryCookie} cookie).");
            return;
        }
        await next(http);
    }

    /// <summary>
    /// The live hub's POSTs (negotiate, long-polling sends) change nothing a forged form could abuse, and the SignalR
    /// client sends no antiforgery header; the Strict SameSite cookie keeps other sites' requests unauthenticated anyway.
    /// </summary>
    private static bool IsHub(PathString path) => path.StartsWithSegments("/hubs");
}
