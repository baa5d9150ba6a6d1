using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class TaskTests
{
    private static readonly object Application = new
    {
        items = new object[] { 100.5m, 200.25m },
        applicant = new Dictionary<string, object?> { ["name"] = "张三" },
    };

    [Fact]
    public void Script_task_stores_its_result_in_the_result_variable()
    {
        var harness = Harness.For("tasks.bpmn");
        var instance = harness.Start("tasks", Application);
        Assert.Equal(300.75m, instance.Variables["total"]);
    }

    [Fact]
    public void User_task_announces_its_groups_due_date_and_form()
    {
        var harness = Harness.For("tasks.bpmn");
        harness.Start("tasks", Application);

        var created = Assert.Single(harness.Effects.OfType<TaskCreated>());
        Assert.Equal(("Task_Verify", "Verify application", "verify-form"), (created.ElementId, created.Name, created.FormKey));
        Assert.Equal(["reviewer", "supervisor"], created.CandidateGroups);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 17, 0, 0, TimeSpan.FromHours(8)), created.DueDate);
    }

    [Fact]
    public void Input_mapping_gives_the_task_a_local_variable()
    {
        var harness = Harness.For("tasks.bpmn");
        var instance = harness.Start("tasks", Application);

        var task = instance.Elements.Values.Single(e => e.Kind == ElementKind.UserTask);
        Assert.Equal("张三", task.Variables!["name"]);
        Assert.False(instance.Variables.ContainsKey("name"));
    }

    [Fact]
    public void Output_mapping_writes_into_a_context_path()
    {
        var harness = Harness.For("tasks.bpmn");
        var id = harness.Start("tasks", Application).InstanceId;

        harness.CompleteTask(id, "Task_Verify", new { verified = true });

        var checks = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(harness.Get(id).Variables["checks"]);
        Assert.Equal(true, checks["verified"]);
        Assert.False(harness.Get(id).Variables.ContainsKey("verified"));
    }

    [Fact]
    public void Service_task_waits_for_its_job_and_completing_the_job_ends_the_instance()
    {
        var harness = Harness.For("tasks.bpmn");
        var id = harness.Start("tasks", Application).InstanceId;
        harness.CompleteTask(id, "Task_Verify", new { verified = true });

        var job = Assert.Single(harness.Effects.OfType<JobCreated>());
        Assert.Equal(("payment", 5), (job.JobType, job.Retries));
        Assert.Equal(300.75m, job.Variables["total"]);

        harness.CompleteJob(id, "Service_Pay", new { paid = true });
        Assert.Equal(InstanceStatus.Completed, harness.Get(id).Status);
        Assert.Equal(true, harness.Get(id).Variables["paid"]);
    }

    [Fact]
    public void Completing_a_task_records_who_completed_it()
    {
        var harness = Harness.For("tasks.bpmn");
        var id = harness.Start("tasks", Application).InstanceId;

        harness.CompleteTask(id, "Task_Verify", new { verified = true }, user: "li.worker");

        var completed = Assert.Single(harness.HistoryOf(HistoryEventType.TaskCompleted));
        Assert.Equal("li.worker", completed.User);
    }

    [Fact]
    public void Variable_changes_are_recorded_with_old_and_new_value()
    {
        var harness = Harness.For("exclusive.bpmn");
        var id = harness.Start("exclusive", new { amount = 500 }).InstanceId;

        harness.CompleteTask(id, "Task_Grassroots", new { amount = 450 });

        var update = Assert.Single(harness.HistoryOf(HistoryEventType.VariableUpdated));
        Assert.Equal(("amount", 500m, 450m), (update.Variable, update.OldValue, update.NewValue));
    }

    [Fact]
    public void Completing_a_task_twice_is_a_conflict()
    {
        var harness = Harness.For("parallel.bpmn");
        var instance = harness.Start("parallel");
        var key = harness.TaskKey(instance, "Task_Visit");
        harness.Execute(harness.Get(instance.InstanceId), new CompleteTask(key, null, null));

        var error = Assert.Throws<WorkflowException>(() => harness.Execute(harness.Get(instance.InstanceId), new CompleteTask(key, null, null)));
        Assert.Equal((WorkflowErrorKind.Conflict, "task_not_active"), (error.Kind, error.Code));
    }

    [Fact]
    public void Claiming_a_task_claimed_by_someone_else_is_a_conflict()
    {
        var harness = Harness.For("parallel.bpmn");
        var instance = harness.Start("parallel");
        var key = harness.TaskKey(instance, "Task_Visit");
        harness.Execute(harness.Get(instance.InstanceId), new ClaimTask(key, "wang"));

        var error = Assert.Throws<WorkflowException>(() => harness.Execute(harness.Get(instance.InstanceId), new ClaimTask(key, "li")));
        Assert.Equal("task_already_claimed", error.Code);
    }

    [Fact]
    public void Claiming_then_unclaiming_is_recorded_with_the_user()
    {
        var harness = Harness.For("parallel.bpmn");
        var instance = harness.Start("parallel");
        var key = harness.TaskKey(instance, "Task_Visit");

        harness.Execute(harness.Get(instance.InstanceId), new ClaimTask(key, "wang"));
        harness.Execute(harness.Get(instance.InstanceId), new UnclaimTask(key, "wang"));

        Assert.Equal("wang", Assert.Single(harness.HistoryOf(HistoryEventType.TaskClaimed)).User);
        Assert.Single(harness.HistoryOf(HistoryEventType.TaskUnclaimed));
        Assert.Null(harness.Get(instance.InstanceId).Elements[key].Task!.Assignee);
    }

    [Fact]
    public void Cancelling_withdraws_open_tasks_and_refuses_further_commands()
    {
        var harness = Harness.For("parallel.bpmn");
        var instance = harness.Start("parallel");

        harness.Execute(instance, new CancelInstance("supervisor", "duplicate"));

        Assert.Equal(2, harness.Effects.OfType<TaskCancelled>().Count());
        var error = Assert.Throws<WorkflowException>(() => harness.Execute(harness.Get(instance.InstanceId), new CancelInstance(null)));
        Assert.Equal("instance_not_active", error.Code);
    }
}

