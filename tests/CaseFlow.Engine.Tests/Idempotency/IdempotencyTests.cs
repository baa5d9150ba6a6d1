using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Idempotency;

public sealed class IdempotencyTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Retrying_a_completion_with_the_same_key_returns_the_same_response_and_changes_nothing()
    {
        await _client.DeployAsync("approval");
        var instance = await _client.StartAsync("approval");
        var task = await _client.OpenTaskAsync(instance.Id);
        var key = Guid.NewGuid().ToString();

        var first = await _client.CompleteAsync(task.Id, new { approved = true }, "ann", key);
        var historyAfterFirst = await _client.HistoryAsync(instance.Id);
        var retry = await _client.CompleteAsync(task.Id, new { approved = true }, "ann", key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(first.StatusCode, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(historyAfterFirst.Count, (await _client.HistoryAsync(instance.Id)).Count);
    }

    [Fact]
    public async Task Retrying_a_start_with_the_same_key_creates_one_instance()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "startedOnce"));
        var key = Guid.NewGuid().ToString();
        var body = new { processId = "startedOnce", businessKey = "once" };

        var first = await (await _client.PostJsonAsync("/api/instances", body, key)).ReadAsync<InstanceDto>(HttpStatusCode.Created);
        var retry = await (await _client.PostJsonAsync("/api/instances", body, key)).ReadAsync<InstanceDto>(HttpStatusCode.Created);

        Assert.Equal(first.Id, retry.Id);
        var instances = await (await _client.GetAsync("/api/instances?processId=startedOnce")).ReadAsync<PageDto<InstanceSummaryDto>>();
        Assert.Equal(1, instances.Total);
    }

    [Fact]
    public async Task Reusing_a_key_with_a_different_body_returns_422_and_changes_nothing()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "reused"));
        var key = Guid.NewGuid().ToString();
        (await _client.PostJsonAsync("/api/instances", new { processId = "reused", businessKey = "a" }, key)).EnsureSuccessStatusCode();

        var reused = await _client.PostJsonAsync("/api/instances", new { processId = "reused", businessKey = "b" }, key);

        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        var instances = await (await _client.GetAsync("/api/instances?processId=reused")).ReadAsync<PageDto<InstanceSummaryDto>>();
        Assert.Equal(1, instances.Total);
    }

    [Fact]
    public async Task A_failed_request_is_not_remembered_so_a_retry_runs_again()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { processId = "deployedLater" };
        await (await _client.PostJsonAsync("/api/instances", body, key)).ProblemAsync(HttpStatusCode.NotFound);
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "deployedLater"));

        var retry = await _client.PostJsonAsync("/api/instances", body, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_execute_once()
    {
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "concurrentKey"));
        var key = Guid.NewGuid().ToString();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, 6).Select(async _ =>
        {
            await gate.Task;
            return await _client.PostJsonAsync("/api/instances", new { processId = "concurrentKey" }, key);
        }).ToList();

        gate.SetResult();
        var responses = await Task.WhenAll(racing);

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        foreach (var other in responses.Except(created)) await other.ProblemAsync(HttpStatusCode.Conflict, "request_in_progress");
        var instances = await (await _client.GetAsync("/api/instances?processId=concurrentKey")).ReadAsync<PageDto<InstanceSummaryDto>>();
        Assert.Equal(1, instances.Total);
    }

    [Fact]
    public async Task An_overlong_key_returns_400()
    {
        var response = await _client.PostJsonAsync("/api/instances", new { processId = "x" }, new string('k', 500));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_idempotency_key");
    }
}
