using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>Boundary events on multi-instance activities and how boundary events open and close together.</summary>
public class BoundaryTests
{
    private const string MultiInstanceReview = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
          <bpmn:process id="reviews" isExecutable="true">
            <bpmn:startEvent id="S" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Check" />
            <bpmn:serviceTask id="Check">
              <bpmn:extensionElements><zeebe:taskDefinition type="check" /></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics>
                <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=claimants" inputElement="claimant" /></bpmn:extensionElements>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:serviceTask>
            <bpmn:boundaryEvent id="Too_Slow" attachedToRef="Check">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="On_Fraud" attachedToRef="Check">
              <bpmn:errorEventDefinition errorRef="Fraud" />
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="On_Withdraw" attachedToRef="Check">
              <bpmn:messageEventDefinition messageRef="Withdraw" />
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F2" sourceRef="Check" targetRef="Done" />
            <bpmn:userTask id="Done" />
            <bpmn:sequenceFlow id="F3" sourceRef="Too_Slow" targetRef="Late" />
            <bpmn:userTask id="Late" />
            <bpmn:sequenceFlow id="F4" sourceRef="On_Fraud" targetRef="Investigate" />
            <bpmn:userTask id="Investigate" />
            <bpmn:sequenceFlow id="F5" sourceRef="On_Withdraw" targetRef="Closed" />
            <bpmn:userTask id="Closed" />
          </bpmn:process>
          <bpmn:error id="Fraud" errorCode="FRAUD" />
          <bpmn:message id="Withdraw" name="withdraw">
            <bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements>
          </bpmn:message>
        </bpmn:definitions>
        """;

    private static (Harness Harness, Guid Id) Started(object variables)
    {
        var harness = new Harness();
        harness.Deploy(MultiInstanceReview);
        return (harness, harness.Start("reviews", variables).InstanceId);
    }

    [Fact]
    public void Boundary_timer_of_a_multi_instance_activity_is_scheduled_once_for_the_body()
    {
        var (harness, id) = Started(new { caseId = "C-1", claimants = new[] { "wang", "li", "zhao" } });

        var timer = Assert.Single(harness.Effects.OfType<TimerScheduled>());
        Assert.Equal(ElementKind.MultiInstanceBody, harness.Get(id).Elements[timer.ElementKey].Kind);
    }

    [Fact]
    public void Error_from_one_inner_instance_is_caught_by_the_boundary_of_the_body()
    {
        var (harness, id) = Started(new { caseId = "C-1", claimants = new[] { "wang", "li" } });
        var first = harness.Get(id).Elements.Values.First(e => e.LoopCounter == 1).Key;

        harness.Execute(id, new ThrowError(first, "FRAUD"));

        Assert.Equal(["Investigate"], harness.ActiveTasks(id));
        Assert.Equal(2, harness.Effects.OfType<JobCancelled>().Count());
    }

    [Fact]
    public void A_bad_boundary_correlation_key_opens_none_of_the_boundary_events()
    {
        var (harness, id) = Started(new { claimants = new[] { "wang" } });

        Assert.Equal(("correlation_key_invalid", "Check"), (harness.Incident(id).Kind, harness.Incident(id).ElementId));
        Assert.Empty(harness.Get(id).Timers);
        Assert.Empty(harness.Effects.OfType<JobCreated>());
    }

    [Fact]
    public void Resolving_a_boundary_incident_after_fixing_the_key_opens_each_event_once()
    {
        var (harness, id) = Started(new { claimants = new[] { "wang" } });
        harness.Execute(id, new SetVariables(Harness.Vars(new { caseId = 77 })!));

        harness.Execute(id, new ResolveIncident(harness.Incident(id).Key));

        Assert.Single(harness.Get(id).Timers);
        Assert.Equal("77", Assert.Single(harness.Get(id).Subscriptions).CorrelationKey);
        Assert.Single(harness.Effects.OfType<JobCreated>());
    }

    [Fact]
    public void Terminate_end_event_cancels_the_timers_of_the_other_branches()
    {
        var harness = new Harness();
        harness.Deploy("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
              <bpmn:process id="race" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Fork" />
                <bpmn:parallelGateway id="Fork" />
                <bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="Wait" />
                <bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="Decide" />
                <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:userTask id="Decide" />
                <bpmn:sequenceFlow id="F4" sourceRef="Decide" targetRef="Stop" />
                <bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
                <bpmn:sequenceFlow id="F5" sourceRef="Wait" targetRef="E" />
                <bpmn:endEvent id="E" />
              </bpmn:process>
            </bpmn:definitions>
            """);
        var id = harness.Start("race").InstanceId;

        harness.CompleteTask(id, "Decide");

        Assert.Single(harness.Effects.OfType<TimerCancelled>());
        Assert.Equal(InstanceStatus.Completed, harness.Get(id).Status);
    }
}
