using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Engine.Tests.Jobs;

/// <summary>The service with a dispatcher that would poll only once an hour: only the commit signal can wake it.</summary>
public sealed class SlowPollingApp : CaseFlowApp
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Jobs:PollInterval", "01:00:00");
}

public sealed class JobSignalTests(SlowPollingApp app) : IClassFixture<SlowPollingApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_committed_job_wakes_the_dispatcher_without_waiting_for_its_poll()
    {
        await _client.DeployAsync("payment");
        // Let the dispatcher's first round pass, so it sleeps on its hour-long poll.
        await Task.Delay(300);

        var instance = await _client.StartAsync("payment");

        Assert.Equal("paid-pay", (await _client.WaitingAtAsync(instance.Id, "confirm")).Variables["receipt"]);
    }

    [Fact]
    public async Task A_job_committed_by_the_idempotency_middleware_wakes_the_dispatcher_too()
    {
        await _client.DeployAsync("payment");
        await Task.Delay(300);

        var response = await _client.PostJsonAsync("/api/instances", new { processId = "payment" }, key: Guid.NewGuid().ToString());
        var instance = await response.ReadAsync<CaseFlow.Engine.Instances.InstanceDto>(System.Net.HttpStatusCode.Created);

        await _client.WaitingAtAsync(instance.Id, "confirm");
    }
}

public sealed class JobSettingsTests
{
    private sealed class EmptyBatchApp : CaseFlowApp
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Jobs:BatchSize", "0");
    }

    [Fact]
    public async Task A_batch_size_of_zero_stops_the_start_up_with_the_setting_named()
    {
        var app = new EmptyBatchApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

            Assert.Contains("Jobs:BatchSize", error.ToString());
        }
        finally
        {
            // Drops the test database as well as the host.
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
