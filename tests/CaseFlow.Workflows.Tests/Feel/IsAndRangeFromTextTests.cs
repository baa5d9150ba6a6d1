namespace CaseFlow.Workflows.Tests.Feel;

/// <summary><c>is(value1, value2)</c>, <c>range(from)</c> (DMN 1.5) and Camunda's <c>date and time(date, timezone)</c>.</summary>
public sealed class IsAndRangeFromTextTests
{
    [Theory]
    [InlineData("is(1, 1.0)", "true")]
    [InlineData("is(1, 2)", "false")]
    [InlineData("is(\"a\", \"a\")", "true")]
    [InlineData("is(null, null)", "null")]
    [InlineData("is(1, null)", "null")]
    [InlineData("is(value1: 1)", "null")]
    [InlineData("is(1, \"1\")", "false")]
    [InlineData("is(@\"2012-12-25\", @\"2012-12-25\")", "true")]
    [InlineData("is(@\"2012-12-25\", @\"2012-12-25T00:00:00Z\")", "false")]
    [InlineData("is(@\"23:00:50Z\", @\"23:00:50+00:00\")", "true")]
    [InlineData("is(@\"23:00:50\", @\"23:00:50Z\")", "false")]
    [InlineData("is(@\"23:00:50@Etc/GMT\", @\"23:00:50Z\")", "true")]
    [InlineData("is(@\"23:00:50@Australia/Melbourne\", @\"23:00:50+10:00\")", "true")]
    [InlineData("is(@\"23:00:50@Australia/Melbourne\", @\"23:00:50@Australia/Sydney\")", "true")]
    [InlineData("is(@\"20:00:50+00:00\", @\"21:00:50+01:00\")", "false")]
    [InlineData("is(@\"2002-04-02T23:00:00+10:00\", @\"2002-04-02T23:00:00+11:00\")", "false")]
    [InlineData("is(@\"2002-04-02T23:00:00@Australia/Melbourne\", @\"2002-04-02T23:00:00@Australia/Sydney\")", "true")]
    [InlineData("is(@\"2021-10-02T23:00:00@Australia/Melbourne\", @\"2021-10-02T23:00:00+10:00\")", "true")]
    [InlineData("is(@\"2021-04-02T23:00:00@Australia/Melbourne\", @\"2021-04-02T23:00:00+11:00\")", "true")]
    [InlineData("is(@\"P1Y\", @\"P12M\")", "true")]
    [InlineData("is(@\"P1D\", @\"PT24H\")", "true")]
    [InlineData("is(@\"P0Y\", @\"P0D\")", "false")]
    [InlineData("is(value1: 1, value2: 1)", "true")]
    public void Is_compares_elements_of_the_domain(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Is_tells_the_same_instant_in_two_offsets_apart_where_equals_does_not()
    {
        Assert.Equal("true", F.Text("@\"2002-04-02T12:00:00-01:00\" = @\"2002-04-02T17:00:00+04:00\""));
        Assert.Equal("false", F.Text("is(@\"2002-04-02T12:00:00-01:00\", @\"2002-04-02T17:00:00+04:00\")"));
    }

    [Theory]
    [InlineData("range(\"[1..10)\")", "[1..10)")]
    [InlineData("range(\"(1..10]\")", "(1..10]")]
    [InlineData("range(\"]1..10[\")", "(1..10)")]
    [InlineData("range(\"[-5..-1]\")", "[-5..-1]")]
    [InlineData("range(\"< 10\")", "< 10")]
    [InlineData("range(\">= 18\")", ">= 18")]
    [InlineData("range(\"[\\\"a\\\"..\\\"z\\\"]\")", "[\"a\"..\"z\"]")]
    [InlineData("range(\"[date(\\\"2024-01-01\\\")..@\\\"2024-12-31\\\"]\")", "[2024-01-01..2024-12-31]")]
    [InlineData("range(\"[duration(\\\"P1D\\\")..duration(\\\"P5D\\\")]\")", "[P1D..P5D]")]
    public void Range_reads_a_range_literal(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void A_range_read_from_text_tests_membership()
    {
        Assert.Equal(true, F.Eval("5 in range(\"[1..10)\")"));
        Assert.Equal(false, F.Eval("10 in range(\"[1..10)\")"));
        Assert.Equal(true, F.Eval("includes(range(\"> 3\"), 4)"));
        Assert.Equal(true, F.Eval("range(\"[1..10)\") = [1..10)"));
    }

    [Theory]
    [InlineData("range(\"1..10\")")]
    [InlineData("range(\"[1..x]\")")]
    [InlineData("range(\"[1..\\\"z\\\"]\")")]
    [InlineData("range(\"[10..1]\")")]
    [InlineData("range(\"[1..2], [3..4]\")")]
    [InlineData("range(\"[now()..now()]\")")]
    [InlineData("range(\"[1+1..5]\")")]
    [InlineData("range(\"[1..\")")]
    [InlineData("range(5)")]
    public void Range_refuses_text_that_is_not_a_range_literal_with_a_warning(string expression)
    {
        var (result, warnings) = F.EvalWarn(expression);
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Range_of_null_is_null_without_a_warning()
    {
        var (result, warnings) = F.EvalWarn("range(null)");
        Assert.Null(result);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("date and time(@\"2020-07-31T14:27:30@Europe/Berlin\", \"America/Los_Angeles\")", "2020-07-31T05:27:30@America/Los_Angeles")]
    [InlineData("date and time(@\"2020-07-31T14:27:30@Europe/Berlin\", \"Z\")", "2020-07-31T12:27:30Z")]
    [InlineData("date and time(@\"2020-07-31T14:27:30+02:00\", \"+08:00\")", "2020-07-31T20:27:30+08:00")]
    [InlineData("date and time(@\"2020-07-31T14:27:30\", \"Asia/Shanghai\")", "2020-07-31T22:27:30@Asia/Shanghai")]
    [InlineData("date and time(date: @\"2020-07-31T14:27:30Z\", timezone: \"Asia/Shanghai\")", "2020-07-31T22:27:30@Asia/Shanghai")]
    public void Date_and_time_with_a_timezone_shows_the_instant_on_that_zones_clock(string expression, string expected) =>
        Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Date_and_time_with_an_unknown_timezone_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("date and time(@\"2020-07-31T14:27:30Z\", \"Mars/Olympus\")");
        Assert.Null(result);
        Assert.Contains(warnings, w => w.Contains("Mars/Olympus", StringComparison.Ordinal));
    }
}
