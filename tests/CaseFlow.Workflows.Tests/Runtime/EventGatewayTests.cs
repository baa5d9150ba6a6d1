using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class EventGatewayTests
{
    private static (Harness Harness, Guid Id) AtRace()
    {
        var harness = Harness.For("event-gateway.bpmn");
        return (harness, harness.Start("race", new { caseId = "LD-1" }).InstanceId);
    }

    [Fact]
    public void Event_based_gateway_opens_the_timers_and_subscriptions_after_it()
    {
        var (harness, id) = AtRace();
        var gateway = harness.KeyOf(id, "Race");

        var timer = Assert.Single(harness.Effects.OfType<TimerScheduled>());
        Assert.Equal(("Deadline", gateway), (timer.EventId, timer.ElementKey));
        Assert.Equal(["Reply_Arrives", "Wait_Documents"], harness.Effects.OfType<MessageSubscriptionOpened>().Select(s => s.EventId));
        Assert.All(harness.Effects.OfType<MessageSubscriptionOpened>(), s => Assert.Equal(gateway, s.ElementKey));
    }

    [Fact]
    public void Event_based_gateway_waits_at_the_gateway()
    {
        var (harness, id) = AtRace();
        Assert.Equal(["Race"], harness.Get(id).Elements.Values.Select(e => e.ElementId));
    }

    [Fact]
    public void Event_based_gateway_cancels_the_timer_when_the_message_wins()
    {
        var (harness, id) = AtRace();
        var deadline = harness.Timer(id, "Deadline").Key;

        harness.Correlate(id, "Reply_Arrives", new { answer = "agreed" });

        Assert.Equal(deadline, Assert.Single(harness.Effects.OfType<TimerCancelled>()).TimerKey);
        Assert.Equal(["Task_Reply"], harness.ActiveTasks(id));
        Assert.Equal("agreed", harness.Get(id).Variables["employerAnswer"]);
    }

    [Fact]
    public void Event_based_gateway_closes_the_subscriptions_when_the_timer_wins()
    {
        var (harness, id) = AtRace();

        harness.FireTimer(id, "Deadline");

        Assert.Equal(2, harness.Effects.OfType<MessageSubscriptionClosed>().Count());
        Assert.Empty(harness.Get(id).Subscriptions);
        Assert.Equal(["Task_Escalate"], harness.ActiveTasks(id));
    }

    [Fact]
    public void Winning_event_is_entered_and_left_after_the_gateway()
    {
        var (harness, id) = AtRace();

        harness.Correlate(id, "Wait_Documents");

        var trail = harness.History.Where(h => h.Type is HistoryEventType.ElementLeft or HistoryEventType.ElementEntered or HistoryEventType.FlowTaken)
            .SkipWhile(h => !(h.Type == HistoryEventType.ElementLeft && h.ElementId == "Race"))
            .Select(h => $"{h.Type} {h.ElementId}").Take(4);
        Assert.Equal(["ElementLeft Race", "FlowTaken F_Documents", "ElementEntered Wait_Documents", "ElementLeft Wait_Documents"], trail);
    }

    [Fact]
    public void A_late_timer_after_the_message_won_is_not_active()
    {
        var (harness, id) = AtRace();
        var deadline = harness.Timer(id, "Deadline").Key;
        harness.Correlate(id, "Reply_Arrives");

        var error = Assert.Throws<WorkflowException>(() => harness.Execute(id, new FireTimer(deadline)));
        Assert.Equal("timer_not_active", error.Code);
    }
}
