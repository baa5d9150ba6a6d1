using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class GatewayTests
{
    [Theory]
    [InlineData(8000, "Task_County")]
    [InlineData(3000, "Task_Town")]
    [InlineData(500, "Task_Grassroots")]
    public void Exclusive_gateway_takes_the_first_true_condition_or_the_default(int amount, string expected)
    {
        var harness = Harness.For("exclusive.bpmn");
        var instance = harness.Start("exclusive", new { amount });
        Assert.Equal([expected], harness.ActiveTasks(instance.InstanceId));
    }

    [Fact]
    public void Exclusive_gateway_takes_the_default_when_the_variable_is_missing()
    {
        var harness = Harness.For("exclusive.bpmn");
        var instance = harness.Start("exclusive");
        Assert.Equal(["Task_Grassroots"], harness.ActiveTasks(instance.InstanceId));
    }

    [Fact]
    public void Parallel_join_waits_for_every_branch()
    {
        var harness = Harness.For("parallel.bpmn");
        var id = harness.Start("parallel").InstanceId;
        Assert.Equal(["Task_Visit", "Task_Documents"], harness.ActiveTasks(id));

        harness.CompleteTask(id, "Task_Visit");
        Assert.Equal(["Task_Documents"], harness.ActiveTasks(id));

        harness.CompleteTask(id, "Task_Documents");
        Assert.Equal(["Task_Approve"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Inclusive_split_takes_every_true_branch()
    {
        var harness = Harness.For("inclusive.bpmn");
        var id = harness.Start("inclusive", new { illness = true, school = true }).InstanceId;
        Assert.Equal(["Task_Medical", "Task_School"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Inclusive_split_takes_the_default_when_no_condition_holds()
    {
        var harness = Harness.For("inclusive.bpmn");
        var id = harness.Start("inclusive", new { illness = false, school = false }).InstanceId;
        Assert.Equal(["Task_General"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Inclusive_join_waits_only_for_the_branches_that_were_taken()
    {
        var harness = Harness.For("inclusive.bpmn");
        var id = harness.Start("inclusive", new { illness = true, school = true }).InstanceId;

        harness.CompleteTask(id, "Task_Medical");
        Assert.Equal(["Task_School"], harness.ActiveTasks(id));

        harness.CompleteTask(id, "Task_School");
        Assert.Equal(["Task_Review"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Inclusive_join_fires_at_once_after_a_single_taken_branch()
    {
        var harness = Harness.For("inclusive.bpmn");
        var id = harness.Start("inclusive", new { illness = true, school = false }).InstanceId;
        harness.CompleteTask(id, "Task_Medical");
        Assert.Equal(["Task_Review"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Inclusive_join_waits_while_a_token_upstream_can_still_arrive()
    {
        var harness = Harness.For("inclusive-upstream.bpmn");
        var id = harness.Start("inclusive-upstream").InstanceId;
        // The script branch arrived at once; the visit is still open upstream of the join.
        Assert.Equal(["Task_Visit"], harness.ActiveTasks(id));

        harness.CompleteTask(id, "Task_Visit");
        Assert.Equal(["Task_After"], harness.ActiveTasks(id));
        Assert.Single(harness.History, h => h.Type == HistoryEventType.ElementEntered && h.ElementId == "Join");
    }
}
