using System.Net;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Instances;

/// <summary>The path an instance took, as the live view highlights it.</summary>
public sealed class InstancePathTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public async Task InitializeAsync() => await _client.DeployAsync("single-task");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_waiting_instance_lists_the_elements_it_entered_and_the_flows_it_took()
    {
        var started = await _client.StartAsync("single");

        var instance = await _client.InstanceAsync(started.Id);

        Assert.Equal(["start", "task"], instance.Visited);
        Assert.Equal(["toTask"], instance.TakenFlows);
        Assert.Equal("task", Assert.Single(instance.ActiveElements).ElementId);
    }

    [Fact]
    public async Task A_completed_instance_lists_its_whole_path_in_order()
    {
        var started = await _client.StartAsync("single");
        (await _client.CompleteAsync((await _client.OpenTaskAsync(started.Id)).Id)).EnsureSuccessStatusCode();

        var instance = await _client.InstanceAsync(started.Id);

        Assert.Equal(["start", "task", "end"], instance.Visited);
        Assert.Equal(["toTask", "toEnd"], instance.TakenFlows);
        Assert.Empty(instance.ActiveElements);
    }
}
