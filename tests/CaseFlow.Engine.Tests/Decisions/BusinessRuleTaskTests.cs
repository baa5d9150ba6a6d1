using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Decisions;

public sealed class BusinessRuleTaskTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<InstanceDto> StartAidCaseAsync(decimal size, decimal income)
    {
        await _client.DeployFileAsync("aid.dmn");
        await _client.DeployFileAsync("aid-case.bpmn");
        return await _client.StartAsync("aid-case", new { household = new { size }, income });
    }

    [Fact]
    public async Task Starting_an_instance_evaluates_the_table_into_the_result_variable()
    {
        var instance = await StartAidCaseAsync(4, 18000);

        Assert.Equal("full", instance.Variables["aid"]?.ToString());
    }

    [Theory]
    [InlineData(4, 18000, "Pay_Full")]
    [InlineData(2, 18000, "Reject")]
    [InlineData(4, 45000, "Reject")]
    public async Task The_result_variable_drives_the_exclusive_gateway(int size, int income, string task)
    {
        var instance = await StartAidCaseAsync(size, income);

        Assert.Equal(task, (await _client.OpenTaskAsync(instance.Id)).ElementId);
    }

    [Fact]
    public async Task The_history_shows_the_matched_rule()
    {
        var instance = await StartAidCaseAsync(4, 45000);

        var evaluated = Assert.Single(await _client.HistoryAsync(instance.Id), h => h.Type == "DecisionEvaluated");
        Assert.Equal("Decide_Aid", evaluated.ElementId);
        Assert.Equal("aidLevel: aidLevel rule 3 (Rule_None) \"income above the limit\"", evaluated.Detail);
        Assert.Equal("\"none\"", evaluated.NewValue?.GetRawText());
    }

    [Fact]
    public async Task A_decision_that_is_not_deployed_leaves_the_task_waiting_with_an_incident()
    {
        await _client.DeployFileAsync("decides-missing.bpmn");

        var instance = await _client.StartAsync("decides-missing", new { income = 1 });

        Assert.Equal("Decide_Aid", Assert.Single(instance.ActiveElements).ElementId);
        var incidents = await (await _client.GetAsync($"/api/incidents?instanceId={instance.Id}&state=Open")).ReadAsync<PageDto<IncidentDto>>();
        Assert.Equal(("called_decision_not_found", "Decide_Aid"), (Assert.Single(incidents.Items).Kind, incidents.Items[0].ElementId));
    }

    [Fact]
    public async Task A_business_rule_task_terminated_in_the_same_command_is_not_evaluated()
    {
        await _client.DeployFileAsync("decide-or-terminate.bpmn");

        var instance = await _client.StartAsync("decide-or-terminate");

        Assert.Equal("Completed", instance.Status);
        Assert.DoesNotContain(await _client.HistoryAsync(instance.Id), h => h.Type == "DecisionEvaluated");
    }
}
