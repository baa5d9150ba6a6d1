using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class SupportTests
{
    [Theory]
    [InlineData("Complex", "complexGateway")]
    [InlineData("Transaction", "transaction")]
    [InlineData("Cancel_Boundary", "cancelEventDefinition")]
    [InlineData("AdHoc", "adHocSubProcess")]
    [InlineData("Signal_Catch", "signalEventDefinition")]
    [InlineData("Escalation_Throw", "escalationEventDefinition")]
    [InlineData("Conditional_Catch", "conditionalEventDefinition")]
    [InlineData("Compensation_Throw", "compensateEventDefinition")]
    [InlineData("Looping_Task", "standardLoopCharacteristics")]
    [InlineData("Link_Throw", "linkEventDefinition")]
    [InlineData("Link_Catch", "linkEventDefinition")]
    [InlineData("Signal_End", "signalEventDefinition")]
    [InlineData("Choreography_1", "choreography")]
    public void Elements_CaseFlow_cannot_run_are_refused_naming_the_element(string id, string elementName)
    {
        var result = Fixture.Parse("unsupported-elements");

        var problem = Assert.Single(result.All(ProblemCodes.UnsupportedElement), p => p.ElementId == id);
        Assert.Contains(elementName, problem.Message);
        Assert.Contains("is not supported:", problem.Message);
        Assert.Equal(Fixture.LineOf("unsupported-elements", $"id=\"{id}\""), problem.Line);
    }

    [Fact]
    public void Unsupported_elements_add_no_follow_on_problems()
    {
        var result = Fixture.Parse("unsupported-elements");

        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.UnsupportedElement, p.Code));
    }

    [Theory]
    [InlineData("Timer_Start", "timer start event in an event sub-process")]
    public void Elements_parsed_but_not_run_yet_are_refused_as_not_supported_yet(string id, string kind)
    {
        var result = Fixture.Parse("not-yet-supported");

        var problem = Assert.Single(result.All(ProblemCodes.UnsupportedElement), p => p.ElementId == id);
        Assert.Contains($"The {kind} (", problem.Message);
        Assert.Contains("is not supported yet", problem.Message);
    }

    [Fact]
    public void Elements_not_run_yet_are_still_parsed_into_the_model()
    {
        var result = Fixture.Parse("not-yet-supported");

        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.UnsupportedElement, p.Code));
        var process = result.Processes.Single(p => p.Id == "Process_1");
        var timer = Assert.IsType<Model.BoundaryEvent>(process.Node("Timer_Boundary"));
        Assert.Equal(Model.TimerKind.Duration, timer.Timer?.Kind);
        Assert.Equal("P3D", timer.Timer?.Value.Source);
        Assert.Equal("REJECTED", process.Node("Error_End") is Model.EndEvent end ? end.ErrorCode : null);
        var wait = Assert.IsType<Model.ReceiveTask>(process.Node("Wait"));
        Assert.Equal("reply", wait.Message.Name);
        Assert.Equal("= caseId", wait.Message.CorrelationKey?.Source);
        var decide = Assert.IsType<Model.BusinessRuleTask>(process.Node("Decide"));
        Assert.Equal("risk", decide.DecisionId.Source);
        Assert.True(Assert.IsType<Model.SubProcess>(process.Node("Event_Sub")).TriggeredByEvent);
    }

    [Theory]
    [InlineData("none start event", SupportLevel.Executable)]
    [InlineData("terminate end event", SupportLevel.Executable)]
    [InlineData("business rule task", SupportLevel.Executable)]
    [InlineData("timer boundary event", SupportLevel.Executable)]
    [InlineData("error boundary event", SupportLevel.Executable)]
    [InlineData("message boundary event", SupportLevel.Executable)]
    [InlineData("event-based gateway", SupportLevel.Executable)]
    [InlineData("event sub-process", SupportLevel.Executable)]
    [InlineData("message start event in an event sub-process", SupportLevel.NotYet)]
    [InlineData("signal end event", SupportLevel.Unsupported)]
    public void The_support_table_says_how_far_each_kind_runs(string kind, SupportLevel level)
    {
        Assert.Equal(level, Support.LevelOf(kind));
    }
}
