using System.Net;
using System.Net.Http.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Security;

public sealed class SignInTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private const string Password = "correct horse battery";

    private async Task<string> NewUserAsync(params string[] roles)
    {
        var units = await app.UnitsAsync();
        var userName = "s" + Guid.NewGuid().ToString("N")[..10];
        (await app.CreateClient().PostJsonAsync("/api/users", new
        {
            userName, displayName = "张三", unitId = units.TownA, password = Password, roles = roles.Select(role => new { role, unitId = units.TownA }),
        })).EnsureSuccessStatusCode();
        return userName;
    }

    private Task<HttpResponseMessage> SignIn(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password });

    [Fact]
    public async Task Signing_in_returns_the_user_with_their_roles_and_an_antiforgery_token()
    {
        var userName = await NewUserAsync(Roles.CaseWorker);

        var me = await (await SignIn(app.CreateAnonymousClient(), userName, Password)).ReadAsync<MeDto>();

        Assert.Equal(userName, me.Name);
        Assert.Equal(Roles.CaseWorker, Assert.Single(me.Grants).Role);
        Assert.False(string.IsNullOrEmpty(me.AntiforgeryToken));
    }

    [Fact]
    public async Task The_first_run_administrator_signs_in_with_the_configured_password()
    {
        var me = await (await SignIn(app.CreateAnonymousClient(), FirstRun.AdminUserName, app.AdminPassword)).ReadAsync<MeDto>();

        Assert.True(me.SeesAllUnits);
        Assert.Contains(me.Grants, g => g.Role == Roles.Admin);
    }

    [Fact]
    public async Task A_wrong_password_returns_401()
    {
        var userName = await NewUserAsync(Roles.CaseWorker);

        await (await SignIn(app.CreateAnonymousClient(), userName, "not the password")).ProblemAsync(HttpStatusCode.Unauthorized, "sign_in_failed");
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        await (await SignIn(app.CreateAnonymousClient(), "nobody-" + Guid.NewGuid().ToString("N")[..6], Password))
            .ProblemAsync(HttpStatusCode.Unauthorized, "sign_in_failed");
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var userName = await NewUserAsync(Roles.CaseWorker);
        var client = app.CreateAnonymousClient();
        for (var i = 0; i < 5; i++) await SignIn(client, userName, "wrong password " + i);

        await (await SignIn(client, userName, Password)).ProblemAsync(HttpStatusCode.Unauthorized, "account_locked");
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account()
    {
        var userName = await NewUserAsync(Roles.CaseWorker);
        var client = app.CreateAnonymousClient();
        for (var i = 0; i < 5; i++) await SignIn(client, userName, "wrong password " + i);
        var user = Assert.Single((await (await app.CreateClient().GetAsync($"/api/users?q={userName}")).ReadAsync<PageDto<UserDto>>()).Items);

        (await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/users/{user.Id}") { Content = JsonContent.Create(new { unlock = true }) }))
            .EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await SignIn(client, userName, Password)).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_good_and_bad_are_in_the_audit_log()
    {
        var userName = await NewUserAsync(Roles.CaseWorker);
        await SignIn(app.CreateAnonymousClient(), userName, "wrong password");
        await SignIn(app.CreateAnonymousClient(), userName, Password);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var actions = await db.AuditLog.Where(a => a.After!.Contains(userName)).Select(a => a.Action).ToListAsync();
        Assert.Contains("user.sign_in_failed", actions);
        Assert.Contains("user.signed_in", actions);
    }

    [Fact]
    public async Task A_request_without_credentials_returns_401()
    {
        await (await app.CreateAnonymousClient().GetAsync("/api/tasks")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_tampered_cookie_is_refused()
    {
        var userName = await NewUserAsync(Roles.CaseWorker);
        var signIn = await SignIn(app.CreateAnonymousClient(), userName, Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("caseflow.auth=", StringComparison.Ordinal)).Split(';')[0];
        var value = cookie["caseflow.auth=".Length..];
        var tampered = value[..^4] + (value[^4] == 'A' ? 'B' : 'A') + value[^3..];
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", "caseflow.auth=" + tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_write_without_the_antiforgery_header_returns_400()
    {
        var client = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.Admin);
        client.DefaultRequestHeaders.Remove(SecuritySetup.AntiforgeryHeader);

        await (await client.PostJsonAsync("/api/auth/sign-out", null)).ProblemAsync(HttpStatusCode.BadRequest, "antiforgery_failed");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.CaseWorker);

        (await client.PostJsonAsync("/api/auth/sign-out", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session()
    {
        var client = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.CaseWorker);
        var user = Assert.Single((await (await app.CreateClient().GetAsync($"/api/users?q={client.UserName()}")).ReadAsync<PageDto<UserDto>>()).Items);

        (await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/users/{user.Id}") { Content = JsonContent.Create(new { disabled = true }) }))
            .EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var client = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.CaseWorker);

        var problem = await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = "guess", newPassword = "a brand new password" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "password_wrong");

        Assert.Equal("currentPassword", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_new_password_shorter_than_ten_characters_is_refused()
    {
        var client = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.CaseWorker);

        await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = "short" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "password_too_short");
    }

    [Fact]
    public async Task Changing_the_password_lets_the_new_one_sign_in()
    {
        var userName = await NewUserAsync(Roles.CaseWorker);
        var client = await app.SignInAsync(userName, Password);

        (await client.PostJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = "a brand new password" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await SignIn(app.CreateAnonymousClient(), userName, "a brand new password")).StatusCode);
    }
}

/// <summary>Sessions that end after two idle seconds.</summary>
public sealed class ShortSessionApp : CaseFlowApp
{
    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("Security:SessionIdleTimeout", "00:00:02");
}

public sealed class SessionExpiryTests(ShortSessionApp app) : IClassFixture<ShortSessionApp>
{
    [Fact]
    public async Task An_expired_cookie_is_refused()
    {
        var client = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.CaseWorker);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }
}

/// <summary>Three sign-in attempts per minute per address.</summary>
public sealed class StrictRateApp : CaseFlowApp
{
    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("Security:SignInsPerMinute", "3");
}

public sealed class SignInRateLimitTests(StrictRateApp app) : IClassFixture<StrictRateApp>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_return_429()
    {
        var client = app.CreateAnonymousClient();
        for (var i = 0; i < 3; i++) await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "someone", password = "guess " + i });

        await (await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "someone", password = "guess" }))
            .ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
    }
}
