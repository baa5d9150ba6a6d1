using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class MessageTests
{
    [Fact]
    public void Receive_task_opens_a_subscription_with_its_correlation_key()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("receive", new { caseId = "LD-2026-7" }).InstanceId;

        var opened = Assert.Single(harness.Effects.OfType<MessageSubscriptionOpened>());
        Assert.Equal(("employer-reply", "LD-2026-7", "Wait_Reply", harness.KeyOf(id, "Wait_Reply")),
            (opened.MessageName, opened.CorrelationKey, opened.EventId, opened.ElementKey));
    }

    [Fact]
    public void Numeric_correlation_key_is_its_plain_decimal_text()
    {
        var harness = Harness.For("messages.bpmn");
        harness.Start("receive", new { caseId = 1200.50m });

        Assert.Equal("1200.5", Assert.Single(harness.Effects.OfType<MessageSubscriptionOpened>()).CorrelationKey);
    }

    [Fact]
    public void Correlation_key_that_is_not_text_or_number_raises_an_incident()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("receive").InstanceId;

        Assert.Equal(("correlation_key_invalid", "Wait_Reply"), (harness.Incident(id).Kind, harness.Incident(id).ElementId));
        Assert.Empty(harness.Get(id).Subscriptions);
    }

    [Fact]
    public void Message_arriving_for_the_receive_task_continues_the_instance()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("receive", new { caseId = "LD-2026-7" }).InstanceId;

        harness.Correlate(id, "Wait_Reply", new { answer = "will pay" });

        Assert.Equal(["Task_After"], harness.ActiveTasks(id));
        Assert.Equal("will pay", harness.Get(id).Variables["employerAnswer"]);
        Assert.False(harness.Get(id).Variables.ContainsKey("answer"));
    }

    [Fact]
    public void Correlated_subscription_is_closed()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("receive", new { caseId = "LD-2026-7" }).InstanceId;
        var key = harness.Subscription(id, "Wait_Reply").Key;

        harness.Correlate(id, "Wait_Reply");

        Assert.Equal(key, Assert.Single(harness.Effects.OfType<MessageSubscriptionClosed>()).SubscriptionKey);
        var error = Assert.Throws<WorkflowException>(() => harness.Execute(id, new CorrelateMessage(key, "employer-reply", null)));
        Assert.Equal((WorkflowErrorKind.Conflict, "subscription_not_active"), (error.Kind, error.Code));
    }

    [Fact]
    public void Message_with_another_name_is_refused()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("receive", new { caseId = "LD-2026-7" }).InstanceId;

        var error = Assert.Throws<WorkflowException>(() =>
            harness.Execute(id, new CorrelateMessage(harness.Subscription(id, "Wait_Reply").Key, "documents", null)));
        Assert.Equal("message_name_mismatch", error.Code);
    }

    [Fact]
    public void Message_catch_event_waits_and_continues_with_the_message_variables()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("catch", new { caseId = "C-1" }).InstanceId;

        harness.Correlate(id, "Catch_Documents", new { pages = 3 });

        Assert.Equal(["Task_Documents"], harness.ActiveTasks(id));
        Assert.Equal(3m, harness.Get(id).Variables["pages"]);
    }

    [Fact]
    public void Interrupting_message_boundary_event_ends_the_task()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("boundary-message", new { caseId = "C-1" }).InstanceId;

        harness.Correlate(id, "On_Withdraw");

        Assert.Equal(["Task_Close"], harness.ActiveTasks(id));
        Assert.Single(harness.Effects.OfType<TaskCancelled>());
    }

    [Fact]
    public void Interrupting_message_boundary_event_closes_the_other_subscriptions()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("boundary-message", new { caseId = "C-1" }).InstanceId;

        harness.Correlate(id, "On_Withdraw");

        Assert.Equal(2, harness.Effects.OfType<MessageSubscriptionClosed>().Count());
        Assert.Empty(harness.Get(id).Subscriptions);
    }

    [Fact]
    public void Non_interrupting_message_boundary_event_keeps_the_task_and_its_subscription()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("boundary-message", new { caseId = "C-1" }).InstanceId;

        harness.Correlate(id, "On_Information");
        harness.Correlate(id, "On_Information");

        Assert.Equal(["Task_Mediate", "Task_Read", "Task_Read"], harness.ActiveTasks(id).Order());
        Assert.Empty(harness.Effects.OfType<MessageSubscriptionClosed>());
    }

    [Fact]
    public void Completing_the_task_closes_its_boundary_subscriptions()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("boundary-message", new { caseId = "C-1" }).InstanceId;

        harness.CompleteTask(id, "Task_Mediate");

        Assert.Equal(2, harness.Effects.OfType<MessageSubscriptionClosed>().Count());
    }

    [Fact]
    public void Message_start_event_starts_the_instance_there_with_the_message_variables()
    {
        var harness = Harness.For("messages.bpmn");
        var start = Assert.Single(harness.Definition("complaint").MessageStartEvents);

        var id = harness.Start("complaint", new { caller = "13800000000" }, startEventId: start.Id).InstanceId;

        Assert.Equal("complaint", start.Message!.Name);
        Assert.Equal(["Task_Triage"], harness.ActiveTasks(id));
        Assert.Equal("13800000000", harness.Get(id).Variables["caller"]);
    }

    [Fact]
    public void Message_throw_event_publishes_with_its_key_and_input_mappings()
    {
        var harness = Harness.For("messages.bpmn");
        harness.Start("publish", new { caseId = "LD-9", amount = 100 });

        var published = harness.Effects.OfType<MessagePublished>().First();
        Assert.Equal(("employer-reply", "LD-9", 200m), (published.MessageName, published.CorrelationKey, published.Variables["claimed"]));
    }

    [Fact]
    public void Message_end_event_publishes_and_ends()
    {
        var harness = Harness.For("messages.bpmn");
        var id = harness.Start("publish", new { caseId = "LD-9", amount = 100 }).InstanceId;

        var published = harness.Effects.OfType<MessagePublished>().Last();
        Assert.Equal(("complaint", ""), (published.MessageName, published.CorrelationKey));
        Assert.Equal(InstanceStatus.Completed, harness.Get(id).Status);
    }

    [Fact]
    public void Subscriptions_survive_the_durable_form()
    {
        var harness = Harness.For("messages.bpmn");
        var state = harness.Start("boundary-message", new { caseId = "C-1" });

        var again = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(state));

        Assert.Equal(["information C-1", "withdraw C-1"],
            again.Subscriptions.Select(s => $"{s.MessageName} {s.CorrelationKey}").Order());
    }
}
