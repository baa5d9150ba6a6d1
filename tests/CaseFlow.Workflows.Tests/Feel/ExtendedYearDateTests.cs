using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>Dates with years outside 1-9999 (XML Schema allows any): a FeelDate, where DateOnly cannot hold them.</summary>
public sealed class ExtendedYearDateTests
{
    [Theory]
    [InlineData("date(\"-2017-12-31\")", "-2017-12-31")]
    [InlineData("date(-2017, 1, 1)", "-2017-01-01")]
    [InlineData("date(\"999999999-12-31\")", "999999999-12-31")]
    [InlineData("date(-999999999, 12, 31)", "-999999999-12-31")]
    [InlineData("date(\"0000-02-29\")", "0000-02-29")]
    [InlineData("@\"10000-01-01\"", "10000-01-01")]
    [InlineData("date(\"-0044-03-15\")", "-0044-03-15")]
    public void Dates_of_any_year_parse_and_print(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("date(\"-0001-02-29\")")]
    [InlineData("date(\"1000000000-01-01\")")]
    [InlineData("date(-2017, 2, 30)")]
    public void Dates_that_do_not_exist_are_null_with_a_warning(string expression)
    {
        var (result, warnings) = F.EvalWarn(expression);
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Theory]
    [InlineData("date(\"-2017-12-31\") < date(\"2017-01-01\")", "true")]
    [InlineData("date(\"10000-01-01\") > date(\"9999-12-31\")", "true")]
    [InlineData("date(\"-2017-12-31\") = date(-2017, 12, 31)", "true")]
    [InlineData("date(\"-2017-12-31\") in [date(\"-3000-01-01\")..date(\"2000-01-01\")]", "true")]
    [InlineData("is(date(\"-2017-12-31\"), date(-2017, 12, 31))", "true")]
    [InlineData("date(\"-2017-12-31\") instance of date", "true")]
    public void Extended_dates_compare_with_every_date(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("date(\"9999-12-31\") + duration(\"P1D\")", "10000-01-01")]
    [InlineData("date(\"10000-01-01\") - duration(\"P1D\")", "9999-12-31")]
    [InlineData("date(\"0001-01-01\") - duration(\"P1D\")", "0000-12-31")]
    [InlineData("date(\"-0001-01-31\") + duration(\"P1M\")", "-0001-02-28")]
    [InlineData("date(\"0000-01-31\") + duration(\"P1M\")", "0000-02-29")]
    [InlineData("date(\"10000-03-01\") - date(\"10000-02-28\")", "P2D")]
    [InlineData("date(\"0001-01-01\") - date(\"0000-12-31\")", "P1D")]
    public void Extended_dates_take_durations(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("date(\"-2017-12-31\").year", "-2017")]
    [InlineData("date(\"-2017-12-31\").month", "12")]
    [InlineData("date(\"-2017-12-31\").day", "31")]
    [InlineData("date(\"0001-01-01\").weekday", "1")]
    [InlineData("date(\"0000-12-31\").weekday", "7")]
    [InlineData("date(\"10000-01-01\").weekday", "6")]
    public void Extended_dates_have_the_date_properties(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void A_date_in_years_1_to_9999_stays_a_DateOnly() => Assert.IsType<DateOnly>(F.Eval("date(\"10000-01-01\") - duration(\"P1D\")"));
}
