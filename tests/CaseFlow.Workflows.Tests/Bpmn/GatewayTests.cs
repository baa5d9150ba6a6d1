using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Tests.Bpmn;

/// <summary>Most of these parse FEEL conditions, so they need the FEEL parser.</summary>
public class GatewayTests
{
    [Fact]
    public void A_gateway_whose_flows_all_have_conditions_and_no_default_is_reported()
    {
        var problem = Fixture.Parse("gateway-without-default").Single(ProblemCodes.GatewayWithoutDefault);

        Assert.Equal("Gateway", problem.ElementId);
        Assert.Equal(Fixture.LineOf("gateway-without-default", "<bpmn:exclusiveGateway"), problem.Line);
        Assert.Contains("default", problem.Message);
    }

    [Fact]
    public void A_gateway_with_a_default_flow_deploys_and_knows_its_default()
    {
        var result = Fixture.Parse("gateway-with-default");

        result.AssertDeployable();
        var gateway = Assert.IsType<InclusiveGateway>(result.Processes[0].Node("Gateway"));
        Assert.Equal("Flow_Otherwise", gateway.Default?.Id);
        var condition = result.Processes[0].AllFlows["Flow_Big"].Condition;
        Assert.NotNull(condition);
        Assert.True(condition.IsFeel);
        Assert.Equal("amount > 1000", condition.Source);
    }

    [Fact]
    public void A_default_that_is_not_an_outgoing_flow_of_the_gateway_is_invalid()
    {
        var problem = Fixture.Parse("default-not-outgoing").Single(ProblemCodes.DefaultFlowInvalid);

        Assert.Equal("Gateway", problem.ElementId);
        Assert.Contains("'Flow_Elsewhere'", problem.Message);
    }

    [Fact]
    public void A_default_flow_with_a_condition_is_invalid()
    {
        var problem = Fixture.Parse("default-with-condition").Single(ProblemCodes.DefaultFlowInvalid);

        Assert.Equal("Gateway", problem.ElementId);
        Assert.Contains("'Flow_Otherwise'", problem.Message);
    }

    [Fact]
    public void A_condition_on_a_flow_leaving_a_task_is_reported_as_ignored()
    {
        var result = Fixture.Parse("condition-after-task");

        var problem = result.Single(ProblemCodes.ConditionIgnored);
        Assert.Equal("Flow_Conditional", problem.ElementId);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.False(result.IsDeployable);
    }

    [Fact]
    public void A_condition_on_a_flow_leaving_a_parallel_gateway_is_reported_as_ignored()
    {
        var problem = Fixture.Parse("condition-after-parallel-gateway").Single(ProblemCodes.ConditionIgnored);

        Assert.Equal("Flow_Conditional", problem.ElementId);
        Assert.Contains("parallel gateway", problem.Message);
    }

    [Fact]
    public void Unconditional_flows_out_of_a_deciding_gateway_are_reported_unless_default()
    {
        var result = Fixture.Parse("missing-condition");

        Assert.Equal(["Flow_B", "Flow_C"], result.All(ProblemCodes.MissingCondition).Select(p => p.ElementId));
        Assert.Empty(result.All(ProblemCodes.GatewayWithoutDefault));
    }
}
