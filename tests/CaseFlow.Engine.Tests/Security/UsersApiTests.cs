using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Units;

namespace CaseFlow.Engine.Tests.Security;

public sealed class UsersApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _admin = app.CreateClient();

    [Fact]
    public async Task A_user_created_without_a_password_gets_a_random_one_shown_once_and_must_change_it()
    {
        var units = await app.UnitsAsync();

        var created = await (await _admin.PostJsonAsync("/api/users", new { userName = "wang.fang", displayName = "王芳", unitId = units.TownA }))
            .ReadAsync<UserCreatedDto>(HttpStatusCode.Created);
        var fetched = await (await _admin.GetAsync($"/api/users/{created.User.Id}")).ReadAsync<UserDto>();

        Assert.Equal(16, created.Password!.Length);
        Assert.True(fetched.MustChangePassword);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateAnonymousClient().PostJsonAsync("/api/auth/sign-in", new { userName = "wang.fang", password = created.Password })).StatusCode);
    }

    [Fact]
    public async Task A_taken_user_name_returns_409()
    {
        var units = await app.UnitsAsync();
        (await _admin.PostJsonAsync("/api/users", new { userName = "li.lei", displayName = "李雷", unitId = units.TownA })).EnsureSuccessStatusCode();

        await (await _admin.PostJsonAsync("/api/users", new { userName = "LI.LEI", displayName = "李雷", unitId = units.TownB })).ProblemAsync(HttpStatusCode.Conflict, "user_exists");
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_its_field()
    {
        var units = await app.UnitsAsync();

        var problem = await (await _admin.PostJsonAsync("/api/users", new { userName = "x.y", displayName = "X", unitId = units.TownA, roles = new[] { new { role = "king", unitId = units.TownA } } }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "role_unknown");

        Assert.Equal("roles[0].role", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_town_administrator_cannot_create_users_in_another_town()
    {
        var units = await app.UnitsAsync();
        var townAdmin = await app.ClientAsAsync(units.TownA, Roles.Admin);

        await (await townAdmin.PostJsonAsync("/api/users", new { userName = "intruder", displayName = "X", unitId = units.TownB })).ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task A_town_administrator_lists_only_the_users_of_their_town()
    {
        var units = await app.UnitsAsync();
        await app.ClientAsAsync(units.TownB, Roles.CaseWorker);
        var townAdmin = await app.ClientAsAsync(units.TownA, Roles.Admin);

        var users = await (await townAdmin.GetAsync("/api/users?pageSize=100")).ReadAsync<PageDto<UserDto>>();

        Assert.All(users.Items, u => Assert.Contains(u.UnitId, new[] { units.TownA, units.UnionA1 }));
    }

    [Fact]
    public async Task A_unit_code_must_be_unique()
    {
        var units = await app.UnitsAsync();

        await (await _admin.PostJsonAsync("/api/units", new { parentId = units.County, name = "重名", kind = "Town", code = "TA" })).ProblemAsync(HttpStatusCode.Conflict, "unit_code_taken");
    }

    [Fact]
    public async Task A_supervisor_sets_the_collective_threshold_of_their_unit()
    {
        var units = await app.UnitsAsync();
        var supervisor = await app.ClientAsAsync(units.TownB, Roles.Supervisor);

        var updated = await (await supervisor.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/units/{units.TownB}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { collectiveThreshold = 8 }),
        })).ReadAsync<UnitDto>();

        Assert.Equal((8, 8), (updated.CollectiveThreshold, updated.EffectiveCollectiveThreshold));
    }
}
