namespace CaseFlow.Workflows.Tests.Feel;

public class InstanceOfTests
{
    [Theory]
    [InlineData("1 instance of number", "true")]
    [InlineData("\"1\" instance of number", "false")]
    [InlineData("\"a\" instance of string", "true")]
    [InlineData("true instance of boolean", "true")]
    [InlineData("@\"2024-01-01\" instance of date", "true")]
    [InlineData("@\"10:00:00\" instance of time", "true")]
    [InlineData("@\"2024-01-01T10:00:00\" instance of date and time", "true")]
    [InlineData("@\"2024-01-01T10:00:00\" instance of date", "false")]
    [InlineData("@\"P1D\" instance of days and time duration", "true")]
    [InlineData("@\"P1Y\" instance of years and months duration", "true")]
    [InlineData("@\"P1Y\" instance of days and time duration", "false")]
    [InlineData("[1, 2] instance of list", "true")]
    [InlineData("[1, 2] instance of list<number>", "true")]
    [InlineData("[1, \"a\"] instance of list<number>", "false")]
    [InlineData("{a: 1} instance of context", "true")]
    [InlineData("{a: 1, b: \"x\"} instance of context<a: number>", "true")]
    [InlineData("{a: \"1\"} instance of context<a: number>", "false")]
    [InlineData("[1..2] instance of range<number>", "true")]
    [InlineData("(function(x) x) instance of function<Any> -> Any", "true")]
    [InlineData("null instance of Null", "true")]
    [InlineData("null instance of number", "false")]
    [InlineData("null instance of Any", "false")]
    [InlineData("5 instance of Any", "true")]
    public void Instance_of_checks_the_FEEL_type(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void A_host_integer_is_an_instance_of_number() => Assert.Equal(true, F.Eval("n instance of number", ("n", 3)));
}
