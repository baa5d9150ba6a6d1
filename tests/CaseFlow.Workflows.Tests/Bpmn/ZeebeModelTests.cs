using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Tests.Bpmn;

/// <summary>A process as Camunda Modeler 5 writes it for Camunda 8; needs the FEEL parser.</summary>
public class ZeebeModelTests
{
    private static ProcessDefinition Claim()
    {
        var result = Fixture.Parse("zeebe-benefit-claim");
        result.AssertDeployable();
        return Assert.Single(result.Processes);
    }

    [Fact]
    public void The_user_task_carries_assignment_form_schedule_and_mappings()
    {
        var task = Assert.IsType<UserTask>(Claim().Node("Review_Claim"));

        Assert.True(task.Assignee?.IsFeel);
        Assert.Equal("= claim.caseworker", task.Assignee?.Source);
        Assert.False(task.CandidateGroups?.IsFeel);
        Assert.Equal("reviewers, supervisors", task.CandidateGroups?.Source);
        Assert.Equal("= [\"anna\", \"ben\"]", task.CandidateUsers?.Source);
        Assert.Equal("userTaskForm_review", task.FormKey);
        Assert.Contains("\"key\":\"approved\"", task.EmbeddedForm);
        Assert.True(task.DueDate?.IsFeel);
        Assert.False(task.FollowUpDate?.IsFeel);
        Assert.Equal("2030-01-01T09:00:00Z", task.FollowUpDate?.Source);

        Assert.Equal(["applicantName", "summary.total"], task.IoMapping.Inputs.Select(m => m.Target));
        Assert.All(task.IoMapping.Inputs, m => Assert.True(m.Source.IsFeel));
        Assert.Equal("=total", task.IoMapping.Inputs[1].Source.Source);
        Assert.Equal("approved", Assert.Single(task.IoMapping.Outputs).Target);
    }

    [Fact]
    public void The_start_event_has_its_output_mapping()
    {
        var start = Claim().Root.NoneStart;

        Assert.Equal("Claim_Received", start?.Id);
        Assert.Equal("receivedAt", Assert.Single(start!.IoMapping.Outputs).Target);
        Assert.Empty(start.IoMapping.Inputs);
    }

    [Fact]
    public void The_multi_instance_task_runs_over_the_reviewers_in_parallel()
    {
        var task = Assert.IsType<UserTask>(Claim().Node("Second_Opinions"));

        var loop = Assert.IsType<MultiInstance>(task.MultiInstance);
        Assert.False(loop.IsSequential);
        Assert.Equal("= reviewers", loop.InputCollection.Source);
        Assert.Equal("reviewer", loop.InputElement);
        Assert.Equal("opinions", loop.OutputCollection);
        Assert.Equal("= opinion", loop.OutputElement?.Source);
        Assert.Equal("= numberOfCompletedInstances >= 2", loop.CompletionCondition?.Source);
    }

    [Fact]
    public void The_call_activity_names_the_called_process_and_how_variables_travel()
    {
        var call = Assert.IsType<CallActivity>(Claim().Node("Pay_Out"));

        Assert.False(call.CalledProcessId.IsFeel);
        Assert.Equal("payout", call.CalledProcessId.Source);
        Assert.False(call.PropagateAllChildVariables);
        Assert.True(call.PropagateAllParentVariables);
        Assert.Equal("paymentReference", Assert.Single(call.IoMapping.Outputs).Target);
    }

    [Fact]
    public void The_gateway_has_a_feel_condition_and_a_default()
    {
        var process = Claim();
        var gateway = Assert.IsType<ExclusiveGateway>(process.Node("Approved_Gateway"));

        Assert.Equal("Flow_Rejected", gateway.Default?.Id);
        var approved = process.AllFlows["Flow_Approved"];
        Assert.Equal("= approved = true", approved.Condition?.Source);
        Assert.True(approved.Condition?.IsFeel);
        Assert.Equal("yes", approved.Name);
        Assert.Null(gateway.Default?.Condition);
    }

    [Fact]
    public void Service_script_and_send_tasks_carry_their_job_and_script()
    {
        var process = Claim();

        var script = Assert.IsType<ScriptTask>(process.Node("Compute_Total"));
        Assert.Equal("= sum(claim.amounts)", script.Script.Source);
        Assert.Equal("total", script.ResultVariable);

        var store = Assert.IsType<ServiceTask>(process.Node("Store_Documents"));
        Assert.Equal("archive-documents", store.JobType.Source);
        Assert.True(store.Retries?.IsFeel);
        Assert.Equal(new Dictionary<string, string> { ["retention"] = "P10Y", ["bucket"] = "claims" }, store.Headers);

        var send = Assert.IsType<ServiceTask>(process.Node("Send_Rejection"));
        Assert.Equal("send-letter", send.JobType.Source);
    }

    [Fact]
    public void The_sub_process_has_its_own_scope_and_the_terminate_end_its_trigger()
    {
        var process = Claim();

        var archive = Assert.IsType<SubProcess>(process.Node("Archive"));
        Assert.Equal(["Archive_Start", "Store_Documents", "Archive_End"], archive.Body.Nodes.Select(n => n.Id));
        Assert.Same(archive.Body, process.Node("Store_Documents").Scope);
        Assert.Same(archive, archive.Body.Owner);
        Assert.Equal("Archive_Start", archive.Body.NoneStart?.Id);
        Assert.Equal(2, archive.Body.Flows.Count);
        Assert.Equal(EventTrigger.Terminate, Assert.IsType<EndEvent>(process.Node("Claim_Rejected")).Trigger);
        Assert.Equal(13, process.AllNodes.Count);
    }
}
