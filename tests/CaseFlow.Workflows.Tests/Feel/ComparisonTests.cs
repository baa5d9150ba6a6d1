namespace CaseFlow.Workflows.Tests.Feel;

public class ComparisonTests
{
    [Theory]
    [InlineData("1 = 1", "true")]
    [InlineData("1 = 1.00", "true")]
    [InlineData("1 != 2", "true")]
    [InlineData("1 < 2", "true")]
    [InlineData("2 <= 2", "true")]
    [InlineData("3 > 2", "true")]
    [InlineData("2 >= 3", "false")]
    [InlineData("\"a\" < \"b\"", "true")]
    [InlineData("\"abc\" = \"abc\"", "true")]
    [InlineData("\"B\" < \"a\"", "true")]
    [InlineData("true = true", "true")]
    [InlineData("true != false", "true")]
    [InlineData("@\"2024-01-01\" < @\"2024-01-02\"", "true")]
    [InlineData("@\"P1D\" > @\"PT23H\"", "true")]
    [InlineData("@\"P1Y\" = @\"P12M\"", "true")]
    public void Comparison_operators(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("null = null", "true")]
    [InlineData("null != null", "false")]
    [InlineData("null = 1", "false")]
    [InlineData("1 = null", "false")]
    [InlineData("null != \"a\"", "true")]
    public void Null_equals_only_null(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("null < 1")]
    [InlineData("1 >= null")]
    [InlineData("null > null")]
    public void Ordering_with_null_yields_null(string expression) => Assert.Null(F.Eval(expression));

    [Theory]
    [InlineData("1 = \"1\"")]
    [InlineData("1 != \"1\"")]
    [InlineData("true = 1")]
    [InlineData("1 < \"2\"")]
    [InlineData("@\"2024-01-01\" > 5")]
    [InlineData("true < false")]
    public void Comparing_mismatched_types_yields_null(string expression) => Assert.Null(F.Eval(expression));

    [Fact]
    public void Ordering_mismatched_types_adds_a_warning() =>
        Assert.Contains(F.EvalWarn("1 < \"2\"").Warnings, w => w.Contains("Cannot compare number and string"));

    [Theory]
    [InlineData("[1, 2, 3] = [1, 2, 3]", "true")]
    [InlineData("[1, 2] = [1, 2, 3]", "false")]
    [InlineData("[1, [2, \"x\"]] = [1, [2, \"x\"]]", "true")]
    [InlineData("[] = []", "true")]
    [InlineData("{a: 1, b: [2]} = {b: [2], a: 1}", "true")]
    [InlineData("{a: 1} = {a: 2}", "false")]
    [InlineData("{a: 1} = {a: 1, b: 2}", "false")]
    [InlineData("[1..2] = [1..2]", "true")]
    [InlineData("[1..2] = [1..2)", "false")]
    public void Equality_is_deep_on_lists_contexts_and_ranges(string expression, string expected) =>
        Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void A_host_list_equals_a_FEEL_list() =>
        Assert.Equal(true, F.Eval("xs = [1, 2]", ("xs", new object?[] { 1m, 2m })));

    [Fact]
    public void A_host_dictionary_equals_a_FEEL_context() =>
        Assert.Equal(true, F.Eval("c = {a: \"x\"}", ("c", F.Context(("a", "x")))));

    [Fact]
    public void Date_and_times_with_offsets_compare_as_instants() =>
        Assert.Equal(true, F.Eval("@\"2024-01-01T10:00:00+02:00\" = @\"2024-01-01T08:00:00Z\""));

    [Fact]
    public void Times_with_offsets_compare_as_instants() =>
        Assert.Equal(true, F.Eval("@\"10:00:00+01:00\" < @\"09:30:00Z\""));
}