public class MappingSourceTests
{
    [Fact]
    public void Mapping_source_without_an_equals_sign_is_static_text_as_in_Camunda_8()
    {
        var harness = new Harness();
        harness.Deploy("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
              <bpmn:process id="static" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
                <bpmn:userTask id="T">
                  <bpmn:extensionElements><zeebe:ioMapping>
                    <zeebe:input source="total" target="label" />
                    <zeebe:input source="=total" target="value" />
                  </zeebe:ioMapping></bpmn:extensionElements>
                </bpmn:userTask>
              </bpmn:process>
            </bpmn:definitions>
            """);
        var task = harness.Start("static", new { total = 5 }).Elements.Values.Single(e => e.Kind == CaseFlow.Workflows.Runtime.ElementKind.UserTask);
        Assert.Equal(("total", 5m), (task.Variables!["label"], task.Variables!["value"]));
    }
}

public class DueDateTests
{
    [Fact]
    public void Due_date_with_a_zone_id_becomes_that_instant()
    {
        var harness = new Harness();
        harness.Deploy("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
              <bpmn:process id="due" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
                <bpmn:userTask id="T">
                  <bpmn:extensionElements>
                    <zeebe:taskSchedule dueDate="=date and time(&quot;2026-03-08T17:00:00@Asia/Shanghai&quot;)" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
              </bpmn:process>
            </bpmn:definitions>
            """);
        harness.Start("due");

        var created = Assert.Single(harness.Effects.OfType<CaseFlow.Workflows.Runtime.TaskCreated>());
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 17, 0, 0, TimeSpan.FromHours(8)), created.DueDate);
    }
}
