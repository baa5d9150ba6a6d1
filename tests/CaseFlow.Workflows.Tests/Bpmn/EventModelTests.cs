using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class MessageModelTests
{
    [Fact]
    public void A_message_end_event_without_a_message_is_refused()
    {
        var result = BpmnParser.Parse("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
              <bpmn:process id="P" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Notify_End" />
                <bpmn:endEvent id="Notify_End">
                  <bpmn:extensionElements><zeebe:taskDefinition type="notify" /></bpmn:extensionElements>
                  <bpmn:messageEventDefinition />
                </bpmn:endEvent>
              </bpmn:process>
            </bpmn:definitions>
            """);

        var problem = result.Single(ProblemCodes.MissingMessage);
        Assert.Equal("Notify_End", problem.ElementId);
        Assert.Contains("messageRef", problem.Message);
    }
}

public class EventBasedGatewayModelTests
{
    [Fact]
    public void An_event_based_gateway_leading_to_a_task_is_refused()
    {
        var result = BpmnParser.Parse("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
              <bpmn:process id="P" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Race" />
                <bpmn:eventBasedGateway id="Race" />
                <bpmn:sequenceFlow id="F2" sourceRef="Race" targetRef="Wait" />
                <bpmn:sequenceFlow id="F3" sourceRef="Race" targetRef="Review" />
                <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:userTask id="Review" />
              </bpmn:process>
            </bpmn:definitions>
            """);

        var problem = result.Single(ProblemCodes.InvalidEventBasedGateway);
        Assert.Equal("Race", problem.ElementId);
        Assert.Contains("'Review'", problem.Message);
    }
}

public class ErrorModelTests
{
    [Fact]
    public void A_non_interrupting_error_boundary_event_is_refused()
    {
        var problem = BpmnParser.Parse("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
              <bpmn:process id="P" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
                <bpmn:userTask id="T" />
                <bpmn:boundaryEvent id="On_Error" attachedToRef="T" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
              </bpmn:process>
            </bpmn:definitions>
            """).Single(ProblemCodes.NonInterruptingErrorBoundary);
        Assert.Equal("On_Error", problem.ElementId);
    }
}

public class EventSubProcessModelTests
{
    private static BpmnParseResult Parse(string body) => BpmnParser.Parse($"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
          <bpmn:process id="P" isExecutable="true">
            <bpmn:startEvent id="S" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
            <bpmn:userTask id="T" />
            {body}
          </bpmn:process>
          <bpmn:error id="Err" errorCode="E1" />
        </bpmn:definitions>
        """);

    [Fact]
    public void An_error_event_sub_process_deploys()
    {
        Parse("""
            <bpmn:subProcess id="Handler" triggeredByEvent="true">
              <bpmn:startEvent id="On_Error"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:startEvent>
            </bpmn:subProcess>
            """).AssertDeployable();
    }

    [Fact]
    public void An_event_sub_process_with_an_incoming_flow_is_refused()
    {
        var problem = Parse("""
            <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="Handler" />
            <bpmn:subProcess id="Handler" triggeredByEvent="true">
              <bpmn:startEvent id="On_Error"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:startEvent>
            </bpmn:subProcess>
            """).Single(ProblemCodes.EventSubProcessHasFlows);
        Assert.Equal("Handler", problem.ElementId);
        Assert.Contains("'F2'", problem.Message);
    }

    [Fact]
    public void An_error_start_event_outside_an_event_sub_process_is_refused()
    {
        var problem = Parse("""<bpmn:startEvent id="On_Error"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:startEvent>""")
            .Single(ProblemCodes.ErrorStartOutsideEventSubProcess);
        Assert.Equal("On_Error", problem.ElementId);
    }

    [Fact]
    public void A_message_start_event_in_an_event_sub_process_is_not_supported_yet()
    {
        var problem = BpmnParser.Parse("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
              <bpmn:process id="P" isExecutable="true">
                <bpmn:startEvent id="S" />
                <bpmn:subProcess id="Handler" triggeredByEvent="true">
                  <bpmn:startEvent id="On_Message"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
                </bpmn:subProcess>
              </bpmn:process>
              <bpmn:message id="M" name="m" />
            </bpmn:definitions>
            """).Single(ProblemCodes.UnsupportedElement);
        Assert.Equal("On_Message", problem.ElementId);
        Assert.Contains("is not supported yet", problem.Message);
    }
}
