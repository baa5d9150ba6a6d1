using System.Net;
using System.Net.Http.Headers;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Security;

public sealed class TokenTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _admin = app.CreateClient();

    private async Task<TokenCreatedDto> IssueAsync(Guid? unitId = null, DateTimeOffset? expiresAt = null, params string[] roles) =>
        await (await _admin.PostJsonAsync("/api/tokens", new { name = "bank gateway", unitId, roles = roles.Length == 0 ? [Roles.Finance] : roles, expiresAt }))
            .ReadAsync<TokenCreatedDto>(HttpStatusCode.Created);

    private HttpClient ClientWith(string secret)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_token_authenticates_requests_as_its_integration()
    {
        var token = await IssueAsync();

        var me = await (await ClientWith(token.Secret).GetAsync("/api/auth/me")).ReadAsync<MeDto>();

        Assert.Equal("token:bank gateway", me.Name);
        Assert.Equal(Roles.Finance, Assert.Single(me.Grants).Role);
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var token = await IssueAsync();

        (await _admin.DeleteAsync($"/api/tokens/{token.Token.Id}")).EnsureSuccessStatusCode();

        await (await ClientWith(token.Secret).GetAsync("/api/auth/me")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await IssueAsync(expiresAt: DateTimeOffset.UtcNow.AddSeconds(2));

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientWith(token.Secret).GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientWith("cf_" + new string('x', 43)).GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Only_the_hash_of_a_token_is_stored()
    {
        var token = await IssueAsync();

        using var scope = app.Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<CaseFlowDb>().ApiTokens.AsNoTracking().SingleAsync(t => t.Id == token.Token.Id);
        Assert.DoesNotContain(token.Secret, row.TokenHash + row.Prefix + row.Name);
        Assert.Equal(64, row.TokenHash.Length);
    }

    [Fact]
    public async Task A_token_scoped_to_a_town_sees_only_that_town()
    {
        var units = await app.UnitsAsync();
        var token = await IssueAsync(units.TownA, null, Roles.CaseWorker);

        var visible = await (await ClientWith(token.Secret).GetAsync("/api/units")).ReadAsync<List<UnitDto>>();

        Assert.Equal(new[] { units.TownA, units.UnionA1 }.Order(), visible.Select(u => u.Id).Order());
    }

    [Fact]
    public async Task Issuing_a_token_needs_the_admin_role()
    {
        var caseworker = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.CaseWorker);

        await (await caseworker.PostJsonAsync("/api/tokens", new { name = "mine", roles = new[] { Roles.CaseWorker } })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_token_with_an_unknown_role_is_refused_with_the_field()
    {
        var problem = await (await _admin.PostJsonAsync("/api/tokens", new { name = "x", roles = new[] { "emperor" } })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "role_unknown");

        Assert.Equal("roles", problem.GetProperty("field").GetString());
    }
}
