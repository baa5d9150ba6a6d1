namespace CaseFlow.Workflows.Tests.Feel;

public class LogicTests
{
    // The DMN truth tables: null is "unknown", false dominates and, true dominates or.
    [Theory]
    [InlineData("true", "true", "true")]
    [InlineData("true", "false", "false")]
    [InlineData("true", "null", "null")]
    [InlineData("false", "true", "false")]
    [InlineData("false", "false", "false")]
    [InlineData("false", "null", "false")]
    [InlineData("null", "true", "null")]
    [InlineData("null", "false", "false")]
    [InlineData("null", "null", "null")]
    [InlineData("\"x\"", "false", "false")]
    [InlineData("1", "true", "null")]
    public void And_is_three_valued(string left, string right, string expected) =>
        Assert.Equal(expected, F.Text($"{left} and {right}"));

    [Theory]
    [InlineData("true", "true", "true")]
    [InlineData("true", "false", "true")]
    [InlineData("true", "null", "true")]
    [InlineData("false", "true", "true")]
    [InlineData("false", "false", "false")]
    [InlineData("false", "null", "null")]
    [InlineData("null", "true", "true")]
    [InlineData("null", "false", "null")]
    [InlineData("null", "null", "null")]
    [InlineData("\"x\"", "true", "true")]
    [InlineData("1", "false", "null")]
    public void Or_is_three_valued(string left, string right, string expected) =>
        Assert.Equal(expected, F.Text($"{left} or {right}"));

    [Theory]
    [InlineData("not(true)", "false")]
    [InlineData("not(false)", "true")]
    [InlineData("not(null)", "null")]
    [InlineData("not(1)", "null")]
    public void Not_negates_booleans_only(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void And_does_not_evaluate_the_right_side_after_false() =>
        Assert.Empty(F.EvalWarn("false and missing > 1").Warnings);

    [Fact]
    public void Or_does_not_evaluate_the_right_side_after_true() =>
        Assert.Empty(F.EvalWarn("true or missing > 1").Warnings);

    [Fact]
    public void A_non_boolean_operand_adds_a_warning() =>
        Assert.Contains(F.EvalWarn("1 and true").Warnings, w => w.Contains("not a boolean"));

    [Theory]
    [InlineData("if true then 1 else 2", "1")]
    [InlineData("if false then 1 else 2", "2")]
    [InlineData("if null then 1 else 2", "2")]
    [InlineData("if \"yes\" then 1 else 2", "2")]
    [InlineData("if 1 > 0 then if 2 > 3 then \"a\" else \"b\" else \"c\"", "b")]
    public void If_takes_the_else_branch_unless_the_condition_is_true(string expression, string expected) =>
        Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void If_evaluates_only_the_chosen_branch() =>
        Assert.Empty(F.EvalWarn("if true then 1 else missing").Warnings);

    [Fact]
    public void A_gateway_condition_on_a_nested_context() =>
        Assert.Equal(true, F.Eval("amount > 5000 and applicant.category = \"illness\"",
            ("amount", 7500m), ("applicant", F.Context(("category", "illness")))));
}
