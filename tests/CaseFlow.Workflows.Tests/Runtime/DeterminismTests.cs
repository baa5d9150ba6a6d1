using System.Text;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class DeterminismTests
{
    [Fact]
    public void Same_commands_on_the_same_state_give_the_same_history()
    {
        static string Trace()
        {
            var harness = Harness.For("inclusive.bpmn");
            var id = harness.Start("inclusive", new { illness = true, school = true }).InstanceId;
            harness.CompleteTask(id, "Task_School");
            harness.CompleteTask(id, "Task_Medical");
            return string.Join("\n", harness.History.Select(h => $"{h.Type} {h.ElementId} {h.ElementKey}"));
        }
        Assert.Equal(Trace(), Trace());
    }

    [Fact]
    public void Same_timer_message_error_and_incident_commands_give_the_same_history()
    {
        static string Trace()
        {
            var harness = Harness.For("timers.bpmn", "messages.bpmn", "errors.bpmn", "event-gateway.bpmn", "exclusive.bpmn");
            var boundary = harness.Start("boundary").InstanceId;
            harness.FireTimer(boundary, "Timer_Remind");
            harness.FireTimer(boundary, "Timer_Late");
            var mediation = harness.Start("boundary-message", new { caseId = "C-1" }).InstanceId;
            harness.Correlate(mediation, "On_Information", new { note = "more" });
            harness.Correlate(mediation, "On_Withdraw");
            var race = harness.Start("race", new { caseId = "C-2" }).InstanceId;
            harness.Correlate(race, "Reply_Arrives", new { answer = "no" });
            var payment = harness.Start("job-error").InstanceId;
            harness.Execute(payment, new FailJob(harness.KeyOf(payment, "Pay"), 1, "timeout"));
            harness.Execute(payment, new ThrowError(harness.KeyOf(payment, "Pay"), "NO_FUNDS"));
            var gateway = harness.Start("exclusive").InstanceId;
            harness.Execute(gateway, new SetVariables(Harness.Vars(new { amount = 9000 })!));
            harness.Execute(gateway, new ResolveIncident(harness.Incident(gateway).Key));
            return string.Join("\n", harness.History.Select(h => $"{h.Type} {h.ElementId} {h.ElementKey} {h.Detail}"))
                + string.Join("\n", harness.Effects.Select(e => e.GetType().Name));
        }
        Assert.Equal(Trace(), Trace());
    }

    [Fact]
    public void State_with_timers_subscriptions_and_incidents_survives_its_durable_form_unchanged()
    {
        var harness = Harness.For("timers.bpmn", "messages.bpmn", "exclusive.bpmn");
        var states = new[]
        {
            harness.Start("boundary"),
            harness.Start("boundary-message", new { caseId = "C-1" }),
            harness.Start("exclusive"),
        };
        foreach (var state in states)
        {
            var json = InstanceStateSerializer.Serialize(state);
            var again = InstanceStateSerializer.Serialize(InstanceStateSerializer.Deserialize(json));
            Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(again));
        }
    }

    [Fact]
    public void State_survives_its_durable_form_unchanged()
    {
        var harness = Harness.For("multi.bpmn");
        var instance = harness.Start("multi-parallel", new
        {
            claimants = new object[] { new Dictionary<string, object?> { ["name"] = "王", ["wage"] = 1234.50m } },
            note = "欠薪 \"quoted\"",
        });

        var json = InstanceStateSerializer.Serialize(instance);
        var again = InstanceStateSerializer.Serialize(InstanceStateSerializer.Deserialize(json));

        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(again));
    }

    [Fact]
    public void A_chain_of_ten_thousand_steps_runs_without_recursion()
    {
        var xml = new StringBuilder("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
            <bpmn:process id="chain" isExecutable="true"><bpmn:startEvent id="S" />
            """);
        var previous = "S";
        for (var i = 0; i < 10_000; i++)
        {
            xml.Append($"""<bpmn:task id="T{i}" /><bpmn:sequenceFlow id="F{i}" sourceRef="{previous}" targetRef="T{i}" />""");
            previous = $"T{i}";
        }
        xml.Append($"""<bpmn:endEvent id="E" /><bpmn:sequenceFlow id="FE" sourceRef="{previous}" targetRef="E" /></bpmn:process></bpmn:definitions>""");
        var harness = new Harness();
        harness.Deploy(xml.ToString());

        Assert.Equal(InstanceStatus.Completed, harness.Start("chain").Status);
    }
}
