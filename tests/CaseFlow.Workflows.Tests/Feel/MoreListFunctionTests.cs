namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>insert before, remove, list replace, union, the statistics, log/exp, calendar names and context().</summary>
public sealed class MoreListFunctionTests
{
    [Theory]
    [InlineData("insert before([1, 3], 1, 2)", "[2, 1, 3]")]
    [InlineData("insert before([1, 3], -1, 2)", "[1, 2, 3]")]
    [InlineData("remove([1, 2, 3], 2)", "[1, 3]")]
    [InlineData("remove([1, 2, 3], -1)", "[1, 2]")]
    [InlineData("list replace([2, 4, 7, 8], 3, 6)", "[2, 4, 6, 8]")]
    [InlineData("list replace([2, 4, 7, 8], function(item, newItem) item < newItem, 5)", "[5, 5, 7, 8]")]
    [InlineData("union([1, 2], [2, 3])", "[1, 2, 3]")]
    [InlineData("union()", "[]")]
    [InlineData("product(2, 3, 4)", "24")]
    [InlineData("product([2, 3, 4])", "24")]
    [InlineData("median(8, 2, 5, 3, 4)", "4")]
    [InlineData("median([6, 1, 2, 3])", "2.5")]
    [InlineData("median([])", "null")]
    [InlineData("mode(6, 3, 9, 6, 6)", "[6]")]
    [InlineData("mode([6, 1, 9, 6, 1])", "[1, 6]")]
    [InlineData("mode([])", "[]")]
    [InlineData("stddev(2, 4, 7, 5) > 2.0816 and stddev(2, 4, 7, 5) < 2.0817", "true")]
    [InlineData("decimal(log(10), 6)", "2.302585")]
    [InlineData("decimal(exp(5), 6)", "148.413159")]
    [InlineData("day of year(date(2019, 9, 17))", "260")]
    [InlineData("day of week(date(2019, 9, 17))", "Tuesday")]
    [InlineData("month of year(date(2019, 9, 17))", "September")]
    [InlineData("week of year(date(2019, 9, 17))", "38")]
    [InlineData("week of year(date(2003, 12, 29))", "1")]
    [InlineData("context([{key: \"a\", value: 1}, {key: \"b\", value: 2}])", "{a: 1, b: 2}")]
    [InlineData("{foo+bar: 1}", "{\"foo+bar\": 1}")]
    public void Function_gives_the_spec_result(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("remove([1, 2], 3)")]
    [InlineData("insert before([1], 0, 2)")]
    [InlineData("stddev([1])")]
    [InlineData("log(0)")]
    [InlineData("context([{key: \"a\", value: 1}, {key: \"a\", value: 2}])")]
    public void Unusable_arguments_give_null_with_a_warning(string expression)
    {
        var (result, warnings) = F.EvalWarn(expression);
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }
}
