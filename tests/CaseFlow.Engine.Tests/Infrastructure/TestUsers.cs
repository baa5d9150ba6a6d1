using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>A small county: LA with towns TA and TB, each with one grassroots union.</summary>
public sealed record TestUnits(Guid Root, Guid County, Guid TownA, Guid TownB, Guid UnionA1, Guid UnionB1);

/// <summary>Signed-in clients for tests: the root token, users with roles at units, anonymous clients.</summary>
public static class TestUsers
{
    private static readonly ConditionalWeakTable<WebApplicationFactory<Program>, string> Tokens = new();
    private static readonly ConditionalWeakTable<WebApplicationFactory<Program>, Task<TestUnits>> Trees = new();
    private static readonly ConditionalWeakTable<HttpClient, string> Names = new();
    private static readonly Lock Gate = new();

    /// <summary>The secret of an API token with every role at the root unit, made once per app through the service's own code path.</summary>
    internal static string RootToken(WebApplicationFactory<Program> app)
    {
        lock (Gate)
        {
            if (Tokens.TryGetValue(app, out var existing)) return existing;
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
            var root = db.Units.Where(u => u.ParentId == null).OrderBy(u => u.CreatedAt).Select(u => u.Id).First();
            var (token, secret) = ApiTokens.Issue("tests", root, Roles.All, "tests", DateTimeOffset.UtcNow);
            db.ApiTokens.Add(token);
            db.SaveChanges();
            Tokens.Add(app, secret);
            return secret;
        }
    }

    /// <summary>The user name of a client made by <see cref="ClientAsAsync"/>; <c>token:tests</c> for the default client.</summary>
    public static string UserName(this HttpClient client) => Names.TryGetValue(client, out var name) ? name : "token:tests";

    /// <summary>A client with no credentials at all.</summary>
    public static HttpClient CreateAnonymousClient(this WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>The test county, created once per app through the units API.</summary>
    public static Task<TestUnits> UnitsAsync(this WebApplicationFactory<Program> app)
    {
        lock (Gate)
        {
            if (Trees.TryGetValue(app, out var existing)) return existing;
            var created = CreateUnitsAsync(app);
            Trees.Add(app, created);
            return created;
        }
    }

    private static async Task<TestUnits> CreateUnitsAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        var root = (await (await client.GetAsync("/api/units")).ReadAsync<List<UnitDto>>()).Single(u => u.ParentId is null).Id;
        async Task<Guid> Add(Guid parent, string name, string kind, string code) =>
            (await (await client.PostJsonAsync("/api/units", new { parentId = parent, name, kind, code })).ReadAsync<UnitDto>(System.Net.HttpStatusCode.Created)).Id;
        var county = await Add(root, "临安区总工会", "County", "LA");
        var townA = await Add(county, "锦城街道总工会", "Town", "TA");
        var townB = await Add(county, "於潜镇总工会", "Town", "TB");
        var unionA1 = await Add(townA, "锦城街道联合工会", "Grassroots", "TA1");
        var unionB1 = await Add(townB, "於潜镇联合工会", "Grassroots", "TB1");
        return new TestUnits(root, county, townA, townB, unionA1, unionB1);
    }

    /// <summary>
    /// A new user holding <paramref name="roles"/> at <paramref name="unitId"/>, and a client signed in as them with
    /// the cookie, sending the antiforgery header on every request as the web app does.
    /// </summary>
    public static async Task<HttpClient> ClientAsAsync(this WebApplicationFactory<Program> app, Guid unitId, params string[] roles)
    {
        var admin = app.CreateClient();
        var userName = "u" + Guid.NewGuid().ToString("N")[..10];
        const string password = "correct horse battery";
        var created = await admin.PostJsonAsync("/api/users", new
        {
            userName, displayName = userName, unitId, password, roles = roles.Select(role => new { role, unitId }),
        });
        await created.ReadAsync<UserCreatedDto>(System.Net.HttpStatusCode.Created);
        return await SignInAsync(app, userName, password);
    }

    /// <summary>A client signed in with the cookie as an existing user; fails the test if the sign-in fails.</summary>
    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> app, string userName, string password)
    {
        var client = app.CreateAnonymousClient();
        var me = await (await client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password })).ReadAsync<MeDto>();
        client.DefaultRequestHeaders.Add(SecuritySetup.AntiforgeryHeader, me.AntiforgeryToken);
        Names.AddOrUpdate(client, userName);
        return client;
    }
}
