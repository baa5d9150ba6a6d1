using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class ExpressionTests
{
    /// <summary>Needs the FEEL parser: the syntax error and its column come from it.</summary>
    [Fact]
    public void Invalid_feel_is_reported_with_the_element_its_line_and_the_column()
    {
        var problem = Fixture.Parse("invalid-expression").Single(ProblemCodes.InvalidExpression);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Equal(Fixture.LineOf("invalid-expression", "<bpmn:userTask"), problem.Line);
        Assert.Contains("'doubled'", problem.Message);
        Assert.Contains("column", problem.Message);
    }

    [Fact]
    public void A_juel_condition_is_named_as_juel_and_pointed_to_feel()
    {
        var result = Fixture.Parse("juel-condition");

        var problem = result.Single(ProblemCodes.InvalidExpression);
        Assert.Equal("Flow_Yes", problem.ElementId);
        Assert.Contains("JUEL expression; CaseFlow uses FEEL", problem.Message);
        // The flow still counts as conditional, so no gateway noise follows.
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_juel_expression_in_a_static_attribute_is_reported_too()
    {
        var problem = Fixture.Parse("juel-assignee").Single(ProblemCodes.InvalidExpression);

        Assert.Contains("assignee", problem.Message);
        Assert.Contains("JUEL", problem.Message);
    }
}
