using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Instances;

public sealed class CallActivityTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<(InstanceDto Parent, InstanceSummaryDto Child)> StartParent(string businessKey)
    {
        await _client.DeployAsync("child");
        await _client.DeployAsync("parent");
        var parent = await _client.StartAsync("parent", new { applicant = "Li" }, businessKey);
        var children = await (await _client.GetAsync($"/api/instances?processId=child&businessKey={businessKey}"))
            .ReadAsync<PageDto<InstanceSummaryDto>>();
        return (parent, Assert.Single(children.Items));
    }

    [Fact]
    public async Task A_call_activity_starts_the_latest_child_linked_to_its_parent()
    {
        var (parent, child) = await StartParent("call-start");

        Assert.Equal(("callChild", "CallActivity"), (Assert.Single(parent.ActiveElements).ElementId, parent.ActiveElements[0].Kind));
        Assert.Equal(parent.Id, child.ParentInstanceId);
        Assert.Equal("Active", child.Status);
        var childInstance = await _client.InstanceAsync(child.Id);
        Assert.Equal("Li", childInstance.Variables["applicant"]);
        Assert.Equal("childTask", (await _client.OpenTaskAsync(child.Id)).ElementId);
    }

    [Fact]
    public async Task Completing_the_child_resumes_the_parent_with_the_child_variables()
    {
        var (parent, child) = await StartParent("call-resume");

        (await _client.CompleteAsync((await _client.OpenTaskAsync(child.Id)).Id, new { verdict = "granted" })).EnsureSuccessStatusCode();

        Assert.Equal("Completed", (await _client.InstanceAsync(child.Id)).Status);
        var resumed = await _client.InstanceAsync(parent.Id);
        Assert.Equal("after", Assert.Single(resumed.ActiveElements).ElementId);
        Assert.Equal("granted", resumed.Variables["verdict"]);
        Assert.Equal("after", (await _client.OpenTaskAsync(parent.Id)).ElementId);
    }

    [Fact]
    public async Task Cancelling_the_parent_cancels_the_child_and_its_tasks()
    {
        var (parent, child) = await StartParent("call-cancel");
        var childTask = await _client.OpenTaskAsync(child.Id);

        (await _client.PostJsonAsync($"/api/instances/{parent.Id}/cancel", null)).EnsureSuccessStatusCode();

        Assert.Equal("Cancelled", (await _client.InstanceAsync(child.Id)).Status);
        var task = await (await _client.GetAsync($"/api/tasks/{childTask.Id}")).ReadAsync<CaseFlow.Engine.Tasks.TaskDto>();
        Assert.Equal("Cancelled", task.State);
    }

    [Fact]
    public async Task Cancelling_a_child_directly_returns_409()
    {
        var (_, child) = await StartParent("call-child-cancel");

        var response = await _client.PostJsonAsync($"/api/instances/{child.Id}/cancel", null);

        await response.ProblemAsync(HttpStatusCode.Conflict, "cancel_root_instance");
    }

    [Fact]
    public async Task Calling_an_undeployed_process_waits_with_an_incident_at_the_call_activity()
    {
        await _client.DeployAsync("calls-missing");
        var instance = await _client.StartAsync("callsMissing");
        var task = await _client.OpenTaskAsync(instance.Id);

        (await _client.CompleteAsync(task.Id)).EnsureSuccessStatusCode();

        Assert.Equal("callNowhere", Assert.Single((await _client.InstanceAsync(instance.Id)).ActiveElements).ElementId);
        var incident = Assert.Single((await (await _client.GetAsync($"/api/incidents?instanceId={instance.Id}&state=Open"))
            .ReadAsync<PageDto<IncidentDto>>()).Items);
        Assert.Equal(("called_process_not_found", "callNowhere"), (incident.Kind, incident.ElementId));
    }

    [Fact]
    public async Task Retrying_the_incident_once_the_called_process_is_deployed_starts_it()
    {
        await _client.DeployAsync("calls-missing");
        var instance = await _client.StartAsync("callsMissing");
        (await _client.CompleteAsync((await _client.OpenTaskAsync(instance.Id)).Id)).EnsureSuccessStatusCode();
        var incident = Assert.Single((await (await _client.GetAsync($"/api/incidents?instanceId={instance.Id}&state=Open"))
            .ReadAsync<PageDto<IncidentDto>>()).Items);
        await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", "notDeployed"));

        (await _client.PostJsonAsync($"/api/incidents/{incident.Id}/retry", new { })).EnsureSuccessStatusCode();

        var children = await (await _client.GetAsync("/api/instances?processId=notDeployed")).ReadAsync<PageDto<InstanceSummaryDto>>();
        Assert.Equal(instance.Id, Assert.Single(children.Items).ParentInstanceId);
    }
}
