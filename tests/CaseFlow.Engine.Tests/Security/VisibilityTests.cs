using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Units;

namespace CaseFlow.Engine.Tests.Security;

/// <summary>A user sees the instances and tasks of their units and those below; others do not exist for them.</summary>
public sealed class VisibilityTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.CreateClient();
    private TestUnits _units = null!;

    public async Task InitializeAsync()
    {
        _units = await app.UnitsAsync();
        await _admin.DeployXmlAsync(TestApi.Fixture("town-review"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(InstanceDto Instance, TaskDto Task)> StartInAsync(Guid unitId)
    {
        var instance = await (await _admin.PostJsonAsync("/api/instances", new { processId = "town-review", unitId })).ReadAsync<InstanceDto>(HttpStatusCode.Created);
        return (instance, await _admin.OpenTaskAsync(instance.Id));
    }

    [Fact]
    public async Task A_town_user_sees_their_town_and_the_units_below_it()
    {
        var client = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);

        var visible = await (await client.GetAsync("/api/units")).ReadAsync<List<UnitDto>>();

        Assert.Equal(new[] { _units.TownA, _units.UnionA1 }.Order(), visible.Select(u => u.Id).Order());
    }

    [Fact]
    public async Task A_task_of_another_town_is_404()
    {
        var (_, task) = await StartInAsync(_units.UnionB1);
        var client = await app.ClientAsAsync(_units.TownA, Roles.Reviewer);

        await (await client.GetAsync($"/api/tasks/{task.Id}")).ProblemAsync(HttpStatusCode.NotFound, "task_not_found");
    }

    [Fact]
    public async Task A_task_of_another_town_is_not_in_the_task_list()
    {
        var (instance, _) = await StartInAsync(_units.UnionB1);
        var client = await app.ClientAsAsync(_units.TownA, Roles.Reviewer);

        Assert.Empty((await client.TasksAsync($"instanceId={instance.Id}")).Items);
    }

    [Fact]
    public async Task Claiming_a_task_of_another_town_is_404()
    {
        var (_, task) = await StartInAsync(_units.UnionB1);
        var client = await app.ClientAsAsync(_units.TownA, Roles.Reviewer);

        await (await client.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { })).ProblemAsync(HttpStatusCode.NotFound, "task_not_found");
    }

    [Fact]
    public async Task An_instance_and_its_history_of_another_town_are_404()
    {
        var (instance, _) = await StartInAsync(_units.UnionB1);
        var client = await app.ClientAsAsync(_units.TownA, Roles.Reviewer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/instances/{instance.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/instances/{instance.Id}/history")).StatusCode);
    }

    [Fact]
    public async Task The_county_sees_the_tasks_of_both_towns()
    {
        var (a, _) = await StartInAsync(_units.UnionA1);
        var (b, _) = await StartInAsync(_units.UnionB1);
        var county = await app.ClientAsAsync(_units.County, Roles.Supervisor);

        Assert.Single((await county.TasksAsync($"instanceId={a.Id}")).Items);
        Assert.Single((await county.TasksAsync($"instanceId={b.Id}")).Items);
    }

    [Fact]
    public async Task Starting_an_instance_in_another_town_is_404()
    {
        var client = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);

        await (await client.PostJsonAsync("/api/instances", new { processId = "town-review", unitId = _units.TownB })).ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task A_reviewer_of_the_cases_town_may_claim_a_reviewer_at_town_task()
    {
        var (_, task) = await StartInAsync(_units.UnionA1);
        var reviewer = await app.ClientAsAsync(_units.TownA, Roles.Reviewer);

        var claimable = await reviewer.TasksAsync("claimable=true");
        var claimed = await (await reviewer.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { })).ReadAsync<TaskDto>();

        Assert.Contains(claimable.Items, t => t.Id == task.Id);
        Assert.Equal(reviewer.UserName(), claimed.Assignee);
    }

    [Fact]
    public async Task A_reviewer_of_a_grassroots_union_is_not_a_candidate_for_its_towns_review()
    {
        var (_, task) = await StartInAsync(_units.UnionA1);
        var reviewer = await app.ClientAsAsync(_units.UnionA1, Roles.Reviewer);

        var claimable = await reviewer.TasksAsync("claimable=true");
        var refused = await reviewer.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { });

        Assert.DoesNotContain(claimable.Items, t => t.Id == task.Id);
        await refused.ProblemAsync(HttpStatusCode.Forbidden, "not_a_candidate");
    }

    [Fact]
    public async Task A_caseworker_is_not_a_candidate_for_a_review()
    {
        var (_, task) = await StartInAsync(_units.UnionA1);
        var caseworker = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);

        await (await caseworker.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { })).ProblemAsync(HttpStatusCode.Forbidden, "not_a_candidate");
    }

    [Fact]
    public async Task Claiming_for_someone_else_needs_a_supervisor()
    {
        var (_, task) = await StartInAsync(_units.UnionA1);
        var reviewer = await app.ClientAsAsync(_units.TownA, Roles.Reviewer);

        await (await reviewer.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { user = "someone-else" })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_supervisor_of_the_town_assigns_a_task_to_a_reviewer()
    {
        var (_, task) = await StartInAsync(_units.UnionA1);
        var supervisor = await app.ClientAsAsync(_units.TownA, Roles.Supervisor);

        var assigned = await (await supervisor.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { user = "li.reviewer" })).ReadAsync<TaskDto>();

        Assert.Equal("li.reviewer", assigned.Assignee);
    }

    [Fact]
    public async Task A_plain_group_is_claimable_by_the_role_at_the_unit_or_above()
    {
        var (instance, review) = await StartInAsync(_units.UnionA1);
        (await _admin.CompleteAsync(review.Id)).EnsureSuccessStatusCode();
        var check = await _admin.OpenTaskAsync(instance.Id);
        var townCaseworker = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);
        var otherTown = await app.ClientAsAsync(_units.TownB, Roles.CaseWorker);

        Assert.Contains((await townCaseworker.TasksAsync("claimable=true")).Items, t => t.Id == check.Id);
        Assert.DoesNotContain((await otherTown.TasksAsync("claimable=true")).Items, t => t.Id == check.Id);
    }

    [Fact]
    public async Task Deploying_a_process_needs_a_supervisor_or_administrator()
    {
        var caseworker = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);

        await (await caseworker.DeployXmlAsync(TestApi.Fixture("single-task"))).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
