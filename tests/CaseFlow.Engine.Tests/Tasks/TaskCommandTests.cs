using System.Net;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Tasks;

public sealed class TaskCommandTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<TaskDto> OpenTask()
    {
        await _client.DeployAsync("approval");
        var instance = await _client.StartAsync("approval");
        return await _client.OpenTaskAsync(instance.Id);
    }

    [Fact]
    public async Task Claiming_sets_the_assignee_and_unclaiming_clears_it()
    {
        var task = await OpenTask();

        var claimed = await (await _client.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { user = "ann" })).ReadAsync<TaskDto>();
        var unclaimed = await (await _client.PostJsonAsync($"/api/tasks/{task.Id}/unclaim", null)).ReadAsync<TaskDto>();

        Assert.Equal("ann", claimed.Assignee);
        Assert.Null(unclaimed.Assignee);
        Assert.Null((await (await _client.GetAsync($"/api/tasks/{task.Id}")).ReadAsync<TaskDto>()).Assignee);
    }

    [Fact]
    public async Task Claiming_without_a_user_claims_for_the_caller()
    {
        var task = await OpenTask();

        var claimed = await (await _client.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { })).ReadAsync<TaskDto>();

        Assert.Equal(_client.UserName(), claimed.Assignee);
    }

    [Fact]
    public async Task Claiming_a_task_claimed_by_someone_else_returns_409()
    {
        var task = await OpenTask();
        (await _client.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { user = "ann" })).EnsureSuccessStatusCode();

        var problem = await (await _client.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { user = "bob" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("review", problem.GetProperty("elementId").GetString());
    }

    [Fact]
    public async Task Completing_a_task_returns_it_completed_with_the_user()
    {
        var task = await OpenTask();

        var completed = await (await _client.CompleteAsync(task.Id, new { ok = true }, "ann")).ReadAsync<TaskDto>();

        Assert.Equal(("Completed", "ann"), (completed.State, completed.CompletedBy));
        Assert.Equal(["auditors", "clerks"], completed.CandidateGroups);
    }

    [Fact]
    public async Task Completing_a_task_twice_returns_409()
    {
        var task = await OpenTask();
        (await _client.CompleteAsync(task.Id)).EnsureSuccessStatusCode();

        await (await _client.CompleteAsync(task.Id)).ProblemAsync(HttpStatusCode.Conflict, "task_not_active");
    }

    [Fact]
    public async Task An_unknown_task_returns_404()
    {
        await (await _client.GetAsync($"/api/tasks/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "task_not_found");
        await (await _client.CompleteAsync(Guid.NewGuid())).ProblemAsync(HttpStatusCode.NotFound, "task_not_found");
    }

    [Fact]
    public async Task Parallel_completions_of_one_task_let_exactly_one_win_and_advance_the_instance_once()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("approval", "approval", "raced"));
        var instance = await _client.StartAsync("raced");
        var task = await _client.OpenTaskAsync(instance.Id);
        const int racers = 8;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, racers).Select(async i =>
        {
            await gate.Task;
            return await _client.CompleteAsync(task.Id, new { winner = i }, $"racer{i}");
        }).ToList();

        gate.SetResult();
        var responses = await Task.WhenAll(racing);

        Assert.Single(responses, r => r.IsSuccessStatusCode);
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
        {
            var problem = await loser.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(problem.GetProperty("code").GetString(), new[] { "concurrent_update", "task_not_active" });
        }
        var history = await _client.HistoryAsync(instance.Id);
        Assert.Single(history, h => h.Type == "TaskCompleted");
        Assert.Single(history, h => h.Type == "TaskCreated" && h.ElementId == "decide");
        Assert.Equal("decide", (await _client.OpenTaskAsync(instance.Id)).ElementId);
    }
}
