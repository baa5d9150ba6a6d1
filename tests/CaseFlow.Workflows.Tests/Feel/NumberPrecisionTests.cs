using System.Text.Json;
using CaseFlow.Workflows.Dmn;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>
/// FEEL numbers are decimal128 (34 digits, half-even): a decimal while that is exact, a FeelNumber beyond.
/// Expected digits come from Python's decimal module (60 digits, rounded half-even to 34).
/// </summary>
public sealed class NumberPrecisionTests
{
    [Theory]
    [InlineData("2 / 3", "0.6666666666666666666666666666666667")]
    [InlineData("1 / 3 * 3", "0.9999999999999999999999999999999999")]
    [InlineData("1 / 7 * 7", "1")]
    [InlineData("0.000000000000000000001 / 3", "0.0000000000000000000003333333333333333333333333333333333")]
    [InlineData("12345678901234567890.123456789 * 98765432109876543210.987654321", "1.219326311370217952261850327336229E+39")]
    [InlineData("10 ** 40", "1E+40")]
    [InlineData("10 ** 40 + 1", "1E+40")]
    [InlineData("10 ** 33 + 1", "1000000000000000000000000000000001")]
    [InlineData("0.1234567890123456789012345678901234 + 0", "0.1234567890123456789012345678901234")]
    [InlineData("-(1 / 3)", "-0.3333333333333333333333333333333333")]
    [InlineData("abs(-1 / 3)", "0.3333333333333333333333333333333333")]
    public void Results_have_34_significant_digits(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void A_literal_beyond_34_digits_rounds_half_to_even()
    {
        Assert.Equal("0.1234567890123456789012345678901234", F.Text("0.12345678901234567890123456789012345"));
        Assert.Equal("0.1234567890123456789012345678901236", F.Text("0.12345678901234567890123456789012355"));
    }

    [Fact]
    public void An_exact_result_stays_a_decimal()
    {
        Assert.Equal(0.3m, F.Eval("0.1 + 0.2"));
        Assert.Equal(2.5m, F.Eval("10 / 4"));
        Assert.Equal(1m, F.Eval("(1 / 3 + 2 / 3) * 1"));
    }

    [Fact]
    public void A_result_decimal_cannot_hold_is_a_FeelNumber() => Assert.IsType<FeelNumber>(F.Eval("1 / 3"));

    [Theory]
    [InlineData("1 / 3 = 0.3333333333333333333333333333333333", true)]
    [InlineData("1 / 3 = 0.3333333333333333333333333333", false)]
    [InlineData("1 / 3 > 0.3333333333333333333333333333", true)]
    [InlineData("1 / 3 < 0.34", true)]
    [InlineData("10 ** 40 > 79228162514264337593543950335", true)]
    [InlineData("-(10 ** 40) < -79228162514264337593543950335", true)]
    [InlineData("1.0 = 1", true)]
    [InlineData("1 / 3 in [0..1]", true)]
    [InlineData("1 / 3 instance of number", true)]
    [InlineData("list contains([1 / 3], 2 / 6)", true)]
    public void Comparison_works_across_both_representations(string expression, bool expected) => Assert.Equal(expected, F.Eval(expression));

    [Theory]
    [InlineData("decimal(1 / 3, 30)", "0.333333333333333333333333333333")]
    [InlineData("decimal(2 / 3, 2)", "0.67")]
    [InlineData("floor(10 ** 40 + 0.5)", "1E+40")]
    [InlineData("ceiling(1 / 3)", "1")]
    [InlineData("round up(-1 / 3, 33)", "-0.333333333333333333333333333333334")]
    [InlineData("round half down(2.5, 0)", "2")]
    [InlineData("round half up(2.5, 0)", "3")]
    [InlineData("decimal(2.5, 0)", "2")]
    [InlineData("decimal(3.5, 0)", "4")]
    [InlineData("floor(-1.5)", "-2")]
    [InlineData("decimal(1234.5, -2)", "1200")]
    [InlineData("modulo(10 ** 40 + 7, 10)", "0")]
    [InlineData("modulo(-12, 5)", "3")]
    [InlineData("modulo(10.1, 4.5)", "1.1")]
    [InlineData("even(10 ** 40)", "true")]
    [InlineData("odd(1 / 3)", "null")]
    public void Numeric_functions_work_on_34_digit_numbers(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("sum([1 / 3, 1 / 3, 1 / 3])", "0.9999999999999999999999999999999999")]
    [InlineData("mean([1, 2, 2])", "1.666666666666666666666666666666667")]
    [InlineData("product([1 / 3, 3])", "0.9999999999999999999999999999999999")]
    [InlineData("median([1, 2])", "1.5")]
    [InlineData("mode([1 / 3, 2 / 6, 1])", "[0.3333333333333333333333333333333333]")]
    [InlineData("stddev([2, 4, 7, 5])", "2.081665999466132735282297706979931")]
    [InlineData("max([1 / 3, 0.3])", "0.3333333333333333333333333333333333")]
    public void List_functions_use_34_digits(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("number(\"0.1234567890123456789012345678901234\")", "0.1234567890123456789012345678901234")]
    [InlineData("number(\"1e40\")", "1E+40")]
    [InlineData("string(1 / 3)", "0.3333333333333333333333333333333333")]
    [InlineData("string(10 ** 100)", "1E+100")]
    [InlineData("string(1 / 10 ** 50)", "1E-50")]
    public void Conversions_keep_every_digit(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("duration(\"P3D\") * (1 / 3)", "P1D")]
    [InlineData("duration(\"P1D\") / (3 / 1)", "PT8H")]
    [InlineData("duration(\"P2Y\") * (1 / 2)", "P1Y")]
    [InlineData("time(10, 0, 1 / 3)", "10:00:00.3333333")]
    public void Durations_and_times_take_34_digit_numbers(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("[1, 2, 3][10 ** 40]")]
    [InlineData("[1, 2, 3][1 / 3]")]
    [InlineData("[1, 2, 3][100000000000000000000000000000000000]")]
    public void A_34_digit_list_index_is_null_with_a_warning(string expression)
    {
        var (result, warnings) = F.EvalWarn(expression);
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Numbers_beyond_decimal128_range_are_null_with_a_warning()
    {
        var (result, warnings) = F.EvalWarn("10 ** 7000");
        Assert.Null(result);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Numbers_below_decimal128_range_become_zero() => Assert.Equal("0", F.Text("(1 / 10 ** 5000) / 10 ** 5000"));

    [Theory]
    [InlineData("0.1234567890123456789012345678901234")]
    [InlineData("12345678901234567890123456789012.34")]
    [InlineData("1E+100")]
    [InlineData("-3.333333333333333333333333333333333E-40")]
    public void Json_numbers_travel_with_all_their_digits(string json)
    {
        var value = VariableJson.Read(JsonDocument.Parse(json).RootElement);
        Assert.IsType<FeelNumber>(value);
        Assert.Equal(json, VariableJson.Serialize(value));
    }

    [Fact]
    public void Json_exponent_forms_below_decimal_scale_are_not_flushed_to_zero() =>
        Assert.Equal("0.000000000000000000000000000001", FeelValue.ToFeelString(VariableJson.Read(JsonDocument.Parse("1e-30").RootElement)));

    [Fact]
    public void Json_numbers_decimal_holds_stay_decimal()
    {
        Assert.Equal(7500m, VariableJson.Read(JsonDocument.Parse("7500").RootElement));
        Assert.Equal(0.1m, VariableJson.Read(JsonDocument.Parse("0.1").RootElement));
        Assert.Equal(1000m, VariableJson.Read(JsonDocument.Parse("1e3").RootElement));
    }

    [Fact]
    public void A_gateway_condition_reads_a_34_digit_variable_from_json()
    {
        var variables = VariableJson.ReadObject(JsonDocument.Parse("""{"amount": 5000.000000000000000000000000000001}""").RootElement);
        Assert.Equal(true, FeelExpression.Parse("amount > 5000").Evaluate(new DictionaryScope(variables)));
    }

    [Fact]
    public void A_number_typed_decision_accepts_a_34_digit_result()
    {
        const string xml = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
              <decision id="third" name="third">
                <variable name="third" typeRef="number"/>
                <literalExpression><text>1 / 3</text></literalExpression>
              </decision>
            </definitions>
            """;
        var result = DmnParser.Parse(xml).DecisionRequirementsGraph!.Evaluate("third", new Dictionary<string, object?>());
        Assert.Equal("0.3333333333333333333333333333333333", FeelValue.ToFeelString(result.Result));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Change_detection_compares_numbers_by_value_across_representations()
    {
        Assert.True(ValueEquality.AreEqual(1.5m, FeelNumber.FromDecimal(1.50m)));
        Assert.False(ValueEquality.AreEqual(F.Eval("1 / 3"), 0.3333333333333333333333333333m));
        Assert.True(ValueEquality.AreEqual(F.Eval("[1 / 3]"), F.Eval("[2 / 6]")));
    }

    [Fact]
    public void Equal_numbers_are_equal_structs_with_equal_hashes()
    {
        Assert.True(FeelNumber.TryParse("1.50", out var a));
        Assert.True(FeelNumber.TryParse("15e-1", out var b));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(1.5m, a.ToValue());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("abc")]
    [InlineData("1e9999")]
    public void Text_that_is_not_a_decimal128_number_does_not_parse(string text) => Assert.False(FeelNumber.TryParse(text, out _));
}
