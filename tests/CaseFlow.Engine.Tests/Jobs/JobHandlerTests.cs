using System.Net;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Jobs;

public sealed class JobHandlerTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_registered_handler_completes_its_job_within_the_same_request()
    {
        await _client.DeployAsync("payment");

        var instance = await _client.StartAsync("payment");

        Assert.Equal("confirm", Assert.Single(instance.ActiveElements).ElementId);
        Assert.Equal("paid-pay", instance.Variables["receipt"]);
        var history = await _client.HistoryAsync(instance.Id);
        Assert.Single(history, h => h.Type == "JobCompleted" && h.ElementId == "pay");
    }

    [Fact]
    public async Task A_job_without_a_handler_waits()
    {
        await _client.DeployAsync("waiting-job");

        var instance = await _client.StartAsync("waitingJob");

        Assert.Equal("Active", instance.Status);
        var waiting = Assert.Single(instance.ActiveElements);
        Assert.Equal(("work", "ServiceTask"), (waiting.ElementId, waiting.Kind));
    }

    [Fact]
    public async Task A_failing_job_handler_returns_422_and_writes_nothing()
    {
        await _client.DeployAsync("exploding");
        var instance = await _client.StartAsync("exploding");
        var task = await _client.OpenTaskAsync(instance.Id);
        var historyBefore = await _client.HistoryAsync(instance.Id);

        var response = await _client.CompleteAsync(task.Id, new { decided = "yes" }, "ann", Guid.NewGuid().ToString());

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "job_failed");
        Assert.Equal("boom", problem.GetProperty("elementId").GetString());
        Assert.Contains("The payment provider is down.", problem.GetProperty("detail").GetString());
        var after = await _client.InstanceAsync(instance.Id);
        Assert.Equal("review", Assert.Single(after.ActiveElements).ElementId);
        Assert.False(after.Variables.ContainsKey("decided"));
        Assert.Equal(historyBefore.Count, (await _client.HistoryAsync(instance.Id)).Count);
        Assert.Equal("Created", (await _client.OpenTaskAsync(instance.Id)).State);
    }
}
