using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class TimerModelTests
{
    private static BpmnParseResult Parse(string body) => BpmnParser.Parse($"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
          <bpmn:process id="P" isExecutable="true">
            <bpmn:startEvent id="S" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Task" />
            <bpmn:userTask id="Task" />
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """);

    private static string Boundary(string definition, bool interrupting = true) => $"""
        <bpmn:boundaryEvent id="Timer" attachedToRef="Task" cancelActivity="{(interrupting ? "true" : "false")}">
          <bpmn:timerEventDefinition>{definition}</bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        """;

    [Fact]
    public void Timer_events_deploy()
    {
        Parse(Boundary("<bpmn:timeCycle>R3/PT1H</bpmn:timeCycle>", interrupting: false)).AssertDeployable();
    }

    [Fact]
    public void A_static_timer_value_that_cannot_be_read_is_refused_with_the_element_id()
    {
        var problem = Parse(Boundary("<bpmn:timeDuration>three days</bpmn:timeDuration>")).Single(ProblemCodes.InvalidTimerValue);
        Assert.Equal("Timer", problem.ElementId);
        Assert.Contains("'three days'", problem.Message);
    }

    [Fact]
    public void A_cron_cycle_on_a_boundary_event_is_refused()
    {
        var problem = Parse(Boundary("<bpmn:timeCycle>0 0 9 * * MON-FRI</bpmn:timeCycle>", interrupting: false)).Single(ProblemCodes.TimerCycleNotAllowed);
        Assert.Equal("Timer", problem.ElementId);
        Assert.Contains("timer start event", problem.Message);
    }

    [Fact]
    public void A_cycle_on_a_timer_catch_event_is_refused()
    {
        var problem = Parse("""
            <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """).Single(ProblemCodes.TimerCycleNotAllowed);
        Assert.Equal("Wait", problem.ElementId);
    }

    [Fact]
    public void A_timer_start_event_inside_an_embedded_sub_process_is_refused()
    {
        var problem = Parse("""
            <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="Sub" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="Inner" />
              <bpmn:startEvent id="Inner_Timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
            </bpmn:subProcess>
            """).Single(ProblemCodes.TriggeredStartInSubProcess);
        Assert.Equal("Inner_Timer", problem.ElementId);
    }

    [Fact]
    public void Zeebe_properties_are_read_into_the_model()
    {
        var result = Parse("""
            <bpmn:boundaryEvent id="Timer" attachedToRef="Task">
              <bpmn:extensionElements><zeebe:properties><zeebe:property name="caseflow:workingDays" value="true" /></zeebe:properties></bpmn:extensionElements>
              <bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            """);
        Assert.True(result.Processes[0].Node("Timer").CountsWorkingDays);
        Assert.False(result.Processes[0].Node("Task").CountsWorkingDays);
    }
}
