using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Jobs;

/// <summary>Workers outside the service lock jobs of a type and report back, as with Zeebe's job workers.</summary>
public sealed class ExternalWorkerTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>A process of the test's own whose service task has a job type of its own, so tests do not take each other's jobs.</summary>
    private async Task<(Guid InstanceId, string Type)> StartAsync(string name, object? variables = null)
    {
        var type = $"worker-{name}";
        var xml = TestApi.Fixture("worker").Replace("id=\"worker\"", $"id=\"{name}\"", StringComparison.Ordinal)
            .Replace("worker-type", type, StringComparison.Ordinal);
        await (await _client.DeployXmlAsync(xml)).ReadAsync<CaseFlow.Engine.Definitions.DeploymentDto>(HttpStatusCode.Created);
        var instance = await _client.StartAsync(name, variables);
        return (instance.Id, type);
    }

    private async Task<List<ActivatedJobDto>> ActivateAsync(string type, int maxJobs = 10, long lockDuration = 60_000, string worker = "bank-adapter") =>
        [.. (await (await _client.PostJsonAsync("/api/jobs/activate", new { type, worker, maxJobs, lockDuration })).ReadAsync<ActivatedJobsDto>()).Jobs];

    [Fact]
    public async Task Activating_locks_the_job_with_its_variables_headers_and_deadline()
    {
        var (instanceId, type) = await StartAsync("activate", new { amount = 8000, applicant = "Wang Fang" });

        var job = Assert.Single(await ActivateAsync(type, lockDuration: 30_000));

        Assert.Equal((type, instanceId, "work", 3), (job.Type, job.InstanceId, job.ElementId, job.Retries));
        Assert.Equal(8000m, job.Variables["amount"]);
        Assert.Equal("Wang Fang", job.Variables["applicant"]);
        Assert.Equal("tests", job.Headers["purpose"]);
        Assert.Equal("bank-adapter", job.Worker);
        Assert.InRange(job.Deadline, DateTimeOffset.UtcNow.AddSeconds(20), DateTimeOffset.UtcNow.AddSeconds(31));
    }

    [Fact]
    public async Task A_locked_job_is_not_activated_again()
    {
        var (_, type) = await StartAsync("locked");
        Assert.Single(await ActivateAsync(type));

        Assert.Empty(await ActivateAsync(type, worker: "another-node"));
    }

    [Fact]
    public async Task A_job_whose_lock_expired_can_be_activated_again()
    {
        var (_, type) = await StartAsync("expiring");
        var first = Assert.Single(await ActivateAsync(type, lockDuration: 150));

        await Task.Delay(300);
        var again = Assert.Single(await ActivateAsync(type, worker: "second-worker"));

        Assert.Equal(first.Key, again.Key);
        Assert.Equal("second-worker", again.Worker);
    }

    [Fact]
    public async Task Activating_takes_at_most_maxJobs()
    {
        var (_, type) = await StartAsync("several");
        for (var i = 0; i < 2; i++) await _client.StartAsync("several");

        Assert.Equal(2, (await ActivateAsync(type, maxJobs: 2)).Count);
        Assert.Single(await ActivateAsync(type, maxJobs: 2));
    }

    [Fact]
    public async Task Completing_a_job_sets_its_variables_and_moves_the_instance_on()
    {
        var (instanceId, type) = await StartAsync("complete");
        var job = Assert.Single(await ActivateAsync(type));

        var completed = await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/complete", new { variables = new { paid = true } })).ReadAsync<JobDto>();

        Assert.Equal("Completed", completed.State);
        var instance = await _client.InstanceAsync(instanceId);
        Assert.Equal(("Completed", true), (instance.Status, instance.Variables["paid"]));
    }

    [Fact]
    public async Task Completing_a_job_twice_returns_409_job_not_active()
    {
        var (instanceId, type) = await StartAsync("twice");
        var job = Assert.Single(await ActivateAsync(type));
        await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/complete", new { })).ReadAsync<JobDto>();
        var history = (await _client.HistoryAsync(instanceId)).Count;

        var again = await _client.PostJsonAsync($"/api/jobs/{job.Key}/complete", new { variables = new { paid = false } });

        await again.ProblemAsync(HttpStatusCode.Conflict, "job_not_active");
        Assert.Equal(history, (await _client.HistoryAsync(instanceId)).Count);
    }

    [Fact]
    public async Task A_retried_completion_with_the_same_idempotency_key_replays_the_first_answer()
    {
        var (_, type) = await StartAsync("replay");
        var job = Assert.Single(await ActivateAsync(type));
        var key = Guid.NewGuid().ToString();
        var first = await _client.PostJsonAsync($"/api/jobs/{job.Key}/complete", new { }, key);

        var retried = await _client.PostJsonAsync($"/api/jobs/{job.Key}/complete", new { }, key);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.True(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Completing_an_unknown_job_returns_404()
    {
        var response = await _client.PostJsonAsync($"/api/jobs/{Guid.NewGuid()}/complete", new { });

        await response.ProblemAsync(HttpStatusCode.NotFound, "job_not_found");
    }

    [Fact]
    public async Task Failing_with_retries_left_makes_the_job_activatable_again_after_its_back_off()
    {
        var (instanceId, type) = await StartAsync("fail-retry");
        var job = Assert.Single(await ActivateAsync(type));

        var before = DateTimeOffset.UtcNow;
        var failed = await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/fail",
            new { retries = 2, errorMessage = "The bank is closed.", retryBackOff = 3000 })).ReadAsync<JobDto>();

        Assert.Equal(("Activatable", 2, "The bank is closed."), (failed.State, failed.Retries, failed.ErrorMessage));
        Assert.Empty(await ActivateAsync(type));
        await _client.GetAsync<JobDto>($"/api/jobs/{job.Key}", j => j.NextAttemptAt <= DateTimeOffset.UtcNow, "back-off over");
        Assert.Equal(2, Assert.Single(await ActivateAsync(type)).Retries);
        Assert.True(DateTimeOffset.UtcNow - before >= TimeSpan.FromSeconds(3));
        Assert.Single(await _client.HistoryAsync(instanceId), h => h.Type == "JobFailed");
    }

    [Fact]
    public async Task Failing_with_no_retries_left_raises_an_incident_with_the_workers_message()
    {
        var (instanceId, type) = await StartAsync("fail-out");
        var job = Assert.Single(await ActivateAsync(type));

        var failed = await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/fail", new { retries = 0, errorMessage = "Account closed." })).ReadAsync<JobDto>();

        Assert.Equal("Failed", failed.State);
        var incident = Assert.Single((await _client.IncidentsAsync($"instanceId={instanceId}")).Items);
        Assert.Equal(("job_failed", "work"), (incident.Kind, incident.ElementId));
        Assert.Contains("Account closed.", incident.Message);
        Assert.Empty(await ActivateAsync(type));
    }

    [Fact]
    public async Task A_retried_incident_gives_the_job_back_to_workers_with_the_retries_asked_for()
    {
        var (instanceId, type) = await StartAsync("retry-incident");
        var job = Assert.Single(await ActivateAsync(type));
        await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/fail", new { retries = 0, errorMessage = "Account closed." })).ReadAsync<JobDto>();
        var incident = Assert.Single((await _client.IncidentsAsync($"instanceId={instanceId}")).Items);

        await (await _client.PostJsonAsync($"/api/incidents/{incident.Id}/retry", new { retries = 2 })).ReadAsync<IncidentDto>();

        var again = Assert.Single(await ActivateAsync(type));
        Assert.Equal((job.Key, 2), (again.Key, again.Retries));
    }

    [Fact]
    public async Task Resolving_a_job_incident_completes_the_job_by_hand_with_the_given_variables()
    {
        var (instanceId, type) = await StartAsync("by-hand");
        var job = Assert.Single(await ActivateAsync(type));
        await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/fail", new { retries = 0, errorMessage = "Account closed." })).ReadAsync<JobDto>();
        var incident = Assert.Single((await _client.IncidentsAsync($"instanceId={instanceId}")).Items);

        var resolved = await (await _client.PostJsonAsync($"/api/incidents/{incident.Id}/resolve",
            new { variables = new { paidInCash = true } })).ReadAsync<IncidentDto>();

        Assert.Equal(("Resolved", _client.UserName(), "completed_by_hand"), (resolved.State, resolved.ResolvedBy, resolved.Resolution));
        var instance = await _client.InstanceAsync(instanceId);
        Assert.Equal(("Completed", true), (instance.Status, instance.Variables["paidInCash"]));
        await (await _client.PostJsonAsync($"/api/incidents/{incident.Id}/retry", new { })).ProblemAsync(HttpStatusCode.Conflict, "incident_not_active");
    }

    [Fact]
    public async Task Cancelling_the_instance_closes_its_job()
    {
        var (instanceId, type) = await StartAsync("cancelled");
        var job = Assert.Single(await ActivateAsync(type));

        await (await _client.PostJsonAsync($"/api/instances/{instanceId}/cancel", new { })).ReadAsync<CaseFlow.Engine.Instances.InstanceDto>();

        var closed = await (await _client.GetAsync($"/api/jobs/{job.Key}")).ReadAsync<JobDto>();
        Assert.Equal("Cancelled", closed.State);
        await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/complete", new { })).ProblemAsync(HttpStatusCode.Conflict, "job_not_active");
    }

    [Theory]
    [InlineData("{\"worker\":\"w\"}", "type")]
    [InlineData("{\"type\":\"t\"}", "worker")]
    [InlineData("{\"type\":\"t\",\"worker\":\"w\",\"maxJobs\":0}", "maxJobs")]
    [InlineData("{\"type\":\"t\",\"worker\":\"w\",\"maxJobs\":1000}", "maxJobs")]
    [InlineData("{\"type\":\"t\",\"worker\":\"w\",\"lockDuration\":0}", "lockDuration")]
    [InlineData("{\"type\":\"t\",\"worker\":\"w\",\"lockDuration\":-5}", "lockDuration")]
    public async Task Activation_with_a_missing_or_out_of_range_field_returns_422_naming_it(string body, string field)
    {
        var response = await _client.PostAsync("/api/jobs/activate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Failing_with_negative_retries_returns_422_and_changes_nothing()
    {
        var (_, type) = await StartAsync("negative");
        var job = Assert.Single(await ActivateAsync(type));

        var problem = await (await _client.PostJsonAsync($"/api/jobs/{job.Key}/fail", new { retries = -1 })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_field");

        Assert.Equal("retries", problem.GetProperty("field").GetString());
        Assert.Equal("Activated", (await (await _client.GetAsync($"/api/jobs/{job.Key}")).ReadAsync<JobDto>()).State);
    }
}
