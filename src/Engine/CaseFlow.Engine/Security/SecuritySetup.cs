using System.Threading.RateLimiting;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseFlow.Engine.Security;

public static class SecuritySetup
{
    public const string Scheme = "CaseFlow";
    public const string SignInRateLimit = "sign-in";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
    public const string AntiforgeryCookie = "XSRF-TOKEN";

    public static IServiceCollection AddCaseFlowSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Security").Get<SecuritySettings>() ?? new SecuritySettings();
        services.AddSingleton(settings);
        services.AddSingleton<UnitTreeCache>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<SignIns>();

        services.AddAuthentication(Scheme)
            // One scheme for the API: a bearer token when the request has one, else the cookie.
            .AddPolicyScheme(Scheme, "Cookie or API token", options => options.ForwardDefaultSelector = http =>
                ApiTokenHandler.SecretOf(http.Request) is not null
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(options =>
            {
                options.Cookie.Name = "caseflow.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = settings.CookieSecure;
                options.ExpireTimeSpan = settings.SessionIdleTimeout;
                options.SlidingExpiration = true;
                // An API answers 401/403 with a problem, never a redirect to a login page.
                options.Events.OnRedirectToLogin = context => WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                    "unauthenticated", "Sign in first.");
                options.Events.OnRedirectToAccessDenied = context => WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden,
                    "forbidden", "Your roles do not allow this.");
            });

        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in user or a token unless it says AllowAnonymous. No scheme named here: the
            // policy must judge the principal the actor middleware left (a disabled user's cookie was dropped there).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "caseflow.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = settings.CookieSecure;
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => new ValueTask(WriteProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                "too_many_requests", "Too many sign-in attempts from this address; wait a minute."));
            options.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>Authentication, the actor of the request, antiforgery for cookie writes, then authorization.</summary>
    public static WebApplication UseCaseFlowSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseMiddleware<AntiforgeryMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    internal static Task WriteProblemAsync(HttpContext http, int status, string code, string detail) =>
        Problems.WriteAsync(http, status, code, detail);

    /// <summary>Refuses with 403 <c>forbidden</c> unless the actor holds one of the roles somewhere.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = context.HttpContext.RequestServices.GetRequiredService<Actor>();
            return actor.HasAny(roles)
                ? await next(context)
                : Problems.Create(StatusCodes.Status403Forbidden, "forbidden", $"This needs one of the roles: {string.Join(", ", roles)}.");
        });
}
