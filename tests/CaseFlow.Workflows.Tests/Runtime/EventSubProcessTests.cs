using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

public class EventSubProcessTests
{
    [Fact]
    public void Error_event_sub_process_takes_over_its_scope()
    {
        var harness = Harness.For("event-sub-process.bpmn");
        var id = harness.Start("incomplete").InstanceId;

        harness.CompleteTask(id, "Task_Assess");

        Assert.Equal(["Task_Request_Documents"], harness.ActiveTasks(id));
        Assert.Single(harness.Effects.OfType<TaskCancelled>());
    }

    [Fact]
    public void Scope_ends_when_its_error_event_sub_process_ends()
    {
        var harness = Harness.For("event-sub-process.bpmn");
        var id = harness.Start("incomplete").InstanceId;
        harness.CompleteTask(id, "Task_Assess");

        harness.CompleteTask(id, "Task_Request_Documents");

        Assert.Equal(InstanceStatus.Completed, harness.Get(id).Status);
    }

    [Fact]
    public void Job_error_in_a_sub_process_is_caught_by_the_process_level_event_sub_process()
    {
        var harness = Harness.For("event-sub-process.bpmn");
        var id = harness.Start("payment").InstanceId;

        harness.Execute(id, new ThrowError(harness.KeyOf(id, "Pay"), "BANK_CLOSED"));

        Assert.Equal(["Task_Manual"], harness.ActiveTasks(id));
        Assert.Contains(harness.History, h => h.Type == HistoryEventType.ElementTerminated && h.ElementId == "Sub_Payment");
        Assert.Contains(harness.History, h => h.Type == HistoryEventType.ErrorCaught && h.ElementId == "On_Any_Error");
    }

    [Fact]
    public void Error_thrown_inside_the_running_event_sub_process_is_not_caught_by_it_again()
    {
        var harness = new Harness();
        harness.Deploy("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
              <bpmn:process id="loop" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Pay" />
                <bpmn:serviceTask id="Pay"><bpmn:extensionElements><zeebe:taskDefinition type="payment" /></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:subProcess id="Handler" triggeredByEvent="true">
                  <bpmn:startEvent id="On_Error"><bpmn:errorEventDefinition /></bpmn:startEvent>
                  <bpmn:sequenceFlow id="H1" sourceRef="On_Error" targetRef="Refund" />
                  <bpmn:serviceTask id="Refund"><bpmn:extensionElements><zeebe:taskDefinition type="refund" /></bpmn:extensionElements></bpmn:serviceTask>
                </bpmn:subProcess>
              </bpmn:process>
            </bpmn:definitions>
            """);
        var id = harness.Start("loop").InstanceId;
        harness.Execute(id, new ThrowError(harness.KeyOf(id, "Pay"), "FIRST"));

        harness.Execute(id, new ThrowError(harness.KeyOf(id, "Refund"), "SECOND"));

        Assert.Equal(("unhandled_error", "Refund"), (harness.Incident(id).Kind, harness.Incident(id).ElementId));
        Assert.Single(harness.History, h => h.Type == HistoryEventType.ElementEntered && h.ElementId == "Handler");
    }
}
