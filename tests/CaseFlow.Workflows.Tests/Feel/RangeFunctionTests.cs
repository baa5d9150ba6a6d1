namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>The range functions of DMN 1.5, 10.3.4.9, with examples from the spec's table.</summary>
public sealed class RangeFunctionTests
{
    [Theory]
    [InlineData("before(1, 10)", "true")]
    [InlineData("before(10, 1)", "false")]
    [InlineData("before(1, [2..5])", "true")]
    [InlineData("before(1, (1..5])", "true")]
    [InlineData("before(1, [1..5])", "false")]
    [InlineData("before([1..5), 5)", "true")]
    [InlineData("before([1..5], 5)", "false")]
    [InlineData("before([1..5), [5..10])", "true")]
    [InlineData("before([1..5], [5..10])", "false")]
    [InlineData("after(10, 5)", "true")]
    [InlineData("after([11..20], [1..10])", "true")]
    [InlineData("after((5..10], 5)", "true")]
    [InlineData("meets([1..5], [5..10])", "true")]
    [InlineData("meets([1..5), [5..10])", "false")]
    [InlineData("met by([5..10], [1..5])", "true")]
    [InlineData("overlaps([1..5], [3..8])", "true")]
    [InlineData("overlaps([1..5), [5..8])", "false")]
    [InlineData("overlaps before([1..5], [3..8])", "true")]
    [InlineData("overlaps after([3..8], [1..5])", "true")]
    [InlineData("finishes(10, [1..10])", "true")]
    [InlineData("finishes([3..10], [1..10])", "true")]
    [InlineData("finished by([1..10], 10)", "true")]
    [InlineData("includes([1..10], 5)", "true")]
    [InlineData("includes([1..10], [4..6])", "true")]
    [InlineData("includes([1..10), [4..10])", "false")]
    [InlineData("during(5, [1..10])", "true")]
    [InlineData("during([4..6], [1..10])", "true")]
    [InlineData("starts(1, [1..10])", "true")]
    [InlineData("starts([1..5], [1..10])", "true")]
    [InlineData("started by([1..10], 1)", "true")]
    [InlineData("coincides([1..5], [1..5])", "true")]
    [InlineData("coincides(5, 5)", "true")]
    [InlineData("before(date(\"2024-01-01\"), date(\"2024-02-01\"))", "true")]
    [InlineData("includes(< 10, 3)", "true")]
    public void Range_function_gives_the_spec_result(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void A_range_function_with_a_null_argument_is_null() => Assert.Equal("null", F.Text("before(null, 1)"));

    [Fact]
    public void A_range_function_on_incomparable_points_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("before(1, \"a\")");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }
}
