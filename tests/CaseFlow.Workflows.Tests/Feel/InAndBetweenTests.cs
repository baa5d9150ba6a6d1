namespace CaseFlow.Workflows.Tests.Feel;

public class InAndBetweenTests
{
    [Theory]
    [InlineData("5 between 1 and 10", "true")]
    [InlineData("1 between 1 and 10", "true")]
    [InlineData("10 between 1 and 10", "true")]
    [InlineData("11 between 1 and 10", "false")]
    [InlineData("\"b\" between \"a\" and \"c\"", "true")]
    [InlineData("null between 1 and 10", "null")]
    [InlineData("5 between null and 10", "null")]
    [InlineData("50 between null and 10", "false")]
    [InlineData("@\"2024-06-01\" between @\"2024-01-01\" and @\"2024-12-31\"", "true")]
    public void Between_includes_both_ends(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Between_binds_tighter_than_and() => Assert.Equal(true, F.Eval("5 between 1 and 10 and true"));

    [Theory]
    [InlineData("5 in [1..10]", "true")]
    [InlineData("1 in (1..10]", "false")]
    [InlineData("10 in [1..10)", "false")]
    [InlineData("10 in [1..10[", "false")]
    [InlineData("1 in ]1..10]", "false")]
    [InlineData("2 in ]1..10]", "true")]
    [InlineData("5 in (1..10)", "true")]
    [InlineData("\"m\" in [\"a\"..\"z\"]", "true")]
    public void In_a_range_respects_open_and_closed_ends(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("2 in [1, 2, 3]", "true")]
    [InlineData("4 in [1, 2, 3]", "false")]
    [InlineData("\"b\" in [\"a\", \"b\"]", "true")]
    [InlineData("null in [1, null]", "true")]
    [InlineData("[1, 2] in [[1, 2], [3]]", "true")]
    public void In_a_list_tests_membership(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("2 in (1, 2, 3)", "true")]
    [InlineData("7 in (< 5, > 6)", "true")]
    [InlineData("5 in (< 5, > 6)", "false")]
    [InlineData("5 in (<= 5, > 6)", "true")]
    [InlineData("5 in ([1..3], [4..6])", "true")]
    [InlineData("5 in < 10", "true")]
    [InlineData("5 in >= 5", "true")]
    [InlineData("5 in 5", "true")]
    [InlineData("\"x\" in (\"a\", \"b\")", "false")]
    public void In_parenthesised_unary_tests_is_true_when_any_holds(string expression, string expected) =>
        Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void In_a_list_variable_tests_membership() =>
        Assert.Equal(true, F.Eval("status in allowed", ("status", "open"), ("allowed", new object?[] { "new", "open" })));

    [Fact]
    public void In_a_range_variable_tests_membership() =>
        Assert.Equal(false, F.Eval("x in r", ("x", 11m), ("r", F.Eval("[1..10]"))));

    [Fact]
    public void In_a_test_with_the_input_marker_uses_its_boolean_result() =>
        Assert.Equal(true, F.Eval("x in (? > 3 and ? < 8)", ("x", 5m)));

    [Fact]
    public void In_a_range_of_another_type_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("\"a\" in [1..10]");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void A_unary_comparison_alone_is_a_range_value() => Assert.Equal("> 5", F.Text("> 5"));

    [Fact]
    public void A_unary_comparison_range_has_one_open_unbounded_end() =>
        Assert.Equal("[null, false, 5, true]", F.Text("[r.start, r.start included, r.end, r.end included]", ("r", F.Eval("<= 5"))));

    [Fact]
    public void A_range_literal_is_a_range_value() => Assert.Equal("[1..10)", F.Text("[1..10)"));

    [Fact]
    public void A_range_with_mismatched_endpoints_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("[1..\"z\"]");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }
}
