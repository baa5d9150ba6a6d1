using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Jobs;

/// <summary>In-process handlers run by the dispatcher after the command that created the job has committed.</summary>
public sealed class JobHandlerTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_registered_handler_completes_its_job_after_the_request_that_created_it()
    {
        await _client.DeployAsync("payment");

        var instance = await _client.StartAsync("payment");

        var settled = await _client.WaitingAtAsync(instance.Id, "confirm");
        Assert.Equal("paid-pay", settled.Variables["receipt"]);
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
    public async Task A_failing_handler_does_not_fail_the_request_that_created_its_job()
    {
        await _client.DeployAsync("exploding");
        var instance = await _client.StartAsync("exploding");
        var task = await _client.OpenTaskAsync(instance.Id);

        var response = await _client.CompleteAsync(task.Id, new { decided = "yes" }, "ann");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await _client.InstanceAsync(instance.Id);
        Assert.Equal("yes", after.Variables["decided"]);
        Assert.Equal("boom", Assert.Single(after.ActiveElements).ElementId);
    }

    [Fact]
    public async Task A_handler_that_fails_twice_then_succeeds_completes_the_instance_after_back_off()
    {
        await _client.DeployAsync("flaky");

        var instance = await _client.StartAsync("flaky");

        var completed = await _client.CompletedAsync(instance.Id);
        Assert.Equal(3m, completed.Variables["attempts"]);
        var history = await _client.HistoryAsync(instance.Id);
        Assert.Equal(2, history.Count(h => h.Type == "JobFailed"));
        Assert.Single(history, h => h.Type == "JobCompleted");
        Assert.Empty((await _client.IncidentsAsync($"instanceId={instance.Id}")).Items);
    }

    [Fact]
    public async Task A_handler_that_always_fails_leaves_exactly_one_incident_with_its_error_text_and_stack()
    {
        await _client.DeployAsync("always-fails");

        var instance = await _client.StartAsync("alwaysFails");

        var incidents = await _client.GetAsync<PageDto<IncidentDto>>($"/api/incidents?instanceId={instance.Id}", p => p.Items.Count > 0, "an incident");
        var incident = Assert.Single(incidents.Items);
        Assert.Equal(("job_failed", "pay", "Open"), (incident.Kind, incident.ElementId, incident.State));
        Assert.Contains("The payment provider is down.", incident.Message);
        Assert.Contains("InvalidOperationException", incident.Details);
        Assert.Contains(nameof(FailingHandler), incident.Details);
        // Nothing retries behind the operator's back: after more than the back-off, still one incident.
        await Task.Delay(400);
        Assert.Single((await _client.IncidentsAsync($"instanceId={instance.Id}")).Items);
        var waiting = await _client.InstanceAsync(instance.Id);
        Assert.Equal(("Active", "pay"), (waiting.Status, Assert.Single(waiting.ActiveElements).ElementId));
        Assert.Equal(2, (await _client.HistoryAsync(instance.Id)).Count(h => h.Type == "JobFailed"));
    }

    [Fact]
    public async Task A_failed_job_keeps_its_error_text_and_stack_on_the_job()
    {
        await _client.DeployAsync("always-fails");
        var instance = await _client.StartAsync("alwaysFails");
        await _client.GetAsync<PageDto<IncidentDto>>($"/api/incidents?instanceId={instance.Id}", p => p.Items.Count > 0, "an incident");

        var job = await (await _client.GetAsync($"/api/jobs/{JobKey(instance.Id, "pay", await _client.InstanceAsync(instance.Id))}")).ReadAsync<JobDto>();

        Assert.Equal(("Failed", 0), (job.State, job.Retries));
        Assert.Equal("The payment provider is down.", job.ErrorMessage);
        Assert.Contains(nameof(FailingHandler), job.ErrorDetails);
    }

    [Fact]
    public async Task Fixing_a_variable_and_retrying_the_incident_completes_the_instance()
    {
        await _client.DeployAsync("transfer");
        var instance = await _client.StartAsync("transfer", new { account = "6222-0000" });
        var incident = Assert.Single((await _client.GetAsync<PageDto<IncidentDto>>(
            $"/api/incidents?instanceId={instance.Id}&state=Open", p => p.Items.Count > 0, "an incident")).Items);
        Assert.Contains("6222-0000", incident.Message);

        var fixedUp = await _client.PostJsonAsync($"/api/instances/{instance.Id}/variables", new { variables = new { account = "6222020200112233" } });
        Assert.Equal(HttpStatusCode.OK, fixedUp.StatusCode);
        var retried = await (await _client.PostJsonAsync($"/api/incidents/{incident.Id}/retry", new { retries = 1 })).ReadAsync<IncidentDto>();

        Assert.Equal(("Resolved", _client.UserName(), "retried"), (retried.State, retried.ResolvedBy, retried.Resolution));
        var completed = await _client.CompletedAsync(instance.Id);
        Assert.Equal("6222020200112233", completed.Variables["transferredTo"]);
    }

    private static Guid JobKey(Guid instanceId, string elementId, CaseFlow.Engine.Instances.InstanceDto instance) =>
        JobKeys.For(instanceId, instance.ActiveElements.Single(e => e.ElementId == elementId).Key);
}
