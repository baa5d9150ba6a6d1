using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Dmn;
using static CaseFlow.Workflows.Tests.Dmn.DmnFixture;

namespace CaseFlow.Workflows.Tests.Dmn;

public sealed class DmnProblemTests
{
    [Fact]
    public void Malformed_xml_is_an_invalid_xml_problem() =>
        Assert.Equal(DmnProblemCodes.InvalidXml, Assert.Single(DmnParser.Parse("<definitions").Problems).Code);

    [Fact]
    public void Empty_input_is_an_invalid_xml_problem() =>
        Assert.Equal(DmnProblemCodes.InvalidXml, Assert.Single(DmnParser.Parse("").Problems).Code);

    [Fact]
    public void A_bpmn_file_is_not_dmn() =>
        Assert.Equal(DmnProblemCodes.NotDmn, Assert.Single(DmnParser.Parse("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>").Problems).Code);

    [Fact]
    public void A_cell_that_is_not_feel_is_an_invalid_expression_at_its_rule_with_feel_line_and_column()
    {
        var problem = Assert.Single(Parse("invalid-expression.dmn").Problems, p => p.Code == DmnProblemCodes.InvalidExpression);
        Assert.Equal(("badCell", 8), (problem.ElementId, problem.Line));
        Assert.Contains("line 1, column", problem.Message);
    }

    [Fact]
    public void A_file_with_an_invalid_expression_is_not_deployable() => Assert.False(Parse("invalid-expression.dmn").IsDeployable);

    [Fact]
    public void A_missing_required_decision_is_reported() =>
        Assert.Contains(DmnParser.Parse("""
            <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="d">
              <decision id="a" name="A"><informationRequirement><requiredDecision href="#gone"/></informationRequirement>
                <literalExpression><text>1</text></literalExpression></decision>
            </definitions>
            """).Problems, p => p.Code == DmnProblemCodes.MissingRequirement && p.ElementId == "a");

    [Fact]
    public void Overlapping_rules_under_unique_are_an_error_at_the_second_rule()
    {
        var problem = Assert.Single(Parse("unique-overlap.dmn").Problems);
        Assert.Equal((DmnProblemCodes.OverlappingRules, "unique_r2", ProblemSeverity.Error), (problem.Code, problem.ElementId, problem.Severity));
    }

    [Fact]
    public void A_cell_of_the_wrong_type_is_an_error_naming_rule_and_input_column()
    {
        var problem = Assert.Single(Parse("table-analysis.dmn").Problems, p => p.Code == DmnProblemCodes.TypeMismatch);
        Assert.Equal("wrongType", problem.ElementId);
        Assert.Contains("input 1 'Age'", problem.Message);
    }

    [Fact]
    public void An_uncovered_input_value_is_a_gap_warning() =>
        Assert.Contains(Parse("table-analysis.dmn").Problems, p =>
            p is { Code: DmnProblemCodes.TableGap, ElementId: "checkedTable", Severity: ProblemSeverity.Warning } && p.Message.Contains("\"high\""));

    [Fact]
    public void An_uncovered_numeric_stretch_is_a_gap_warning() =>
        Assert.Contains(Parse("table-analysis.dmn").Problems, p =>
            p is { Code: DmnProblemCodes.TableGap, ElementId: "gappyTable" } && p.Message.Contains("[18..30)"));

    [Fact]
    public void Dmn_1_3_1_4_and_1_5_namespaces_are_read() =>
        Assert.All(new[] { "aid-level.dmn", "unique-overlap.dmn", "hit-policies.dmn" }, f => Assert.NotEmpty(Parse(f).Decisions));
}
