namespace CaseFlow.Workflows.Tests.Feel;

public class IterationTests
{
    [Fact]
    public void For_maps_a_list() => Assert.Equal("[2, 4, 6]", F.Text("for x in [1, 2, 3] return x * 2"));

    [Fact]
    public void For_over_a_numeric_sequence_includes_both_ends() => Assert.Equal("[1, 2, 3, 4]", F.Text("for i in 1..4 return i"));

    [Fact]
    public void For_over_a_descending_sequence_counts_down() => Assert.Equal("[3, 2, 1]", F.Text("for i in 3..1 return i"));

    [Fact]
    public void For_with_two_contexts_iterates_the_cartesian_product_outer_first() =>
        Assert.Equal("[11, 21, 12, 22]", F.Text("for a in [1, 2], b in [10, 20] return a + b"));

    [Fact]
    public void A_later_iteration_context_sees_earlier_variables() =>
        Assert.Equal("[1, 1, 2]", F.Text("for n in [1, 2], m in 1..n return m"));

    [Fact]
    public void For_can_read_partial_results() => Assert.Equal("[1, 2, 6, 24]",
        F.Text("for i in 1..4 return if i = 1 then 1 else i * partial[-1]"));

    [Fact]
    public void For_over_an_empty_list_is_empty() => Assert.Equal("[]", F.Text("for x in [] return x"));

    [Fact]
    public void For_over_null_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("for x in null return x");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void For_over_a_range_of_integers_respects_open_ends() => Assert.Equal("[2, 3]", F.Text("for i in (1..3] return i"));

    [Fact]
    public void For_over_a_date_sequence_steps_by_day() =>
        Assert.Equal("[2024-02-28, 2024-02-29, 2024-03-01]", F.Text("for d in @\"2024-02-28\"..@\"2024-03-01\" return d"));

    [Theory]
    [InlineData("some x in [1, 5, 10] satisfies x > 8", "true")]
    [InlineData("some x in [1, 5] satisfies x > 8", "false")]
    [InlineData("some x in [] satisfies x > 8", "false")]
    [InlineData("some x in [null, 9] satisfies x > 8", "true")]
    [InlineData("some x in [null] satisfies x > 8", "false")]
    [InlineData("some a in [1, 2], b in [3, 4] satisfies a + b = 6", "true")]
    public void Some_is_true_when_any_item_satisfies(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("every x in [9, 10] satisfies x > 8", "true")]
    [InlineData("every x in [9, 1] satisfies x > 8", "false")]
    [InlineData("every x in [] satisfies x > 8", "true")]
    [InlineData("every x in [9, null] satisfies x > 8", "false")]
    [InlineData("every a in [1, 2], b in [3, 4] satisfies a < b", "true")]
    public void Every_is_true_when_all_items_satisfy(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Some_stops_at_the_first_satisfying_item() =>
        Assert.Empty(F.EvalWarn("some x in [1, \"a\"] satisfies x = 1 or x > 0").Warnings);

    [Fact]
    public void Quantifiers_work_on_lists_of_contexts() => Assert.Equal(true,
        F.Eval("some ch in history satisfies ch.event = \"bankruptcy\"",
            ("history", new object?[] { F.Context(("event", "move")), F.Context(("event", "bankruptcy")) })));
}
