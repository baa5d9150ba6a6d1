namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>How the grammar groups things where a reader might hesitate.</summary>
public class ParsingTests
{
    [Fact]
    public void In_binds_tighter_than_and() => Assert.Equal(true, F.Eval("x in [1..5] and y > 2", ("x", 3m), ("y", 3m)));

    [Fact]
    public void Instance_of_applies_to_the_whole_arithmetic_operand() => Assert.Equal(true, F.Eval("1 + 2 instance of number"));

    [Fact]
    public void Unary_minus_binds_tighter_than_instance_of() => Assert.Equal(true, F.Eval("-5 instance of number"));

    [Fact]
    public void A_multi_word_built_in_containing_and_is_a_call() => Assert.Equal("P2M", F.Text(
        "years and months duration(date and time(\"2024-01-01T00:00:00\"), date and time(\"2024-03-01T00:00:00\"))"));

    [Fact]
    public void A_variable_named_like_the_start_of_a_built_in_is_still_a_variable() =>
        Assert.Equal(true, F.Eval("date and time(\"2024-01-01T00:00:00\") instance of date and time and date = 1", ("date", 1m)));

    [Fact]
    public void Keywords_end_multi_word_names() => Assert.Equal("[2, 3]", F.Text("for item count in [1, 2] return item count + 1"));

    [Fact]
    public void A_path_after_a_call_reads_the_result() => Assert.Equal(2024m, F.Eval("date(\"2024-05-01\").year"));

    [Fact]
    public void A_filter_on_a_call_result_filters_it() => Assert.Equal("[3]", F.Text("reverse([1, 2, 3])[1 = 1][1 = 1][item > 2]"));

    [Fact]
    public void A_range_can_end_with_an_open_bracket() => Assert.Equal(false, F.Eval("10 in [1..10["));

    [Fact]
    public void A_range_end_may_use_a_filter_inside_parentheses() => Assert.Equal(true, F.Eval("3 in [1..(xs[2])]", ("xs", new object?[] { 1m, 5m })));

    [Fact]
    public void Nested_textual_expressions_need_no_parentheses() =>
        Assert.Equal("[\"big\", \"small\"]", F.Text("for x in [10, 1] return if x > 5 then \"big\" else \"small\""));

    [Fact]
    public void An_if_may_appear_inside_arithmetic() => Assert.Equal(11m, F.Eval("1 + if true then 10 else 0"));

    [Fact]
    public void A_name_may_contain_a_dollar_or_underscore() => Assert.Equal(3m, F.Eval("_a + $b", ("_a", 1m), ("$b", 2m)));

    [Fact]
    public void A_number_followed_by_dots_is_a_range_start() => Assert.Equal("[1, 2, 3]", F.Text("for i in 1..3 return i"));

    [Fact]
    public void The_input_marker_names_the_value_under_test() => Assert.Equal(true, F.Eval("5 in (? > 3)"));
}
