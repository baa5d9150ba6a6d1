using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class IncidentTests
{
    private static readonly object Application = new
    {
        items = new object[] { 100m },
        applicant = new Dictionary<string, object?> { ["name"] = "张三" },
    };

    /// <summary>The tasks fixture with its user task done: the instance waits for the payment job.</summary>
    private static (Harness Harness, Guid Id, long Job) AtPayment()
    {
        var harness = Harness.For("tasks.bpmn");
        var id = harness.Start("tasks", Application).InstanceId;
        harness.CompleteTask(id, "Task_Verify", new { verified = true });
        return (harness, id, harness.KeyOf(id, "Service_Pay"));
    }

    [Fact]
    public void Failing_a_job_with_retries_left_records_it_and_keeps_waiting()
    {
        var (harness, id, job) = AtPayment();

        harness.Execute(id, new FailJob(job, 2, "bank timeout"));

        Assert.Equal("bank timeout (retries left: 2)", Assert.Single(harness.HistoryOf(HistoryEventType.JobFailed)).Detail);
        Assert.Empty(harness.Get(id).Incidents);
        Assert.Contains(job, harness.Get(id).Elements.Keys);
    }

    [Fact]
    public void Failing_the_last_retry_raises_one_incident()
    {
        var (harness, id, job) = AtPayment();

        harness.Execute(id, new FailJob(job, 1, "bank timeout"));
        harness.Execute(id, new FailJob(job, 0, "bank refused", "at Bank.Pay()"));

        var raised = Assert.Single(harness.Effects.OfType<IncidentRaised>());
        Assert.Equal((job, "Service_Pay", "job_failed", "bank refused", "at Bank.Pay()"),
            (raised.ElementKey, raised.ElementId, raised.Kind, raised.Message, raised.Details));
        Assert.Equal(raised.IncidentKey, harness.Incident(id).Key);
    }

    [Fact]
    public void A_job_in_an_incident_cannot_be_completed()
    {
        var (harness, id, job) = AtPayment();
        harness.Execute(id, new FailJob(job, 0, "bank refused"));

        var error = Assert.Throws<WorkflowException>(() => harness.Execute(id, new CompleteJob(job, null)));
        Assert.Equal((WorkflowErrorKind.Conflict, "job_not_active"), (error.Kind, error.Code));
    }

    [Fact]
    public void Resolving_a_job_incident_creates_the_job_anew_with_the_given_retries()
    {
        var (harness, id, job) = AtPayment();
        harness.Execute(id, new FailJob(job, 0, "bank refused"));
        var incident = harness.Incident(id);

        harness.Execute(id, new ResolveIncident(incident.Key, JobRetries: 2));

        Assert.Equal(incident.Key, Assert.Single(harness.Effects.OfType<IncidentResolved>()).IncidentKey);
        var again = harness.Effects.OfType<JobCreated>().Last();
        Assert.Equal((job, "payment", 2), (again.ElementKey, again.JobType, again.Retries));
        harness.CompleteJob(id, "Service_Pay");
        Assert.Equal(InstanceStatus.Completed, harness.Get(id).Status);
    }

    [Fact]
    public void Resolving_a_job_incident_with_no_retries_is_refused()
    {
        var (harness, id, job) = AtPayment();
        harness.Execute(id, new FailJob(job, 0, "bank refused"));

        var error = Assert.Throws<WorkflowException>(() => harness.Execute(id, new ResolveIncident(harness.Incident(id).Key, JobRetries: 0)));
        Assert.Equal((WorkflowErrorKind.Invalid, "invalid_retries"), (error.Kind, error.Code));
    }

    [Fact]
    public void Resolving_an_unknown_incident_is_not_found()
    {
        var (harness, id, _) = AtPayment();
        var error = Assert.Throws<WorkflowException>(() => harness.Execute(id, new ResolveIncident(999)));
        Assert.Equal((WorkflowErrorKind.NotFound, "incident_not_found"), (error.Kind, error.Code));
    }

    [Fact]
    public void Cancelling_an_instance_resolves_its_incidents()
    {
        var (harness, id, job) = AtPayment();
        harness.Execute(id, new FailJob(job, 0, "bank refused"));

        harness.Execute(id, new CancelInstance("admin"));

        Assert.Single(harness.Effects.OfType<IncidentResolved>());
        Assert.Empty(harness.Get(id).Incidents);
    }

    [Fact]
    public void Incidents_survive_the_durable_form()
    {
        var (harness, id, job) = AtPayment();
        harness.Execute(id, new FailJob(job, 0, "bank refused", "stack"));

        var again = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(harness.Get(id)));

        var incident = Assert.Single(again.Incidents);
        Assert.Equal(("job_failed", "bank refused", "stack", IncidentRetry.Job), (incident.Kind, incident.Message, incident.Details, incident.Retry));
    }

    [Fact]
    public void State_written_in_format_version_1_is_still_read()
    {
        const string version1 = """
            {"fv":1,"id":"6f1c8a4e-2b7d-4c1e-9a3f-0d5e6b7c8a91","process":"tasks","version":1,"status":"Active",
             "started":"2026-03-01T09:00:00+08:00","next":3,"vars":{"total":5},
             "elements":[{"key":2,"element":"Service_Pay","kind":"ServiceTask","at":"2026-03-01T09:00:00+08:00","job":"payment"}],"joins":[]}
            """;
        var state = InstanceStateSerializer.Deserialize(System.Text.Encoding.UTF8.GetBytes(version1));
        Assert.Equal(("Service_Pay", 0), (state.Elements[2].ElementId, state.Incidents.Count));
    }

    [Fact]
    public void Job_type_that_is_not_text_raises_an_incident_on_the_task()
    {
        var harness = new Harness();
        harness.Deploy(Processes.ServiceTask("=jobType"));
        var id = harness.Start("service", new { jobType = 5 }).InstanceId;

        Assert.Equal(("invalid_job_type", "Job"), (harness.Incident(id).Kind, harness.Incident(id).ElementId));
        Assert.Empty(harness.Effects.OfType<JobCreated>());
    }

    [Fact]
    public void Resolving_a_job_type_incident_after_fixing_the_variable_creates_the_job()
    {
        var harness = new Harness();
        harness.Deploy(Processes.ServiceTask("=jobType"));
        var id = harness.Start("service", new { jobType = 5 }).InstanceId;

        harness.Execute(id, new SetVariables(Harness.Vars(new { jobType = "notify" })!));
        harness.Execute(id, new ResolveIncident(harness.Incident(id).Key));

        Assert.Equal("notify", Assert.Single(harness.Effects.OfType<JobCreated>()).JobType);
    }

    [Fact]
    public void Setting_variables_in_a_scope_makes_them_local_to_it()
    {
        var (harness, id, job) = AtPayment();

        harness.Execute(id, new SetVariables(Harness.Vars(new { attempt = 2 })!, ScopeKey: job, User: "admin"));

        Assert.Equal(2m, harness.Get(id).Elements[job].Variables!["attempt"]);
        Assert.False(harness.Get(id).Variables.ContainsKey("attempt"));
    }

    [Fact]
    public void Setting_variables_records_who_set_them()
    {
        var (harness, id, _) = AtPayment();

        harness.Execute(id, new SetVariables(Harness.Vars(new { total = 90 })!, User: "admin"));

        var update = Assert.Single(harness.HistoryOf(HistoryEventType.VariableUpdated), h => h.Variable == "total");
        Assert.Equal(("admin", 100m, 90m), (update.User, update.OldValue, update.NewValue));
    }

    [Fact]
    public void Setting_variables_in_an_unknown_scope_is_not_found()
    {
        var (harness, id, _) = AtPayment();
        var error = Assert.Throws<WorkflowException>(() => harness.Execute(id, new SetVariables(Harness.Vars(new { a = 1 })!, ScopeKey: 999)));
        Assert.Equal("scope_not_found", error.Code);
    }

    [Fact]
    public void Due_date_that_is_not_a_date_raises_an_incident()
    {
        var harness = new Harness();
        harness.Deploy(Processes.UserTaskDue("=due"));
        var id = harness.Start("due", new { due = 12 }).InstanceId;

        Assert.Equal(("invalid_date", "T"), (harness.Incident(id).Kind, harness.Incident(id).ElementId));
        Assert.Empty(harness.Effects.OfType<TaskCreated>());
    }
}

/// <summary>Small processes written inline, for tests about one element.</summary>
internal static class Processes
{
    public const string Header = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
        """;

    public static string ServiceTask(string type) => Header + $"""
          <bpmn:process id="service" isExecutable="true">
            <bpmn:startEvent id="S" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Job" />
            <bpmn:serviceTask id="Job"><bpmn:extensionElements><zeebe:taskDefinition type="{type}" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:sequenceFlow id="F2" sourceRef="Job" targetRef="E" />
            <bpmn:endEvent id="E" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string UserTaskDue(string due, string properties = "") => Header + $"""
          <bpmn:process id="due" isExecutable="true">
            <bpmn:startEvent id="S" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
            <bpmn:userTask id="T">
              <bpmn:extensionElements><zeebe:taskSchedule dueDate="{due}" />{properties}</bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """;
}
