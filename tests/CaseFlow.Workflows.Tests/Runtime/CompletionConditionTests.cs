using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>A multi-instance completion condition that is not a boolean is never taken as false.</summary>
public class CompletionConditionTests
{
    private static readonly object ThreeReviewers = new { reviewers = new[] { "王", "李", "赵" } };

    private static (Harness Harness, Guid Id, List<long> Tasks) StartedWithoutQuorum()
    {
        var harness = Harness.For("multi.bpmn");
        var id = harness.Start("multi-condition-unknown", ThreeReviewers).InstanceId;
        var tasks = harness.Get(id).Elements.Values.Where(e => e.Kind == ElementKind.UserTask).Select(e => e.Key).Order().ToList();
        return (harness, id, tasks);
    }

    [Fact]
    public void A_completion_condition_that_is_not_a_boolean_raises_an_incident_on_the_loop()
    {
        var (harness, id, tasks) = StartedWithoutQuorum();

        harness.Execute(id, new CompleteTask(tasks[0], null, "王"));

        var incident = harness.Incident(id);
        Assert.Equal(("condition_not_boolean", "U_Task"), (incident.Kind, incident.ElementId));
        Assert.Equal(ElementKind.MultiInstanceBody, harness.Get(id).Elements[incident.ElementKey].Kind);
    }

    [Fact]
    public void Inner_instances_completing_while_the_incident_is_open_raise_no_more_incidents()
    {
        var (harness, id, tasks) = StartedWithoutQuorum();
        harness.Execute(id, new CompleteTask(tasks[0], null, "王"));

        harness.Execute(id, new CompleteTask(tasks[1], null, "李"));

        Assert.Single(harness.Get(id).Incidents);
        Assert.DoesNotContain("U_After", harness.ActiveTasks(id));
    }

    [Fact]
    public void Resolving_the_incident_after_setting_the_quorum_finishes_the_loop()
    {
        var (harness, id, tasks) = StartedWithoutQuorum();
        harness.Execute(id, new CompleteTask(tasks[0], null, "王"));
        harness.Execute(id, new CompleteTask(tasks[1], null, "李"));

        harness.Execute(id, new SetVariables(Harness.Vars(new { quorum = 2 })!));
        harness.Execute(id, new ResolveIncident(harness.Incident(id).Key));

        Assert.Empty(harness.Get(id).Incidents);
        Assert.Equal(["U_After"], harness.ActiveTasks(id));
    }
}
