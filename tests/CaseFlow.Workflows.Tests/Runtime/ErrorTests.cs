using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class ErrorTests
{
    [Fact]
    public void Error_end_event_is_caught_by_the_boundary_of_its_sub_process()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("error-end").InstanceId;

        harness.CompleteTask(id, "Task_Check");

        Assert.Equal(["Task_Notify_Rejection"], harness.ActiveTasks(id));
        Assert.Contains(harness.History, h => h.Type == HistoryEventType.ErrorCaught && h.ElementId == "Catch_Rejected" && h.Detail == "REJECTED");
    }

    [Fact]
    public void Caught_error_terminates_the_other_tokens_of_the_sub_process()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("error-end").InstanceId;
        var visit = harness.TaskKey(harness.Get(id), "Task_Visit");

        harness.CompleteTask(id, "Task_Check");

        Assert.Equal(visit, Assert.Single(harness.Effects.OfType<TaskCancelled>()).ElementKey);
        Assert.Contains(harness.History, h => h.Type == HistoryEventType.ElementTerminated && h.ElementId == "Sub_Check");
    }

    [Fact]
    public void Error_end_event_passes_its_input_mappings_to_the_catching_event()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("error-end").InstanceId;

        harness.CompleteTask(id, "Task_Check");

        Assert.Equal("income too high", harness.Get(id).Variables["rejection"]);
    }

    [Fact]
    public void Job_error_is_caught_by_the_boundary_with_its_code()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("job-error").InstanceId;

        harness.Execute(id, new ThrowError(harness.KeyOf(id, "Pay"), "NO_FUNDS", "account empty"));

        Assert.Equal(["Task_Funds"], harness.ActiveTasks(id));
        Assert.Single(harness.Effects.OfType<JobCancelled>());
    }

    [Fact]
    public void Job_error_without_a_matching_code_is_caught_by_the_catch_all_boundary()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("job-error").InstanceId;

        harness.Execute(id, new ThrowError(harness.KeyOf(id, "Pay"), "BANK_CLOSED"));

        Assert.Equal(["Task_Manual"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Job_error_variables_are_set_like_a_completion()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("job-error").InstanceId;

        harness.Execute(id, new ThrowError(harness.KeyOf(id, "Pay"), "NO_FUNDS", Variables: Harness.Vars(new { balance = 12 })));

        Assert.Equal(12m, harness.Get(id).Variables["balance"]);
    }

    [Fact]
    public void Uncaught_job_error_raises_an_unhandled_error_incident()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("job-error-uncaught").InstanceId;

        harness.Execute(id, new ThrowError(harness.KeyOf(id, "Notify"), "SMS_DOWN", "gateway unreachable"));

        var incident = harness.Incident(id);
        Assert.Equal(("unhandled_error", "Notify"), (incident.Kind, incident.ElementId));
        Assert.Contains("SMS_DOWN", incident.Message);
        Assert.Equal(InstanceStatus.Active, harness.Get(id).Status);
    }

    [Fact]
    public void Resolving_an_unhandled_job_error_creates_the_job_anew()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("job-error-uncaught").InstanceId;
        harness.Execute(id, new ThrowError(harness.KeyOf(id, "Notify"), "SMS_DOWN"));

        harness.Execute(id, new ResolveIncident(harness.Incident(id).Key, JobRetries: 3));

        Assert.Equal(2, harness.Effects.OfType<JobCreated>().Count());
        Assert.Empty(harness.Get(id).Incidents);
    }

    [Fact]
    public void Uncaught_error_end_event_at_the_top_raises_an_incident()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("top-error-end").InstanceId;

        Assert.Equal(("unhandled_error", "Top_Reject"), (harness.Incident(id).Kind, harness.Incident(id).ElementId));
        Assert.Equal(IncidentRetry.Throw, harness.Incident(id).Retry);
    }

    [Fact]
    public void Uncaught_error_in_a_called_instance_passes_to_the_parent()
    {
        var harness = Harness.For("errors.bpmn");
        var parent = harness.Start("caller").InstanceId;
        var child = harness.Instances.Values.Single(i => i.ProcessId == "callee").InstanceId;

        harness.CompleteTask(child, "Task_Review");

        var passed = Assert.Single(harness.Effects.OfType<ErrorPassedToParent>());
        Assert.Equal("REJECTED", passed.ErrorCode);
        Assert.Equal(["Task_Handled"], harness.ActiveTasks(parent));
    }

    [Fact]
    public void Catching_a_passed_error_does_not_ask_to_cancel_the_ended_child()
    {
        var harness = Harness.For("errors.bpmn");
        harness.Start("caller");
        var child = harness.Instances.Values.Single(i => i.ProcessId == "callee").InstanceId;

        harness.CompleteTask(child, "Task_Review");

        Assert.Empty(harness.Effects.OfType<ChildInstanceCancelled>());
    }

    [Fact]
    public void Called_instance_ended_by_an_error_is_cancelled_not_completed()
    {
        var harness = Harness.For("errors.bpmn");
        harness.Start("caller");
        var child = harness.Instances.Values.Single(i => i.ProcessId == "callee").InstanceId;

        harness.CompleteTask(child, "Task_Review");

        Assert.Equal(InstanceStatus.Cancelled, harness.Get(child).Status);
        Assert.DoesNotContain(harness.Effects, e => e is InstanceEnded { Status: InstanceStatus.Completed });
    }

    [Fact]
    public void Throwing_an_error_at_a_job_that_is_gone_is_a_conflict()
    {
        var harness = Harness.For("errors.bpmn");
        var id = harness.Start("job-error").InstanceId;
        var pay = harness.KeyOf(id, "Pay");
        harness.Execute(id, new ThrowError(pay, "NO_FUNDS"));

        var error = Assert.Throws<WorkflowException>(() => harness.Execute(id, new ThrowError(pay, "NO_FUNDS")));
        Assert.Equal((WorkflowErrorKind.Conflict, "job_not_active"), (error.Kind, error.Code));
    }
}
