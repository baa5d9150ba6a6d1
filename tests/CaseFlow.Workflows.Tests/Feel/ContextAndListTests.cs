using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

public class ContextAndListTests
{
    [Fact]
    public void A_list_literal_is_a_read_only_list() =>
        Assert.Equal(new object?[] { 1m, "a", null }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(F.Eval("[1, \"a\", null]")));

    [Fact]
    public void An_empty_list_literal_is_empty() => Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(F.Eval("[]")));

    [Fact]
    public void A_context_literal_keeps_insertion_order()
    {
        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(F.Eval("{z: 1, a: 2, m: 3}"));
        Assert.Equal(["z", "a", "m"], context.Keys);
    }

    [Fact]
    public void A_context_key_may_be_a_string() => Assert.Equal(2m, F.Eval("{\"b c\": 2}.`b c`"));

    [Fact]
    public void A_context_key_may_be_several_words() => Assert.Equal("Ada", F.Eval("{first name: \"Ada\"}.first name"));

    [Fact]
    public void Context_entries_see_earlier_entries() => Assert.Equal(6m, F.Eval("{a: 2, b: a * 3}.b"));

    [Fact]
    public void Context_entries_shadow_outer_variables() => Assert.Equal(1m, F.Eval("{a: 1, b: a}.b", ("a", 99m)));

    [Fact]
    public void A_duplicate_context_key_is_a_syntax_error() => Assert.Contains("Duplicate context entry 'a'", F.SyntaxError("{a: 1, a: 2}").Reason);

    [Fact]
    public void Nested_contexts_and_lists_print_as_FEEL() =>
        Assert.Equal("{a: [1, {b: \"x\"}], c: null}", F.Text("{a: [1, {b: \"x\"}], c: null}"));

    [Fact]
    public void Host_values_are_accepted_as_any_read_only_collection()
    {
        IReadOnlyList<object?> list = new List<object?> { 1m, 2m }.AsReadOnly();
        IReadOnlyDictionary<string, object?> ctx = new System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>(
            new Dictionary<string, object?> { ["items"] = list });
        Assert.Equal(3m, F.Eval("sum(c.items)", ("c", ctx)));
    }

    [Fact]
    public void A_string_array_is_a_list() => Assert.Equal(true, F.Eval("list contains(xs, \"b\")", ("xs", new[] { "a", "b" })));

    [Fact]
    public void String_of_a_context_quotes_keys_that_are_not_plain_names() =>
        Assert.Equal("{\"a b\": 1}", FeelValue.ToFeelString(F.Eval("{\"a b\": 1}")));
}
