using System.Net;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Tasks;

public sealed class TaskListTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_task_list_sorts_by_due_date_with_undated_tasks_last_then_by_creation()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("approval", "approval", "sorted"));
        var march = await _client.StartAsync("sorted", new { due = "2030-03-01T09:00:00Z" });
        var undatedFirst = await _client.StartAsync("sorted");
        var january = await _client.StartAsync("sorted", new { due = "2030-01-01T09:00:00+02:00" });
        var undatedSecond = await _client.StartAsync("sorted");

        var tasks = (await _client.TasksAsync("processId=sorted")).Items;

        Assert.Equal([january.Id, march.Id, undatedFirst.Id, undatedSecond.Id], tasks.Select(t => t.InstanceId));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 7, 0, 0, TimeSpan.Zero), tasks[0].DueDate);
    }

    [Fact]
    public async Task The_task_list_filters_by_candidate_group()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("approval", "approval", "grouped"));
        var atReview = await _client.StartAsync("grouped");
        var atDecision = await _client.StartAsync("grouped");
        (await _client.CompleteAsync((await _client.OpenTaskAsync(atDecision.Id)).Id)).EnsureSuccessStatusCode();

        var auditors = (await _client.TasksAsync("processId=grouped&candidateGroup=auditors&state=Created")).Items;
        var managers = (await _client.TasksAsync("processId=grouped&candidateGroup=managers&state=Created")).Items;

        var review = Assert.Single(auditors);
        Assert.Equal((atReview.Id, "review"), (review.InstanceId, review.ElementId));
        Assert.Equal(["auditors", "clerks"], review.CandidateGroups);
        Assert.Equal((atDecision.Id, "decide"), (Assert.Single(managers).InstanceId, Assert.Single(managers).ElementId));
    }

    [Fact]
    public async Task The_task_list_filters_by_assignee()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "assigned"));
        var mine = await _client.StartAsync("assigned");
        await _client.StartAsync("assigned");
        var task = await _client.OpenTaskAsync(mine.Id);
        (await _client.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { user = "carol" })).EnsureSuccessStatusCode();

        var carols = (await _client.TasksAsync("assignee=carol")).Items;

        Assert.Equal([task.Id], carols.Select(t => t.Id));
        Assert.Equal("carol", carols[0].Assignee);
    }

    [Fact]
    public async Task The_task_list_filters_by_state()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "stated"));
        var done = await _client.StartAsync("stated");
        var open = await _client.StartAsync("stated");
        var doneTask = await _client.OpenTaskAsync(done.Id);
        (await _client.CompleteAsync(doneTask.Id, user: "dan")).EnsureSuccessStatusCode();

        var completed = (await _client.TasksAsync("processId=stated&state=Completed")).Items;
        var created = (await _client.TasksAsync("processId=stated&state=created")).Items;

        var finished = Assert.Single(completed);
        Assert.Equal((doneTask.Id, "dan"), (finished.Id, finished.CompletedBy));
        Assert.NotNull(finished.CompletedAt);
        Assert.Equal(open.Id, Assert.Single(created).InstanceId);
    }

    [Fact]
    public async Task An_unknown_filter_value_returns_400_naming_the_parameter()
    {
        var problem = await (await _client.GetAsync("/api/tasks?state=Sleeping")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        Assert.Equal("state", problem.GetProperty("field").GetString());
        var paging = await (await _client.GetAsync("/api/tasks?pageSize=100000")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        Assert.Equal("pageSize", paging.GetProperty("field").GetString());
    }
}
