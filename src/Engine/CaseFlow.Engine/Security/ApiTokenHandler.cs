using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Engine.Security;

/// <summary><c>Authorization: Bearer cf_...</c>: a token found by the SHA-256 of its secret, not revoked, not expired.</summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CaseFlowDb db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "caseflow:token";
    public const string UnitClaim = "caseflow:unit";
    public const string RoleClaim = "caseflow:role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (SecretOf(Request) is not { } secret) return AuthenticateResult.NoResult();
        if (secret.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token.");

        var hash = ApiTokens.Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now) return AuthenticateResult.Fail("Unknown, revoked or expired token.");

        // Written at most once a minute per token: a busy integration must not turn every read into a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var claims = new List<Claim>
        {
            new(TokenIdClaim, token.Id.ToString()),
            new(ClaimTypes.Name, "token:" + token.Name),
            new(UnitClaim, token.UnitId.ToString()),
        };
        claims.AddRange(ApiTokens.RolesOf(token).Select(role => new Claim(RoleClaim, role)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>
    /// The bearer secret: from the Authorization header, or, for the live hub only, from <c>access_token</c> in the query,
    /// where SignalR's browser client puts it (a browser cannot set headers on a WebSocket).
    /// </summary>
    internal static string? SecretOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (request.Path.StartsWithSegments(Live.LiveSetup.HubPath) && request.Query["access_token"].ToString() is { Length: > 0 } query) return query;
        return null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        SecuritySetup.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized, "unauthenticated", "The API token is missing, unknown, revoked or expired.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SecuritySetup.WriteProblemAsync(Context, StatusCodes.Status403Forbidden, "forbidden", "The token's roles do not allow this.");
}

internal static class ApiTokens
{
    public const string SecretPrefix = "cf_";

    public static string NewSecret() => SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new token and its secret (shown once; only the token, holding the secret's hash, is stored).</summary>
    public static (ApiToken Token, string Secret) Issue(string name, Guid unitId, IEnumerable<string> roles, string createdBy,
        DateTimeOffset now, DateTimeOffset? expiresAt = null)
    {
        var secret = NewSecret();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now), Name = name, TokenHash = Hash(secret), Prefix = secret[..8], UnitId = unitId,
            Roles = string.Join(',', roles), CreatedBy = createdBy, CreatedAt = now, ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static IReadOnlyList<string> RolesOf(ApiToken token) =>
        token.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
