using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Instances;

public sealed class InstanceTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Starting_an_instance_returns_201_with_its_active_task_and_variables()
    {
        await _client.DeployAsync("approval");

        var response = await _client.PostJsonAsync("/api/instances",
            new { processId = "approval", businessKey = "case-1", variables = new { amount = 12.5, applicant = new { name = "Li" } } });

        var instance = await response.ReadAsync<InstanceDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/instances/{instance.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Active", instance.Status);
        Assert.Equal(("approval", 1, "case-1"), (instance.ProcessId, instance.Version, instance.BusinessKey));
        var active = Assert.Single(instance.ActiveElements);
        Assert.Equal(("review", "UserTask"), (active.ElementId, active.Kind));
        Assert.Equal(12.5m, instance.Variables["amount"]);
        Assert.Equal("Li", ((IReadOnlyDictionary<string, object?>)instance.Variables["applicant"]!)["name"]);
    }

    [Fact]
    public async Task An_instance_is_read_back_as_it_was_started()
    {
        await _client.DeployAsync("approval");
        var started = await _client.StartAsync("approval", new { amount = 3 });

        var read = await _client.InstanceAsync(started.Id);

        Assert.Equal(started.Status, read.Status);
        Assert.Equal(started.ActiveElements, read.ActiveElements);
        Assert.Equal(3m, read.Variables["amount"]);
    }

    [Fact]
    public async Task Completing_the_last_task_completes_the_instance()
    {
        await _client.DeployAsync("approval");
        var instance = await _client.StartAsync("approval");

        (await _client.CompleteAsync((await _client.OpenTaskAsync(instance.Id)).Id, user: "ann")).EnsureSuccessStatusCode();
        (await _client.CompleteAsync((await _client.OpenTaskAsync(instance.Id)).Id, new { approved = true }, "bob")).EnsureSuccessStatusCode();

        var done = await _client.InstanceAsync(instance.Id);
        Assert.Equal("Completed", done.Status);
        Assert.Empty(done.ActiveElements);
        Assert.NotNull(done.EndedAt);
        Assert.Equal(true, done.Variables["approved"]);
        Assert.Empty((await _client.TasksAsync($"instanceId={instance.Id}&state=Created")).Items);
    }

    [Fact]
    public async Task Starting_a_specific_version_runs_that_version()
    {
        var xml = TestApi.Renamed("approval", "approval", "pinned");
        await _client.DeployXmlAsync(xml);
        await _client.DeployXmlAsync(xml.Replace("Decide", "Decide v2"));

        var latest = await _client.StartAsync("pinned");
        var first = await (await _client.PostJsonAsync("/api/instances", new { processId = "pinned", version = 1 }))
            .ReadAsync<InstanceDto>(HttpStatusCode.Created);

        Assert.Equal((2, 1), (latest.Version, first.Version));
    }

    [Fact]
    public async Task Starting_an_unknown_process_returns_404()
    {
        var response = await _client.PostJsonAsync("/api/instances", new { processId = "nothingHere" });

        await response.ProblemAsync(HttpStatusCode.NotFound, "definition_not_found");
    }

    [Fact]
    public async Task Starting_without_a_process_id_returns_422_naming_the_field()
    {
        var problem = await (await _client.PostJsonAsync("/api/instances", new { variables = new { } }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "field_required");

        Assert.Equal("processId", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_instance_list_filters_by_process_status_and_business_key()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "listed"));
        var open = await _client.StartAsync("listed", businessKey: "list-a");
        var done = await _client.StartAsync("listed", businessKey: "list-b");
        (await _client.CompleteAsync((await _client.OpenTaskAsync(done.Id)).Id)).EnsureSuccessStatusCode();

        var active = await Page("processId=listed&status=active");
        var completed = await Page("processId=listed&status=Completed");
        var byKey = await Page("businessKey=list-b");

        Assert.Equal([open.Id], active.Items.Select(i => i.Id));
        Assert.Equal([done.Id], completed.Items.Select(i => i.Id));
        Assert.Equal([done.Id], byKey.Items.Select(i => i.Id));
        Assert.Equal(1, active.Total);
    }

    [Fact]
    public async Task The_instance_list_pages()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "paged"));
        for (var i = 0; i < 5; i++) await _client.StartAsync("paged");

        var second = await Page("processId=paged&page=2&pageSize=2");

        Assert.Equal((5, 2, 2), (second.Total, second.Page, second.Items.Count));
    }

    [Fact]
    public async Task Cancelling_an_instance_cancels_its_open_tasks()
    {
        await _client.DeployAsync("approval");
        var instance = await _client.StartAsync("approval");
        var task = await _client.OpenTaskAsync(instance.Id);

        var cancelled = await (await _client.PostJsonAsync($"/api/instances/{instance.Id}/cancel", new { reason = "withdrawn" }))
            .ReadAsync<InstanceDto>();

        Assert.Equal("Cancelled", cancelled.Status);
        var after = await (await _client.GetAsync($"/api/tasks/{task.Id}")).ReadAsync<CaseFlow.Engine.Tasks.TaskDto>();
        Assert.Equal("Cancelled", after.State);
    }

    [Fact]
    public async Task Cancelling_an_ended_instance_returns_409()
    {
        await _client.DeployAsync("approval");
        var instance = await _client.StartAsync("approval");
        (await _client.PostJsonAsync($"/api/instances/{instance.Id}/cancel", null)).EnsureSuccessStatusCode();

        var again = await _client.PostJsonAsync($"/api/instances/{instance.Id}/cancel", null);

        await again.ProblemAsync(HttpStatusCode.Conflict, "instance_not_active");
    }

    [Fact]
    public async Task An_unknown_instance_returns_404()
    {
        await (await _client.GetAsync($"/api/instances/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "instance_not_found");
        await (await _client.GetAsync($"/api/instances/{Guid.NewGuid()}/history")).ProblemAsync(HttpStatusCode.NotFound, "instance_not_found");
        await (await _client.PostJsonAsync($"/api/instances/{Guid.NewGuid()}/cancel", null)).ProblemAsync(HttpStatusCode.NotFound, "instance_not_found");
    }

    private async Task<PageDto<InstanceSummaryDto>> Page(string query) =>
        await (await _client.GetAsync($"/api/instances?{query}")).ReadAsync<PageDto<InstanceSummaryDto>>();
}
