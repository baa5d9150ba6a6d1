namespace CaseFlow.Workflows.Tests.Feel;

public class ListFunctionTests
{
    [Theory]
    [InlineData("list contains([1, 2, 3], 2)", "true")]
    [InlineData("list contains([1, null], null)", "true")]
    [InlineData("list contains([[1]], [1])", "true")]
    [InlineData("count([1, 2, 3])", "3")]
    [InlineData("count([])", "0")]
    [InlineData("min([3, 1, 2])", "1")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("max([\"a\", \"c\", \"b\"])", "c")]
    [InlineData("max(@\"2024-01-01\", @\"2023-01-01\")", "2024-01-01")]
    [InlineData("min([])", "null")]
    [InlineData("sum([1, 2, 3.5])", "6.5")]
    [InlineData("sum(1, 2)", "3")]
    [InlineData("sum([])", "null")]
    [InlineData("mean([1, 2, 3, 4])", "2.5")]
    [InlineData("mean([])", "null")]
    public void Aggregates(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Sum_of_a_list_with_a_string_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("sum([1, \"a\"])");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Min_of_mixed_types_is_null_with_a_warning() => Assert.NotEmpty(F.EvalWarn("min([1, \"a\"])").Warnings);

    [Theory]
    [InlineData("all([true, true])", "true")]
    [InlineData("all([true, false, null])", "false")]
    [InlineData("all([true, null])", "null")]
    [InlineData("all([])", "true")]
    [InlineData("all(true, true)", "true")]
    [InlineData("any([false, true])", "true")]
    [InlineData("any([false, null, true])", "true")]
    [InlineData("any([false, null])", "null")]
    [InlineData("any([])", "false")]
    [InlineData("any(false, false)", "false")]
    public void All_and_any_are_three_valued(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("append([1], 2, 3)", "[1, 2, 3]")]
    [InlineData("append([], null)", "[null]")]
    [InlineData("concatenate([1], [], [2, 3])", "[1, 2, 3]")]
    [InlineData("distinct values([1, 2, 1, 3, 2])", "[1, 2, 3]")]
    [InlineData("distinct values([[1], [1], 1])", "[[1], 1]")]
    [InlineData("flatten([[1, 2], [[3]], 4])", "[1, 2, 3, 4]")]
    [InlineData("index of([1, 2, 3, 2], 2)", "[2, 4]")]
    [InlineData("index of([1, 2], 5)", "[]")]
    [InlineData("reverse([1, 2, 3])", "[3, 2, 1]")]
    [InlineData("sublist([1, 2, 3, 4], 2)", "[2, 3, 4]")]
    [InlineData("sublist([1, 2, 3, 4], 2, 2)", "[2, 3]")]
    [InlineData("sublist([1, 2, 3, 4], -2, 1)", "[3]")]
    public void List_manipulation(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("sort([3, 1, 2])", "[1, 2, 3]")]
    [InlineData("sort([3, 1, 2], function(x, y) x > y)", "[3, 2, 1]")]
    [InlineData("sort(list: [\"b\", \"a\"], precedes: function(x, y) x < y)", "[\"a\", \"b\"]")]
    public void Sort_orders_by_precedes(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Sort_is_stable() => Assert.Equal("[\"b1\", \"a1\", \"a2\", \"b2\"]",
        F.Text("sort(xs, function(x, y) x.n < y.n).id", ("xs", new object?[]
        {
            F.Context(("id", "a1"), ("n", 2m)), F.Context(("id", "b1"), ("n", 1m)),
            F.Context(("id", "a2"), ("n", 2m)), F.Context(("id", "b2"), ("n", 3m)),
        })));

    [Fact]
    public void Sort_of_incomparable_items_is_null_with_a_warning() => Assert.NotEmpty(F.EvalWarn("sort([1, \"a\"])").Warnings);

    [Fact]
    public void List_functions_do_not_change_their_argument()
    {
        var xs = new List<object?> { 3m, 1m };
        F.Eval("[sort(xs), reverse(xs), append(xs, 5)]", ("xs", xs));
        Assert.Equal([3m, 1m], xs);
    }

    [Fact]
    public void Count_of_a_number_is_null_with_a_warning() => Assert.NotEmpty(F.EvalWarn("count(5)").Warnings);
}
