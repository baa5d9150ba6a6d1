using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

public class FunctionTests
{
    [Fact]
    public void A_function_definition_can_be_invoked_from_a_context() =>
        Assert.Equal(5m, F.Eval("{add: function(a, b) a + b, r: add(2, 3)}.r"));

    [Fact]
    public void A_function_can_be_invoked_with_named_arguments() =>
        Assert.Equal(-1m, F.Eval("{sub: function(a, b) a - b, r: sub(b: 3, a: 2)}.r"));

    [Fact]
    public void A_function_closes_over_its_defining_scope() =>
        Assert.Equal("[11, 12]", F.Text("{k: 10, f: function(x) x + k, r: for i in [1, 2] return f(i)}.r"));

    [Fact]
    public void A_function_in_a_context_can_call_itself() =>
        Assert.Equal(120m, F.Eval("{fact: function(n) if n <= 1 then 1 else n * fact(n - 1), r: fact(5)}.r"));

    [Fact]
    public void Runaway_recursion_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("{f: function(n) f(n + 1), r: f(0)}.r");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void A_function_definition_evaluates_to_a_function_value() =>
        Assert.Equal(["a", "b"], Assert.IsAssignableFrom<FeelFunction>(F.Eval("function(a, b) a")).Parameters);

    [Fact]
    public void A_function_value_can_be_invoked_by_the_host() =>
        Assert.Equal(6m, ((FeelFunction)F.Eval("function(x) x * 2")!).Invoke([3m]));

    [Fact]
    public void A_function_value_can_be_invoked_directly() => Assert.Equal(4m, F.Eval("(function(x) x * x)(2)"));

    [Fact]
    public void Calling_with_the_wrong_argument_count_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("{f: function(a) a, r: f(1, 2)}.r");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void A_variable_holding_a_function_can_be_called() =>
        Assert.Equal(9m, F.Eval("sq(3)", ("sq", F.Eval("function(x) x * x"))));

    [Fact]
    public void Calling_an_unknown_function_is_null_with_a_warning() =>
        Assert.Contains(F.EvalWarn("nosuch(1)").Warnings, w => w.Contains("No function found with name 'nosuch'"));

    [Fact]
    public void A_local_function_shadows_a_built_in_of_the_same_name() =>
        Assert.Equal("mine", F.Eval("{count: function(x) \"mine\", r: count([1])}.r"));

    [Fact]
    public void A_built_in_can_be_called_with_named_arguments() =>
        Assert.Equal("ob", F.Eval("substring(string: \"foobar\", start position: 3, length: 2)"));

    [Fact]
    public void A_built_in_with_an_unknown_parameter_name_is_null_with_a_warning() =>
        Assert.Contains(F.EvalWarn("substring(text: \"x\", start position: 1)").Warnings, w => w.Contains("no parameters named"));

    [Fact]
    public void A_built_in_with_the_wrong_argument_count_is_null_with_a_warning() =>
        Assert.Contains(F.EvalWarn("string length(\"a\", \"b\")").Warnings, w => w.Contains("does not take 2 argument(s)"));

    [Fact]
    public void A_built_in_can_be_passed_as_a_function_value() =>
        Assert.Equal("[1, 2, 3]", F.Text("sort([3, 1, 2], function(a, b) a < b)"));

    [Fact]
    public void A_typed_function_definition_parses() => Assert.Equal(3m, F.Eval("(function(a: number, b: list<number>) a + count(b))(1, [1, 2])"));

    [Fact]
    public void External_functions_are_rejected_at_parse_time() =>
        Assert.Contains("External", F.SyntaxError("function(a) external {java: {}}").Reason);

    [Fact]
    public void Is_defined_is_true_for_an_existing_variable_holding_null() => Assert.Equal(true, F.Eval("is defined(x)", ("x", null)));

    [Fact]
    public void Is_defined_is_false_for_a_missing_variable_without_warning()
    {
        var (result, warnings) = F.EvalWarn("is defined(x)");
        Assert.Equal(false, result);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("is defined({a: 1}.a)", "true")]
    [InlineData("is defined({a: null}.a)", "true")]
    [InlineData("is defined({a: 1}.b)", "false")]
    [InlineData("is defined(nothing.b.c)", "false")]
    [InlineData("is defined(1 + 1)", "true")]
    public void Is_defined_checks_context_entries(string expression, string expected) => Assert.Equal(expected, F.Text(expression));
}
