using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class ScopeTests
{
    [Fact]
    public void Sub_process_continues_after_its_last_inner_token_ends()
    {
        var harness = Harness.For("scopes.bpmn");
        var id = harness.Start("subprocess").InstanceId;
        Assert.Equal(["Task_Inner"], harness.ActiveTasks(id));

        harness.CompleteTask(id, "Task_Inner");
        Assert.Equal(["Task_After"], harness.ActiveTasks(id));
        Assert.Contains(harness.History, h => h.Type == HistoryEventType.ElementLeft && h.ElementId == "Sub_Check");
    }

    [Fact]
    public void Terminate_end_in_a_sub_process_ends_only_the_sub_process()
    {
        var harness = Harness.For("scopes.bpmn");
        var id = harness.Start("terminate-in-sub").InstanceId;

        harness.CompleteTask(id, "T_Task_Decide");

        Assert.Equal(["T_After"], harness.ActiveTasks(id));
        Assert.Contains(harness.Effects, e => e is TaskCancelled);
        Assert.Equal(InstanceStatus.Active, harness.Get(id).Status);
    }

    [Fact]
    public void Terminate_end_at_process_level_completes_the_instance_and_cancels_open_tasks()
    {
        var harness = Harness.For("scopes.bpmn");
        var instance = harness.Start("terminate");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Elements);
        Assert.Contains(harness.Effects, e => e is TaskCancelled);
    }

    [Fact]
    public void Call_activity_starts_the_child_with_its_input_mappings()
    {
        var harness = Harness.For("call.bpmn");
        harness.Start("parent", new Dictionary<string, object?> { ["applicant"] = new Dictionary<string, object?> { ["name"] = "张三" } });

        var child = Assert.Single(harness.Instances.Values, i => i.ProcessId == "household-visit");
        Assert.Equal("张三", child.Variables["visitee"]);
        Assert.NotNull(child.Parent);
    }

    [Fact]
    public void Call_activity_continues_with_the_mapped_output_when_the_child_completes()
    {
        var harness = Harness.For("call.bpmn");
        var parent = harness.Start("parent", new { applicant = new Dictionary<string, object?> { ["name"] = "张三" } });
        var child = harness.Instances.Values.Single(i => i.ProcessId == "household-visit");

        harness.CompleteTask(child.InstanceId, "V_Task", new { findings = "confirmed", secret = "x" });

        Assert.Equal(["Task_After"], harness.ActiveTasks(parent.InstanceId));
        var variables = harness.Get(parent.InstanceId).Variables;
        Assert.Equal("confirmed", variables["visitFindings"]);
        Assert.False(variables.ContainsKey("secret"));
    }

    [Fact]
    public void Cancelling_the_parent_cancels_the_child()
    {
        var harness = Harness.For("call.bpmn");
        var parent = harness.Start("parent", new { applicant = new Dictionary<string, object?> { ["name"] = "张三" } });

        harness.Execute(parent, new CancelInstance("supervisor"));

        Assert.All(harness.Instances.Values, i => Assert.Equal(InstanceStatus.Cancelled, i.Status));
    }
}
