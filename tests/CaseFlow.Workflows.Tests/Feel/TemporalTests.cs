using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

public class TemporalTests
{
    [Theory]
    [InlineData("date(\"2024-03-15\")", "2024-03-15")]
    [InlineData("date(2024, 3, 15)", "2024-03-15")]
    [InlineData("date(date and time(\"2024-03-15T10:00:00\"))", "2024-03-15")]
    [InlineData("time(\"13:45:00\")", "13:45:00")]
    [InlineData("time(13, 45, 30.5)", "13:45:30.5")]
    [InlineData("time(13, 45, 0, duration(\"PT1H\"))", "13:45:00+01:00")]
    [InlineData("time(date and time(\"2024-03-15T10:20:30Z\"))", "10:20:30Z")]
    [InlineData("date and time(\"2024-03-15T10:00:00\")", "2024-03-15T10:00:00")]
    [InlineData("date and time(\"2024-03-15\")", "2024-03-15T00:00:00")]
    [InlineData("date and time(date(\"2024-03-15\"), time(\"08:00:00+02:00\"))", "2024-03-15T08:00:00+02:00")]
    [InlineData("duration(\"P2DT3H\")", "P2DT3H")]
    [InlineData("duration(\"P1Y6M\")", "P1Y6M")]
    [InlineData("years and months duration(date(\"2020-01-31\"), date(\"2021-03-30\"))", "P1Y1M")]
    [InlineData("years and months duration(date(\"2021-03-30\"), date(\"2020-01-31\"))", "-P1Y1M")]
    public void Constructors(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void A_time_literal_whose_zone_id_contains_a_T_is_a_time() =>
        Assert.Equal("23:00:50@Etc/GMT", F.Text("@\"23:00:50@Etc/GMT\""));

    [Theory]
    [InlineData("date(\"2024-13-01\")")]
    [InlineData("date(2023, 2, 29)")]
    [InlineData("time(\"24:30:00\")")]
    [InlineData("duration(\"1D\")")]
    public void Invalid_temporal_input_is_null_with_a_warning(string expression)
    {
        var (result, warnings) = F.EvalWarn(expression);
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Theory]
    [InlineData("date(\"2024-01-31\") + duration(\"P1D\")", "2024-02-01")]
    [InlineData("date(\"2024-01-31\") + duration(\"P1M\")", "2024-02-29")]
    [InlineData("duration(\"P1Y\") + date(\"2024-02-29\")", "2025-02-28")]
    [InlineData("date(\"2024-03-01\") - duration(\"P1D\")", "2024-02-29")]
    [InlineData("date(\"2024-03-01\") - date(\"2024-02-01\")", "P29D")]
    [InlineData("date and time(\"2024-01-01T23:00:00\") + duration(\"PT2H\")", "2024-01-02T01:00:00")]
    [InlineData("date and time(\"2024-01-01T10:00:00Z\") - date and time(\"2024-01-01T09:30:00+01:00\")", "PT1H30M")]
    [InlineData("date and time(\"2024-01-31T10:00:00\") + duration(\"P1M\")", "2024-02-29T10:00:00")]
    [InlineData("time(\"23:30:00\") + duration(\"PT1H\")", "00:30:00")]
    [InlineData("time(\"10:00:00\") - time(\"08:30:00\")", "PT1H30M")]
    [InlineData("duration(\"P1D\") + duration(\"PT12H\")", "P1DT12H")]
    [InlineData("duration(\"P1Y\") - duration(\"P2M\")", "P10M")]
    [InlineData("duration(\"PT1H\") * 2.5", "PT2H30M")]
    [InlineData("duration(\"P1Y\") / 4", "P3M")]
    [InlineData("duration(\"P1D\") / duration(\"PT6H\")", "4")]
    [InlineData("-duration(\"P1D\")", "-P1D")]
    public void Date_arithmetic_with_durations(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Subtracting_a_local_from_a_zoned_date_and_time_is_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("date and time(\"2024-01-01T10:00:00Z\") - date and time(\"2024-01-01T09:00:00\")");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Adding_a_day_across_daylight_saving_keeps_the_zone()
    {
        var value = Assert.IsType<FeelDateTime>(F.Eval("@\"2024-03-30T12:00:00@Europe/Paris\" + @\"PT24H\""));
        Assert.Equal(new DateTime(2024, 3, 31, 13, 0, 0), value.Local);
        Assert.Equal(TimeSpan.FromHours(2), value.Offset);
        Assert.Equal("2024-03-31T13:00:00@Europe/Paris", value.ToString());
    }

    [Theory]
    [InlineData("date(\"2024-01-01\") < date(\"2024-01-02\")", "true")]
    [InlineData("date and time(\"2024-01-01T10:00:00\") > date and time(\"2024-01-01T09:59:59\")", "true")]
    [InlineData("time(\"10:00:00\") = time(10, 0, 0)", "true")]
    [InlineData("duration(\"P1D\") = duration(\"PT24H\")", "true")]
    [InlineData("date(\"2024-01-01\") = date and time(\"2024-01-01T00:00:00\")", "null")]
    public void Temporal_comparison(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void A_host_DateTimeOffset_compares_with_a_date_and_time_literal() =>
        Assert.Equal(true, F.Eval("due < @\"2024-06-01T00:00:00Z\"", ("due", new DateTimeOffset(2024, 5, 31, 22, 0, 0, TimeSpan.FromHours(-1)))));

    [Fact]
    public void Today_is_a_date() => Assert.IsType<DateOnly>(F.Eval("today()"));

    [Fact]
    public void Now_has_an_offset() => Assert.NotNull(Assert.IsType<FeelDateTime>(F.Eval("now()")).Offset);

    [Fact]
    public void A_date_and_time_converts_to_a_DateTimeOffset() =>
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(1)),
            ((FeelDateTime)F.Eval("@\"2024-01-01T10:00:00+01:00\"")!).ToDateTimeOffset());

    [Theory]
    [InlineData("date(\"2024-05-17\").weekday", "5")]
    [InlineData("date and time(\"2024-05-17T08:09:10\").hour", "8")]
    [InlineData("date and time(\"2024-05-17T08:09:10@Europe/Paris\").timezone", "Europe/Paris")]
    [InlineData("time(\"08:09:10\").second", "10")]
    public void Temporal_properties(string expression, string expected) => Assert.Equal(expected, F.Text(expression));
}
