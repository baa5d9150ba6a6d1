using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Cases;

public sealed class CaseInstancesTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Instances_filtered_by_case_are_the_instances_of_that_case_only()
    {
        await app.DeployMediationAsync();
        var unit = await app.UnitAsync();
        var mediation = await _client.OpenAsync(unit.Id, family: "Mediation");
        await _client.OpenAsync(unit.Id, family: "Mediation");

        var page = await (await _client.GetAsync($"/api/instances?caseId={mediation.Id}")).ReadAsync<PageDto<InstanceSummaryDto>>();

        var instance = Assert.Single(page.Items);
        Assert.Equal((CasesApp.MediationProcess, mediation.Id), (instance.ProcessId, instance.CaseId));
    }
}
