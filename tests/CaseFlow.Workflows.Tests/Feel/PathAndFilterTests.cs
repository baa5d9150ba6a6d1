namespace CaseFlow.Workflows.Tests.Feel;

public class PathAndFilterTests
{
    private static readonly (string, object?) Orders = ("orders", new object?[]
    {
        F.Context(("id", "a"), ("total", 10m), ("lines", new object?[] { 1m, 2m })),
        F.Context(("id", "b"), ("total", 250m), ("lines", new object?[] { 3m })),
        F.Context(("id", "c"), ("total", 40m), ("lines", Array.Empty<object?>())),
    });

    [Fact]
    public void A_path_reads_a_context_entry() => Assert.Equal(1m, F.Eval("{a: {b: 1}}.a.b"));

    [Fact]
    public void A_path_on_a_list_of_contexts_maps_over_it() => Assert.Equal("[\"a\", \"b\", \"c\"]", F.Text("orders.id", Orders));

    [Fact]
    public void A_path_on_a_missing_entry_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("{a: 1}.b");
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("No context entry found with key 'b'"));
    }

    [Fact]
    public void A_path_on_null_is_null() => Assert.Null(F.Eval("x.y", ("x", null)));

    [Fact]
    public void A_backtick_name_may_contain_spaces_and_symbols() =>
        Assert.Equal(2m, F.Eval("{\"first-name x\": 2}.`first-name x`"));

    [Fact]
    public void A_multi_word_variable_name_is_read_as_one_name() =>
        Assert.Equal(true, F.Eval("Applicant Age >= 18", ("Applicant Age", 30m)));

    [Fact]
    public void A_filter_keeps_items_satisfying_the_condition() =>
        Assert.Equal("[{id: \"b\", total: 250, lines: [3]}]", F.Text("orders[total > 100]", Orders));

    [Fact]
    public void A_filter_can_name_the_item_explicitly() => Assert.Equal("[3, 4]", F.Text("[1, 2, 3, 4][item > 2]"));

    [Fact]
    public void A_filter_then_path_projects_the_kept_items() => Assert.Equal("[\"a\", \"c\"]", F.Text("orders[total < 100].id", Orders));

    [Theory]
    [InlineData("[10, 20, 30][1]", "10")]
    [InlineData("[10, 20, 30][3]", "30")]
    [InlineData("[10, 20, 30][-1]", "30")]
    [InlineData("[10, 20, 30][-3]", "10")]
    [InlineData("[10, 20, 30][1 + 1]", "20")]
    public void A_numeric_filter_is_a_one_based_index(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("[10, 20, 30][0]")]
    [InlineData("[10, 20, 30][4]")]
    [InlineData("[10, 20, 30][-4]")]
    [InlineData("[][1]")]
    public void An_index_out_of_range_is_null(string expression) => Assert.Null(F.Eval(expression));

    [Fact]
    public void Filtering_an_empty_list_gives_an_empty_list() => Assert.Equal("[]", F.Text("[][item > 1]"));

    [Fact]
    public void Filtering_a_single_value_treats_it_as_a_list_of_one() => Assert.Equal("[5]", F.Text("5[item > 1]"));

    [Fact]
    public void A_filter_condition_that_is_null_drops_the_item() => Assert.Equal("[2]", F.Text("[1, \"a\", 2][item > 1]"));

    [Fact]
    public void A_filter_sees_outer_variables() => Assert.Equal("[3]", F.Text("[1, 2, 3][item > limit]", ("limit", 2m)));

    [Fact]
    public void Filters_chain() => Assert.Equal("3", F.Text("orders[total > 5][2].lines[1]", Orders));

    [Fact]
    public void A_path_reads_date_properties() => Assert.Equal("[2024, 2, 29, 4]",
        F.Text("[d.year, d.month, d.day, d.weekday]", ("d", new DateOnly(2024, 2, 29))));

    [Fact]
    public void A_path_reads_range_properties() => Assert.Equal("[1, false, 5, true]",
        F.Text("[r.start, r.start included, r.end, r.end included]", ("r", F.Eval("(1..5]"))));

    [Fact]
    public void A_path_reads_the_time_offset() => Assert.Equal(TimeSpan.FromHours(-5), F.Eval("@\"10:00:00-05:00\".time offset"));

    [Fact]
    public void A_path_reads_duration_components() => Assert.Equal("[1, 2, 1, 2]",
        F.Text("[@\"P1DT2H\".days, @\"P1DT2H\".hours, @\"P1Y2M\".years, @\"P1Y2M\".months]"));
}
