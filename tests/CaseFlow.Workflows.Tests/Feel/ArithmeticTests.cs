namespace CaseFlow.Workflows.Tests.Feel;

public class ArithmeticTests
{
    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("5 - 7", "-2")]
    [InlineData("4 * 2.5", "10")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("2 ** 10", "1024")]
    [InlineData("2 ** -2", "0.25")]
    [InlineData("-(3)", "-3")]
    [InlineData("10 - 2 - 3", "5")]
    [InlineData("2 ** 3 ** 2", "64")]
    public void Arithmetic_on_numbers(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("2 * 3 ** 2", "18")]
    [InlineData("-2 ** 2", "4")]
    [InlineData("10 - 4 / 2", "8")]
    [InlineData("1 + 2 = 3", "true")]
    [InlineData("1 < 2 and 3 < 4 or false", "true")]
    [InlineData("false and true or true", "true")]
    [InlineData("true or false and false", "true")]
    public void Operators_follow_FEEL_precedence(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("null + 1")]
    [InlineData("1 - null")]
    [InlineData("null * 2")]
    [InlineData("4 / null")]
    [InlineData("null ** 2")]
    [InlineData("-null")]
    public void Arithmetic_with_null_yields_null(string expression) => Assert.Null(F.Eval(expression));

    [Fact]
    public void Arithmetic_with_null_adds_no_warning() => Assert.Empty(F.EvalWarn("null + 1").Warnings);

    [Fact]
    public void Adding_a_number_to_a_string_yields_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("1 + \"a\"");
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("Cannot add number and string"));
    }

    [Fact]
    public void Adding_two_strings_concatenates_them() => Assert.Equal("foobar", F.Eval("\"foo\" + \"bar\""));

    [Fact]
    public void Division_by_zero_yields_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("1 / 0");
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("Division by zero"));
    }

    [Fact]
    public void Division_gives_decimal128s_34_digits() => Assert.Equal("0.3333333333333333333333333333333333", F.Text("1 / 3"));

    [Fact]
    public void A_product_beyond_decimal_range_is_a_decimal128_number() =>
        Assert.Equal("158456325028528675187087900670", F.Text("79228162514264337593543950335 * 2"));

    [Fact]
    public void A_result_beyond_decimal128_range_yields_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("10 ** 6000 * 10 ** 6000");
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("decimal128", StringComparison.Ordinal));
    }

    [Fact]
    public void Negating_a_string_yields_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("-\"a\"");
        Assert.Null(result);
        Assert.Single(warnings);
    }

    [Fact]
    public void Host_integers_take_part_in_arithmetic() => Assert.Equal(7m, F.Eval("a + b", ("a", 3), ("b", 4L)));

    [Fact]
    public void Host_doubles_become_decimals() => Assert.Equal(0.5m, F.Eval("a * 1", ("a", 0.5d)));

    [Fact]
    public void A_missing_variable_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("missing + 1");
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("No variable found with name 'missing'"));
    }

    [Fact]
    public void Fractional_exponents_are_computed() => Assert.Equal(3m, decimal.Round((decimal)F.Eval("9 ** 0.5")!, 10));
}
