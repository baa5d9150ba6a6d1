using System.Net;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Incidents;

/// <summary>The operators' incident list, and incidents that are not about jobs (a gateway condition that is not a boolean).</summary>
public sealed class IncidentTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public async Task InitializeAsync() => await _client.DeployAsync("routing");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary><c>large</c> is text, not a boolean: the gateway stops with an incident.</summary>
    private async Task<(InstanceDto Instance, IncidentDto Incident)> StuckAsync()
    {
        var instance = await _client.StartAsync("routing", new { large = "yes" });
        return (instance, Assert.Single((await _client.IncidentsAsync($"instanceId={instance.Id}")).Items));
    }

    [Fact]
    public async Task A_condition_that_is_not_a_boolean_raises_an_incident_at_the_gateway()
    {
        var (instance, incident) = await StuckAsync();

        Assert.Equal(("condition_not_boolean", "large", "Open", "routing"), (incident.Kind, incident.ElementId, incident.State, incident.ProcessId));
        Assert.Equal(instance.Id, incident.InstanceId);
        Assert.Equal(incident, await (await _client.GetAsync($"/api/incidents/{incident.Id}")).ReadAsync<IncidentDto>());
    }

    [Fact]
    public async Task Fixing_the_variable_in_the_process_scope_and_retrying_takes_the_flow()
    {
        var (instance, incident) = await StuckAsync();

        var changed = await (await _client.PostJsonAsync($"/api/instances/{instance.Id}/variables", new { variables = new { large = true } })).ReadAsync<InstanceDto>();
        Assert.Equal(true, changed.Variables["large"]);
        await (await _client.PostJsonAsync($"/api/incidents/{incident.Id}/retry", null)).ReadAsync<IncidentDto>();

        Assert.Equal("county", Assert.Single((await _client.InstanceAsync(instance.Id)).ActiveElements).ElementId);
        Assert.Contains(await _client.HistoryAsync(instance.Id), h => h.Type == "VariableUpdated" && h.Variable == "large");
    }

    [Fact]
    public async Task Resolving_an_incident_that_is_not_about_a_job_returns_409_and_leaves_it_open()
    {
        var (_, incident) = await StuckAsync();

        var response = await _client.PostJsonAsync($"/api/incidents/{incident.Id}/resolve", new { });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "incident_not_resolvable");
        Assert.Equal("large", problem.GetProperty("elementId").GetString());
        Assert.Equal("Open", (await (await _client.GetAsync($"/api/incidents/{incident.Id}")).ReadAsync<IncidentDto>()).State);
    }

    [Fact]
    public async Task Cancelling_the_instance_resolves_its_incidents()
    {
        var (instance, incident) = await StuckAsync();

        await (await _client.PostJsonAsync($"/api/instances/{instance.Id}/cancel", new { })).ReadAsync<InstanceDto>();

        var after = await (await _client.GetAsync($"/api/incidents/{incident.Id}")).ReadAsync<IncidentDto>();
        Assert.Equal(("Resolved", "element_ended"), (after.State, after.Resolution));
    }

    [Fact]
    public async Task The_list_filters_by_instance_process_and_state_newest_first()
    {
        var (_, first) = await StuckAsync();
        var (second, _) = await StuckAsync();

        var open = await _client.IncidentsAsync("processId=routing&state=open&pageSize=500");
        var ofSecond = await _client.IncidentsAsync($"instanceId={second.Id}");

        Assert.All(open.Items, i => Assert.Equal(("routing", "Open"), (i.ProcessId, i.State)));
        var order = open.Items.Select(i => i.Id).ToList();
        Assert.True(order.IndexOf(open.Items.Single(i => i.InstanceId == second.Id).Id) < order.IndexOf(first.Id));
        Assert.Equal(second.Id, Assert.Single(ofSecond.Items).InstanceId);
        Assert.Empty((await _client.IncidentsAsync("processId=nothing-like-it")).Items);
    }

    [Fact]
    public async Task Retrying_an_unknown_incident_returns_404()
    {
        await (await _client.PostJsonAsync($"/api/incidents/{Guid.NewGuid()}/retry", new { })).ProblemAsync(HttpStatusCode.NotFound, "incident_not_found");
    }

    [Fact]
    public async Task Retrying_with_zero_retries_returns_422()
    {
        var (_, incident) = await StuckAsync();

        var problem = await (await _client.PostJsonAsync($"/api/incidents/{incident.Id}/retry", new { retries = 0 })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_field");

        Assert.Equal("retries", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Setting_variables_without_variables_returns_422()
    {
        var (instance, _) = await StuckAsync();

        var problem = await (await _client.PostJsonAsync($"/api/instances/{instance.Id}/variables", new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "field_required");

        Assert.Equal("variables", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Setting_variables_in_a_scope_that_is_not_active_returns_404_scope_not_found()
    {
        var (instance, _) = await StuckAsync();

        var response = await _client.PostJsonAsync($"/api/instances/{instance.Id}/variables", new { variables = new { large = true }, scopeKey = 424242 });

        await response.ProblemAsync(HttpStatusCode.NotFound, "scope_not_found");
        Assert.Equal("yes", (await _client.InstanceAsync(instance.Id)).Variables["large"]);
    }

    [Fact]
    public async Task Setting_variables_on_an_ended_instance_returns_409()
    {
        var (instance, _) = await StuckAsync();
        await (await _client.PostJsonAsync($"/api/instances/{instance.Id}/cancel", new { })).ReadAsync<InstanceDto>();

        var response = await _client.PostJsonAsync($"/api/instances/{instance.Id}/variables", new { variables = new { large = true } });

        await response.ProblemAsync(HttpStatusCode.Conflict, "instance_not_active");
    }
}
