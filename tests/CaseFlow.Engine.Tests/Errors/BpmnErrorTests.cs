using System.Net;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Errors;

/// <summary>BPMN errors thrown by job handlers, external workers and called processes, caught by boundary error events.</summary>
public sealed class BpmnErrorTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public async Task InitializeAsync() => await _client.DeployAsync("errors");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_handler_that_throws_a_bpmn_error_takes_the_boundary_error_path()
    {
        var instance = await _client.StartAsync("eligibility");

        var settled = await _client.WaitingAtAsync(instance.Id, "informApplicant");

        Assert.Equal("income", settled.Variables["reason"]);
        Assert.Empty((await _client.IncidentsAsync($"instanceId={instance.Id}")).Items);
    }

    [Fact]
    public async Task A_worker_that_throws_a_bpmn_error_takes_the_catch_all_boundary_path()
    {
        var instance = await _client.StartAsync("externalCheck");
        var job = Assert.Single((await (await _client.PostJsonAsync("/api/jobs/activate",
            new { type = "verify-external", worker = "w", maxJobs = 1 })).ReadAsync<ActivatedJobsDto>()).Jobs);

        var thrown = await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/error",
            new { errorCode = "DOCUMENTS_FORGED", errorMessage = "The seal does not match.", variables = new { forged = true } })).ReadAsync<JobDto>();

        Assert.Equal("ErrorThrown", thrown.State);
        var after = await _client.InstanceAsync(instance.Id);
        Assert.Equal(("handleError", true), (Assert.Single(after.ActiveElements).ElementId, after.Variables["forged"]));
        await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/complete", new { })).ProblemAsync(HttpStatusCode.Conflict, "job_not_active");
    }

    [Fact]
    public async Task An_error_end_event_in_a_called_process_is_caught_at_the_call_activity()
    {
        var instance = await _client.StartAsync("paymentCaller");

        Assert.Equal("findFunds", Assert.Single(instance.ActiveElements).ElementId);
        var children = await (await _client.GetAsync("/api/instances?processId=noFundsPayment&pageSize=500"))
            .ReadAsync<CaseFlow.Engine.Api.PageDto<CaseFlow.Engine.Instances.InstanceSummaryDto>>();
        Assert.Equal("Cancelled", Assert.Single(children.Items, c => c.ParentInstanceId == instance.Id).Status);
    }

    [Fact]
    public async Task Throwing_an_error_without_a_code_returns_422()
    {
        var response = await _client.PostJsonAsync($"/api/jobs/{Guid.NewGuid()}/error", new { errorMessage = "no code" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "field_required");
        Assert.Equal("errorCode", problem.GetProperty("field").GetString());
    }
}
