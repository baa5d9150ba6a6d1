using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

public class LiteralTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("3.25", "3.25")]
    [InlineData(".5", "0.5")]
    [InlineData("-7", "-7")]
    [InlineData("0.1 + 0.2", "0.3")]
    public void Numbers_are_exact_decimals(string expression, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), F.Eval(expression));

    [Fact]
    public void A_number_literal_evaluates_to_a_decimal() => Assert.IsType<decimal>(F.Eval("1"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Boolean_literals_evaluate_to_booleans(string expression, bool expected) => Assert.Equal(expected, F.Eval(expression));

    [Fact]
    public void Null_literal_evaluates_to_null() => Assert.Null(F.Eval("null"));

    [Theory]
    [InlineData(@"""plain""", "plain")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"""a\nb""", "a\nb")]
    [InlineData(@"""tab\there""", "tab\there")]
    [InlineData(@"""back\\slash""", "back\\slash")]
    [InlineData(@"""\u00e9t\u00E9""", "été")]
    [InlineData(@"""\U01F600""", "😀")]
    [InlineData(@"""it\'s""", "it's")]
    public void String_escapes_are_decoded(string expression, string expected) => Assert.Equal(expected, F.Eval(expression));

    [Fact]
    public void A_leading_equals_sign_is_ignored() => Assert.Equal(true, F.Eval("=amount > 5000", ("amount", 6000m)));

    [Fact]
    public void A_leading_equals_sign_after_whitespace_is_ignored() => Assert.Equal(3m, F.Eval("  = 1 + 2"));

    [Fact]
    public void The_source_is_kept_verbatim() => Assert.Equal("=a + 1", FeelExpression.Parse("=a + 1").Source);

    [Fact]
    public void Comments_are_ignored() => Assert.Equal(3m, F.Eval("1 /* one */ + // plus\n 2"));

    [Fact]
    public void A_date_literal_is_a_DateOnly() => Assert.Equal(new DateOnly(2024, 2, 29), F.Eval("@\"2024-02-29\""));

    [Fact]
    public void A_local_time_literal_has_no_offset() =>
        Assert.Equal(new FeelTime(new TimeOnly(10, 30, 15)), F.Eval("@\"10:30:15\""));

    [Fact]
    public void A_time_literal_keeps_its_offset() =>
        Assert.Equal(new FeelTime(new TimeOnly(10, 30), TimeSpan.FromHours(2)), F.Eval("@\"10:30:00+02:00\""));

    [Fact]
    public void A_date_and_time_literal_with_Z_is_at_offset_zero() =>
        Assert.Equal(new FeelDateTime(new DateTime(2024, 5, 1, 8, 0, 0), TimeSpan.Zero), F.Eval("@\"2024-05-01T08:00:00Z\""));

    [Fact]
    public void A_date_and_time_literal_with_a_zone_resolves_its_offset()
    {
        var value = Assert.IsType<FeelDateTime>(F.Eval("@\"2024-07-01T12:00:00@Europe/Paris\""));
        Assert.Equal(TimeSpan.FromHours(2), value.Offset);
        Assert.Equal("Europe/Paris", value.ZoneId);
    }

    [Fact]
    public void A_days_and_time_duration_literal_is_a_TimeSpan() =>
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), F.Eval("@\"P1DT2H3M4.5S\""));

    [Fact]
    public void A_years_and_months_duration_literal_counts_months() =>
        Assert.Equal(new YearsMonthsDuration(14), F.Eval("@\"P1Y2M\""));

    [Fact]
    public void A_negative_duration_literal_is_negative() => Assert.Equal(TimeSpan.FromDays(-3), F.Eval("@\"-P3D\""));

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("25:00:00")]
    [InlineData("P1Y2D")]
    [InlineData("yesterday")]
    public void An_invalid_temporal_literal_is_a_syntax_error(string text) =>
        Assert.Contains("Invalid temporal literal", F.SyntaxError($"@\"{text}\"").Reason);
}
