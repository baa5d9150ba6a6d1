using System.Net;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Definitions;

/// <summary>Instances per version and active tokens per element, for the designer's comparison and live view.</summary>
public sealed class StatisticsTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private static string NewId() => "stats" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> DeploySingleAsync()
    {
        var id = NewId();
        await (await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", id))).ReadAsync<DeploymentDto>(HttpStatusCode.Created);
        return id;
    }

    private async Task<InstanceDto> StartAsync(string processId, Guid? unitId = null) =>
        await (await _client.PostJsonAsync("/api/instances", new { processId, unitId })).ReadAsync<InstanceDto>(HttpStatusCode.Created);

    [Fact]
    public async Task Each_version_counts_its_instances_by_status_and_a_version_without_any_has_zeros()
    {
        var id = await DeploySingleAsync();
        var done = await StartAsync(id);
        await StartAsync(id);
        var cancelled = await StartAsync(id);
        (await _client.CompleteAsync((await _client.OpenTaskAsync(done.Id)).Id)).EnsureSuccessStatusCode();
        (await _client.PostJsonAsync($"/api/instances/{cancelled.Id}/cancel", new { reason = "test" })).EnsureSuccessStatusCode();
        var second = TestApi.Renamed("single-task", "single", id).Replace("Do it", "Do it again", StringComparison.Ordinal);
        var v2 = await (await _client.DeployXmlAsync(second)).ReadAsync<DeploymentDto>(HttpStatusCode.Created);

        var statistics = await (await _client.GetAsync($"/api/definitions/{id}/statistics")).ReadAsync<List<VersionStatisticsDto>>();

        Assert.Equal([new VersionStatisticsDto(2, v2.Id, 0, 0, 0, 0), new VersionStatisticsDto(1, done.DefinitionId, 1, 1, 1, 0)], statistics);
    }

    [Fact]
    public async Task A_version_counts_active_tokens_per_element_over_its_active_instances()
    {
        var id = await DeploySingleAsync();
        await StartAsync(id);
        await StartAsync(id);
        var done = await StartAsync(id);
        (await _client.CompleteAsync((await _client.OpenTaskAsync(done.Id)).Id)).EnsureSuccessStatusCode();

        var statistics = await (await _client.GetAsync($"/api/definitions/{id}/versions/1/statistics")).ReadAsync<VersionElementStatisticsDto>();

        Assert.Equal((1, 2, 1, 0), (statistics.Version, statistics.Active, statistics.Completed, statistics.Cancelled));
        Assert.Equal([new ElementStatisticsDto("task", 2, 0)], statistics.Elements);
    }

    [Fact]
    public async Task Open_incidents_are_counted_per_version_and_at_their_element()
    {
        var id = NewId();
        await (await _client.DeployXmlAsync(TestApi.Renamed("routing", "routing", id))).ReadAsync<DeploymentDto>(HttpStatusCode.Created);
        // `large` is text, not a boolean: the gateway stops with an incident (see IncidentTests).
        await (await _client.PostJsonAsync("/api/instances", new { processId = id, variables = new { large = "yes" } })).ReadAsync<InstanceDto>(HttpStatusCode.Created);

        var versions = await (await _client.GetAsync($"/api/definitions/{id}/statistics")).ReadAsync<List<VersionStatisticsDto>>();
        var elements = await (await _client.GetAsync($"/api/definitions/{id}/versions/1/statistics")).ReadAsync<VersionElementStatisticsDto>();

        Assert.Equal((1, 1), (Assert.Single(versions).Active, versions[0].Incidents));
        Assert.Equal(1, Assert.Single(elements.Elements, e => e.ElementId == "large").Incidents);
    }

    [Fact]
    public async Task A_town_supervisor_counts_only_the_instances_of_their_town()
    {
        var units = await app.UnitsAsync();
        var id = await DeploySingleAsync();
        await StartAsync(id, units.TownA);
        await StartAsync(id, units.UnionA1);
        await StartAsync(id, units.TownB);
        var supervisor = await app.ClientAsAsync(units.TownA, Roles.Supervisor);

        var versions = await (await supervisor.GetAsync($"/api/definitions/{id}/statistics")).ReadAsync<List<VersionStatisticsDto>>();
        var elements = await (await supervisor.GetAsync($"/api/definitions/{id}/versions/1/statistics")).ReadAsync<VersionElementStatisticsDto>();

        Assert.Equal(2, Assert.Single(versions).Active);
        Assert.Equal([new ElementStatisticsDto("task", 2, 0)], elements.Elements);
    }

    [Fact]
    public async Task Statistics_of_a_process_never_deployed_return_404()
    {
        var response = await _client.GetAsync($"/api/definitions/{NewId()}/statistics");

        await response.ProblemAsync(HttpStatusCode.NotFound, "definition_not_found");
    }

    [Fact]
    public async Task Statistics_of_a_version_never_deployed_return_404()
    {
        var id = await DeploySingleAsync();

        var response = await _client.GetAsync($"/api/definitions/{id}/versions/2/statistics");

        await response.ProblemAsync(HttpStatusCode.NotFound, "definition_not_found");
    }
}
