using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class MultiInstanceTests
{
    private static readonly object Claimants = new
    {
        claimants = new object[]
        {
            new Dictionary<string, object?> { ["name"] = "王" },
            new Dictionary<string, object?> { ["name"] = "李" },
            new Dictionary<string, object?> { ["name"] = "赵" },
        },
    };

    [Fact]
    public void Parallel_multi_instance_creates_one_task_per_item()
    {
        var harness = Harness.For("multi.bpmn");
        var instance = harness.Start("multi-parallel", Claimants);

        var tasks = instance.Elements.Values.Where(e => e.Kind == ElementKind.UserTask).ToList();
        Assert.Equal(3, tasks.Count);
        Assert.Equal(["王", "李", "赵"], tasks.Select(t => ((IReadOnlyDictionary<string, object?>)t.Variables!["claimant"]!)["name"]));
    }

    [Fact]
    public void Parallel_multi_instance_collects_outputs_in_item_order_whatever_the_completion_order()
    {
        var harness = Harness.For("multi.bpmn");
        var instance = harness.Start("multi-parallel", Claimants);
        var keys = instance.Elements.Values.Where(e => e.Kind == ElementKind.UserTask).Select(e => e.Key).ToList();

        foreach (var (key, decision) in new[] { (keys[2], "no"), (keys[0], "yes"), (keys[1], "yes") })
            harness.Execute(harness.Get(instance.InstanceId), new CompleteTask(key, Harness.Vars(new { decision }), null));

        var variables = harness.Get(instance.InstanceId).Variables;
        Assert.Equal(["王: yes", "李: yes", "赵: no"], (IEnumerable<object?>)variables["results"]!);
        Assert.Equal(["Task_After"], harness.ActiveTasks(instance.InstanceId));
    }

    [Fact]
    public void Sequential_multi_instance_runs_one_item_at_a_time()
    {
        var harness = Harness.For("multi.bpmn");
        var id = harness.Start("multi-sequential", new { levels = new object[] { "town", "county" } }).InstanceId;

        var first = Assert.Single(harness.Get(id).Elements.Values, e => e.Kind == ElementKind.UserTask);
        Assert.Equal("town", first.Variables!["level"]);
        harness.CompleteTask(id, "S_Task");

        var second = Assert.Single(harness.Get(id).Elements.Values, e => e.Kind == ElementKind.UserTask);
        Assert.Equal("county", second.Variables!["level"]);
        Assert.Equal(2m, second.Variables!["loopCounter"]);
        harness.CompleteTask(id, "S_Task");

        Assert.Equal(["S_After"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Completion_condition_ends_the_remaining_instances()
    {
        var harness = Harness.For("multi.bpmn");
        var id = harness.Start("multi-condition", new { reviewers = new object[] { "a", "b", "c" } }).InstanceId;

        harness.CompleteTask(id, "C_Task");
        harness.CompleteTask(id, "C_Task");

        Assert.Equal(["C_After"], harness.ActiveTasks(id));
        Assert.Single(harness.Effects, e => e is TaskCancelled);
    }

    [Fact]
    public void Empty_collection_skips_the_activity()
    {
        var harness = Harness.For("multi.bpmn");
        var id = harness.Start("multi-sequential", new { levels = Array.Empty<object>() }).InstanceId;
        Assert.Equal(["S_After"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Input_collection_that_is_not_a_list_raises_an_incident_on_the_activity()
    {
        var harness = Harness.For("multi.bpmn");
        var id = harness.Start("multi-sequential", new { levels = "town" }).InstanceId;
        var incident = harness.Incident(id);
        Assert.Equal(("invalid_input_collection", "S_Task"), (incident.Kind, incident.ElementId));
    }

    [Fact]
    public void Resolving_an_input_collection_incident_after_fixing_the_list_starts_the_instances()
    {
        var harness = Harness.For("multi.bpmn");
        var id = harness.Start("multi-sequential", new { levels = "town" }).InstanceId;
        harness.Execute(id, new SetVariables(new Dictionary<string, object?> { ["levels"] = new List<object?> { "town" } }));
        harness.Execute(id, new ResolveIncident(harness.Incident(id).Key));
        Assert.Equal(["S_Task"], harness.ActiveTasks(id));
    }
}
