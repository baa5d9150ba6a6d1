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
    public void Null_gateway_condition_raises_an_incident()
    {
        var harness = Harness.For("exclusive.bpmn");
        var id = harness.Start("exclusive").InstanceId;

        var incident = harness.Incident(id);
        Assert.Equal(("condition_not_boolean", "Gateway_Amount"), (incident.Kind, incident.ElementId));
        Assert.Contains("F_Large", incident.Message);
        Assert.Contains("amount > 5000", incident.Message);
        Assert.Empty(harness.ActiveTasks(id));
    }

    [Fact]
    public void Null_gateway_condition_keeps_the_token_at_the_gateway()
    {
        var harness = Harness.For("exclusive.bpmn");
        var id = harness.Start("exclusive").InstanceId;
        Assert.Equal(["Gateway_Amount"], harness.Get(id).Elements.Values.Select(e => e.ElementId));
        Assert.Equal(InstanceStatus.Active, harness.Get(id).Status);
    }

    [Fact]
    public void Resolving_a_condition_incident_after_fixing_the_variable_continues()
    {
        var harness = Harness.For("exclusive.bpmn");
        var id = harness.Start("exclusive").InstanceId;

        harness.Execute(id, new SetVariables(Harness.Vars(new { amount = 3000 })!));
        harness.Execute(id, new ResolveIncident(harness.Incident(id).Key, User: "admin"));

        Assert.Equal(["Task_Town"], harness.ActiveTasks(id));
        Assert.Empty(harness.Get(id).Incidents);
        Assert.Equal("admin", Assert.Single(harness.HistoryOf(HistoryEventType.IncidentResolved)).User);
    }

    [Fact]
    public void Resolving_a_condition_incident_without_a_fix_raises_a_new_one()
    {
        var harness = Harness.For("exclusive.bpmn");
        var id = harness.Start("exclusive").InstanceId;
        var first = harness.Incident(id).Key;

        harness.Execute(id, new ResolveIncident(first));

        Assert.NotEqual(first, harness.Incident(id).Key);
        Assert.Equal(2, harness.Effects.OfType<IncidentRaised>().Count());
    }

    [Fact]
    public void Gateway_whose_only_condition_is_false_raises_no_flow_taken()
    {
        var harness = new Harness();
        harness.Deploy("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
              <bpmn:process id="nodefault" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="G" />
                <bpmn:exclusiveGateway id="G" />
                <bpmn:sequenceFlow id="F1" sourceRef="G" targetRef="A"><bpmn:conditionExpression>=x = 1</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:userTask id="A" />
              </bpmn:process>
            </bpmn:definitions>
            """);
        var id = harness.Start("nodefault", new { x = 3 }).InstanceId;
        Assert.Equal(("no_flow_taken", "G"), (harness.Incident(id).Kind, harness.Incident(id).ElementId));
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
