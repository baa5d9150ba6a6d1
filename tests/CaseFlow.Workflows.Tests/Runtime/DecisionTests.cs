using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class DecisionTests
{
    private static readonly object LargeLowIncome = new { household = new Dictionary<string, object?> { ["size"] = 4m }, income = 18000 };

    [Fact]
    public void A_business_rule_task_asks_for_its_decision_with_the_visible_variables()
    {
        var harness = Harness.For("decide.bpmn");

        harness.Start("decide", LargeLowIncome);

        var request = Assert.Single(harness.Effects.OfType<DecisionRequested>());
        Assert.Equal("Decide_Aid", request.ElementId);
        Assert.Equal("aidLevel", request.DecisionId);
        Assert.Equal(18000m, request.Variables["income"]);
        Assert.Equal(4m, request.Variables["size"]);
    }

    [Fact]
    public void A_business_rule_task_waits_until_its_decision_is_evaluated()
    {
        var harness = Harness.For("decide.bpmn");

        var instance = harness.Start("decide", LargeLowIncome);

        var waiting = Assert.Single(instance.Elements.Values);
        Assert.Equal(ElementKind.BusinessRuleTask, waiting.Kind);
        Assert.Equal("Decide_Aid", waiting.ElementId);
    }

    [Fact]
    public void Completing_the_decision_sets_the_result_variable_that_drives_the_gateway()
    {
        var harness = Harness.For("decide.bpmn", "aid.dmn");

        var instance = harness.Start("decide", LargeLowIncome);

        Assert.Equal("full", harness.Get(instance.InstanceId).Variables["aid"]);
        Assert.Equal(["Pay_Full"], harness.ActiveTasks(instance.InstanceId));
    }

    [Fact]
    public void Completing_the_decision_records_the_matched_rules_in_the_history()
    {
        var harness = Harness.For("decide.bpmn", "aid.dmn");

        harness.Start("decide", new { household = new Dictionary<string, object?> { ["size"] = 2m }, income = 12000 });

        var evaluated = Assert.Single(harness.HistoryOf(HistoryEventType.DecisionEvaluated));
        Assert.Equal("Decide_Aid", evaluated.ElementId);
        Assert.Equal("partial", evaluated.NewValue);
        Assert.Equal("aidLevel: aidLevel rule 2 (Rule_Partial) \"small household on a low income\"", evaluated.Detail);
    }

    [Fact]
    public void Decision_warnings_are_kept_in_the_history()
    {
        var harness = Harness.For("decide.bpmn", "aid.dmn");

        // No income: no rule of the UNIQUE table matches, and the result is null.
        var instance = harness.Start("decide", new { household = new Dictionary<string, object?> { ["size"] = 2m }, income = "unknown" });

        var warning = Assert.Single(harness.HistoryOf(HistoryEventType.ExpressionWarning));
        Assert.Equal("Decide_Aid", warning.ElementId);
        Assert.StartsWith("decision aidLevel: ", warning.Detail);
        Assert.Null(harness.Get(instance.InstanceId).Variables["aid"]);
    }

    [Fact]
    public void A_decision_without_a_matching_rule_says_so_in_the_history()
    {
        var harness = Harness.For("decide.bpmn", "aid.dmn");

        var instance = harness.Start("decide", new { household = new Dictionary<string, object?> { ["size"] = 2m }, income = "unknown" });

        Assert.Equal("aidLevel: no rule matched", Assert.Single(harness.HistoryOf(HistoryEventType.DecisionEvaluated)).Detail);
        Assert.Equal(["Reject"], harness.ActiveTasks(instance.InstanceId));
    }

    [Fact]
    public void A_waiting_business_rule_task_survives_the_durable_form()
    {
        var harness = Harness.For("decide.bpmn");
        var instance = harness.Start("decide", LargeLowIncome);
        var key = instance.Elements.Values.Single().Key;

        harness.Execute(instance, new CompleteDecision(key, "none", [new DecisionMatch("aidLevel", "Rule_None", 3, null)]));

        Assert.Equal("aidLevel: aidLevel rule 3 (Rule_None)", Assert.Single(harness.HistoryOf(HistoryEventType.DecisionEvaluated)).Detail);
        Assert.Equal(["Reject"], harness.ActiveTasks(instance.InstanceId));
    }

    [Fact]
    public void Cancelling_an_instance_ends_a_waiting_business_rule_task()
    {
        var harness = Harness.For("decide.bpmn");
        var instance = harness.Start("decide", LargeLowIncome);

        harness.Execute(instance, new CancelInstance("clerk"));

        Assert.Equal(InstanceStatus.Cancelled, harness.Get(instance.InstanceId).Status);
        Assert.Equal("Decide_Aid", Assert.Single(harness.HistoryOf(HistoryEventType.ElementTerminated)).ElementId);
    }
}
