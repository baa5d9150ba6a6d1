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
