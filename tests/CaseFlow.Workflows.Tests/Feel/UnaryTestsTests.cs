using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

public class UnaryTestsTests
{
    private static bool? Test(string tests, object? input, params (string, object?)[] variables) =>
        FeelUnaryTests.Parse(tests).Evaluate(input, F.Scope(variables));

    [Theory]
    [InlineData("-", "42", true)]
    [InlineData("", "42", true)]
    [InlineData("< 10", "5", true)]
    [InlineData("< 10", "10", false)]
    [InlineData("<= 10", "10", true)]
    [InlineData(">= 18", "18", true)]
    [InlineData("[1..5]", "5", true)]
    [InlineData("(1..5)", "5", false)]
    [InlineData("1, 2, 3", "2", true)]
    [InlineData("1, 2, 3", "4", false)]
    [InlineData("< 0, > 100", "101", true)]
    [InlineData("\"gold\", \"silver\"", "\"silver\"", true)]
    [InlineData("not(\"gold\", \"silver\")", "\"bronze\"", true)]
    [InlineData("not(\"gold\", \"silver\")", "\"gold\"", false)]
    [InlineData("not([1..5])", "7", true)]
    [InlineData("true", "true", true)]
    [InlineData("false", "true", false)]
    [InlineData("? > 3 and ? < 5", "4", true)]
    [InlineData("[1, 2]", "2", true)]
    [InlineData("[\"a\", \"b\"]", "[\"a\", \"b\"]", true)]
    [InlineData("[1..5]", "null", null)]
    public void Unary_tests_match_an_input(string tests, string input, bool? expected) =>
        Assert.Equal(expected, Test(tests, F.Value(input)));

    [Fact]
    public void A_date_range_test_matches_a_date() =>
        Assert.Equal(true, Test("[date(\"2024-01-01\")..date(\"2024-12-31\")]", new DateOnly(2024, 6, 1)));

    [Fact]
    public void A_test_may_reference_variables() => Assert.Equal(true, Test("> limit", 11m, ("limit", 10m)));

    [Fact]
    public void A_test_with_a_boolean_expression_and_no_input_marker_uses_its_value() =>
        Assert.Equal(true, Test("limit > 5", 1m, ("limit", 10m)));

    [Fact]
    public void A_null_input_against_a_comparison_is_undetermined() => Assert.Null(Test("< 10", null));

    [Fact]
    public void A_null_input_equals_a_null_test() => Assert.Equal(true, Test("null", null));

    [Fact]
    public void A_test_against_another_type_is_undetermined_with_a_warning()
    {
        var warnings = new List<string>();
        Assert.Null(FeelUnaryTests.Parse("< 10").Evaluate("x", F.Scope(), warnings));
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Negation_keeps_an_undetermined_result() => Assert.Null(Test("not(< 10)", null));

    [Fact]
    public void Matches_counts_undetermined_as_no_match() => Assert.False(FeelUnaryTests.Parse("< 10").Matches(null, F.Scope()));

    [Fact]
    public void ParseUnaryTests_on_FeelExpression_is_the_same_entry_point() =>
        Assert.True(FeelExpression.ParseUnaryTests(">= 1").Matches(1m, F.Scope()));

    [Fact]
    public void Not_followed_by_more_is_a_plain_test() => Assert.Equal(true, Test("not(false) = true", "anything"));

    [Fact]
    public void A_syntax_error_in_unary_tests_reports_its_column() => Assert.Equal(4,
        Assert.Throws<FeelSyntaxException>(() => FeelUnaryTests.Parse("1, )")).Column);
}
