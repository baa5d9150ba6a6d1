using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Demo;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Tests.Durability;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Hosting;
using System.Text.Json;

namespace CaseFlow.Engine.Tests.Demo;

/// <summary>The service with its shipped workflows deployed, as on a real first start, and the demo county seeded once.</summary>
public sealed class DemoApp : CaseFlowApp, IAsyncLifetime
{
    public const string Password = "demo password 2026";

    public DemoSeed.DemoResult? Result { get; private set; }

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Workflows:DeployOnStart", "true");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Result = await DemoSeed.RunAsync(CreateClient(), Password, CancellationToken.None);
    }
}

public sealed class DemoSeedTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly HttpClient _admin = app.CreateClient();

    private async Task<List<JsonElement>> CasesAsync() =>
        (await (await _admin.GetAsync("/api/cases?pageSize=100")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task The_demo_county_has_towns_and_grassroots_unions()
    {
        var units = await (await _admin.GetAsync("/api/units")).ReadAsync<List<UnitDto>>();

        Assert.Equal(3, units.Count(u => u.Kind == "Town"));
        Assert.Equal(4, units.Count(u => u.Kind == "Grassroots"));
    }

    [Fact]
    public async Task Every_role_has_a_demo_user_who_can_sign_in()
    {
        foreach (var role in Roles.All.Where(r => r != Roles.Admin))
        {
            var client = await app.SignInAsync(role, DemoApp.Password);
            var me = await (await client.GetAsync("/api/auth/me")).ReadAsync<MeDto>();
            Assert.Contains(me.Grants, g => g.Role == role);
        }
    }

    [Fact]
    public async Task There_are_cases_of_every_shipped_family()
    {
        var families = (await CasesAsync()).Select(c => c.GetProperty("family").GetString()).ToHashSet();

        Assert.Superset(new HashSet<string?> { "Aid", "Mediation", "WageArrears", "Hotline" }, families);
    }

    [Fact]
    public async Task The_builders_wage_claims_became_one_flagged_collective_case()
    {
        var wageCase = Assert.Single(await CasesAsync(), c => c.GetProperty("family").GetString() == "WageArrears");
        var page = await (await _admin.GetAsync($"/api/cases/{wageCase.GetProperty("id").GetGuid()}")).ReadAsync<JsonElement>();

        Assert.True(page.GetProperty("isCollective").GetBoolean());
        Assert.Equal(JsonValueKind.String, page.GetProperty("collectiveFlaggedAt").ValueKind);
    }

    [Fact]
    public async Task The_supervisor_was_notified_of_the_collective_incident()
    {
        var supervisor = await app.SignInAsync("supervisor", DemoApp.Password);

        var notifications = await (await supervisor.GetAsync("/api/notifications")).ReadAsync<JsonElement>();

        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "collective_incident");
    }

    [Fact]
    public async Task The_town_caseworker_has_aid_tasks_to_pick_up()
    {
        var caseworker = await app.SignInAsync("caseworker", DemoApp.Password);

        var claimable = await caseworker.TasksAsync("claimable=true");

        Assert.Contains(claimable.Items, t => t.ProcessId == "hardship-aid" && t.ElementId == "householdVisit");
    }

    [Fact]
    public async Task The_caseworker_of_another_town_does_not_see_jincheng_cases()
    {
        var other = await app.SignInAsync("caseworker.yq", DemoApp.Password);

        var cases = (await (await other.GetAsync("/api/cases?pageSize=100")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray();

        Assert.All(cases, c => Assert.Contains("-YQ", c.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        Assert.NotNull(app.Result);

        Assert.Null(await DemoSeed.RunAsync(_admin, DemoApp.Password, CancellationToken.None));
    }
}

/// <summary>The switch end to end: the real service started with the demo setting seeds itself and says how to sign in.</summary>
public sealed class DemoStartTests
{
    [Fact]
    public async Task A_demo_start_prints_the_demo_users_and_their_password()
    {
        using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["Setup__Demo"] = "true" });

        var line = await Eventually.UntilAsync(() => Task.FromResult(service.Output.FirstOrDefault(l => l.Contains("sign in as any of", StringComparison.Ordinal))),
            l => l is not null, TimeSpan.FromMinutes(3), "the demo's sign-in line");

        Assert.Contains("supervisor", line);
        Assert.Contains(service.Output, l => l.TrimStart().StartsWith("password:", StringComparison.Ordinal));
    }
}
