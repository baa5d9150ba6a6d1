namespace CaseFlow.Workflows.Tests.Feel;

public class StringFunctionTests
{
    [Theory]
    [InlineData("string length(\"foo\")", "3")]
    [InlineData("string length(\"\")", "0")]
    [InlineData("string length(\"😀a\")", "2")]
    [InlineData("upper case(\"aBc4\")", "ABC4")]
    [InlineData("lower case(\"aBc4\")", "abc4")]
    [InlineData("contains(\"foobar\", \"ob\")", "true")]
    [InlineData("contains(\"foobar\", \"x\")", "false")]
    [InlineData("starts with(\"foobar\", \"fo\")", "true")]
    [InlineData("ends with(\"foobar\", \"r\")", "true")]
    [InlineData("substring before(\"foobar\", \"bar\")", "foo")]
    [InlineData("substring after(\"foobar\", \"ob\")", "ar")]
    public void String_functions(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("substring(\"foobar\", 3)", "obar")]
    [InlineData("substring(\"foobar\", 3, 3)", "oba")]
    [InlineData("substring(\"foobar\", -2, 1)", "a")]
    [InlineData("substring(\"foobar\", 1, 100)", "foobar")]
    [InlineData("substring(\"a😀b\", 2, 1)", "😀")]
    public void Substring_counts_one_based_code_points(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Substring_at_position_zero_is_null_with_a_warning() => Assert.NotEmpty(F.EvalWarn("substring(\"abc\", 0)").Warnings);

    [Theory]
    [InlineData("matches(\"foobar\", \"^fo*b\")", "true")]
    [InlineData("matches(\"foobar\", \"^FOO\")", "false")]
    [InlineData("matches(\"foobar\", \"^FOO\", \"i\")", "true")]
    [InlineData("matches(\"a.c\", \"a.c\", \"q\")", "true")]
    [InlineData("matches(\"abc\", \"a.c\", \"q\")", "false")]
    [InlineData("matches(\"line1\nline2\", \"^line2$\", \"m\")", "true")]
    public void Matches_uses_regular_expressions_with_flags(string expression, string expected) =>
        Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Matches_with_an_invalid_pattern_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("matches(\"a\", \"(\")");
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("invalid regular expression"));
    }

    [Fact]
    public void Matches_with_an_unknown_flag_is_null_with_a_warning() =>
        Assert.Contains(F.EvalWarn("matches(\"a\", \"a\", \"z\")").Warnings, w => w.Contains("unknown regular expression flag"));

    [Fact]
    public void Matches_gives_up_on_catastrophic_backtracking()
    {
        var input = new string('a', 40) + "!";
        var (result, warnings) = F.EvalWarn("matches(s, \"^(a+)+$\")", ("s", input));
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("timed out"));
    }

    [Theory]
    [InlineData("replace(\"abcd\", \"(ab)|(a)\", \"[1=$1][2=$2]\")", "[1=ab][2=]cd")]
    [InlineData("replace(\"a.b\", \".\", \"$\", \"q\")", "a$b")]
    [InlineData("split(\"a,b,,c\", \",\")", "[\"a\", \"b\", \"\", \"c\"]")]
    [InlineData("split(\"John Doe\", \"\\s\")", "[\"John\", \"Doe\"]")]
    [InlineData("string join([\"a\", null, \"c\"], \"-\")", "a-c")]
    [InlineData("string join([\"a\", \"b\"])", "ab")]
    public void Replace_split_and_join(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("string(1.50)", "1.5")]
    [InlineData("string(-0.0001)", "-0.0001")]
    [InlineData("string(true)", "true")]
    [InlineData("string(\"x\")", "x")]
    [InlineData("string([1, \"a\"])", "[1, \"a\"]")]
    [InlineData("string(@\"2024-01-02\")", "2024-01-02")]
    [InlineData("string(@\"10:00:00.250+01:00\")", "10:00:00.25+01:00")]
    [InlineData("string(@\"2024-01-02T03:04:05Z\")", "2024-01-02T03:04:05Z")]
    [InlineData("string(@\"PT90M\")", "PT1H30M")]
    [InlineData("string(@\"P0D\")", "PT0S")]
    [InlineData("string(@\"P25M\")", "P2Y1M")]
    [InlineData("string(@\"-PT1.5S\")", "-PT1.5S")]
    public void String_converts_values_to_their_FEEL_text(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void String_of_null_is_null() => Assert.Null(F.Eval("string(null)"));

    [Theory]
    [InlineData("number(\"1,000.5\", \",\", \".\")", "1000.5")]
    [InlineData("number(\"1.000,5\", \".\", \",\")", "1000.5")]
    [InlineData("number(\"-12\")", "-12")]
    [InlineData("number(\"1e3\")", "1000")]
    public void Number_parses_strings(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Number_of_text_that_is_not_a_number_is_null_with_a_warning() =>
        Assert.Contains(F.EvalWarn("number(\"12a\")").Warnings, w => w.Contains("not a number"));

    [Fact]
    public void A_string_function_given_a_number_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("upper case(5)");
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("'upper case' cannot be applied to (number)"));
    }

    [Fact]
    public void A_string_function_given_null_is_null_without_a_warning()
    {
        var (result, warnings) = F.EvalWarn("upper case(null)");
        Assert.Null(result);
        Assert.Empty(warnings);
    }
}
