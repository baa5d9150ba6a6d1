namespace CaseFlow.Workflows.Tests.Feel;

public class ContextFunctionTests
{
    [Theory]
    [InlineData("get value({a: 1}, \"a\")", "1")]
    [InlineData("get value({a: 1}, \"b\")", "null")]
    [InlineData("get value({a: {b: 2}}, [\"a\", \"b\"])", "2")]
    [InlineData("get entries({a: 1, b: \"x\"})", "[{key: \"a\", value: 1}, {key: \"b\", value: \"x\"}]")]
    [InlineData("context put({a: 1}, \"b\", 2)", "{a: 1, b: 2}")]
    [InlineData("context put({a: 1, b: 2}, \"a\", 3)", "{a: 3, b: 2}")]
    [InlineData("context put({a: {b: 1}}, [\"a\", \"c\"], 2)", "{a: {b: 1, c: 2}}")]
    [InlineData("context put({}, [\"x\", \"y\"], 1)", "{x: {y: 1}}")]
    [InlineData("context merge([{a: 1}, {b: 2}, {a: 3}])", "{a: 3, b: 2}")]
    public void Context_functions(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Get_value_of_a_missing_key_adds_no_warning() => Assert.Empty(F.EvalWarn("get value({a: 1}, \"b\")").Warnings);

    [Fact]
    public void Context_put_leaves_the_original_context_unchanged() =>
        Assert.Equal("{a: 1}", F.Text("{c: {a: 1}, d: context put(c, \"b\", 2), r: c}.r"));

    [Fact]
    public void Context_merge_of_a_non_context_is_null_with_a_warning() =>
        Assert.NotEmpty(F.EvalWarn("context merge([{a: 1}, 5])").Warnings);
}
