namespace CaseFlow.Workflows.Tests.Feel;

public class NumericFunctionTests
{
    [Theory]
    [InlineData("abs(-3.5)", "3.5")]
    [InlineData("abs(@\"-P2D\")", "P2D")]
    [InlineData("floor(1.5)", "1")]
    [InlineData("floor(-1.5)", "-2")]
    [InlineData("floor(-1.56, 1)", "-1.6")]
    [InlineData("ceiling(1.2)", "2")]
    [InlineData("ceiling(-1.5)", "-1")]
    [InlineData("ceiling(-1.56, 1)", "-1.5")]
    [InlineData("decimal(1/3, 2)", "0.33")]
    [InlineData("decimal(2.5, 0)", "2")]
    [InlineData("decimal(3.5, 0)", "4")]
    [InlineData("decimal(1234, -2)", "1200")]
    [InlineData("round up(5.5, 0)", "6")]
    [InlineData("round up(-5.5, 0)", "-6")]
    [InlineData("round up(1.121, 2)", "1.13")]
    [InlineData("round down(5.5, 0)", "5")]
    [InlineData("round down(-5.5, 0)", "-5")]
    [InlineData("round half up(5.5, 0)", "6")]
    [InlineData("round half up(-5.5, 0)", "-6")]
    [InlineData("round half up(1.121, 2)", "1.12")]
    [InlineData("round half down(5.5, 0)", "5")]
    [InlineData("round half down(-5.5, 0)", "-5")]
    [InlineData("round half down(1.126, 2)", "1.13")]
    public void Rounding_functions(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("modulo(12, 5)", "2")]
    [InlineData("modulo(-12, 5)", "3")]
    [InlineData("modulo(12, -5)", "-3")]
    [InlineData("modulo(-12, -5)", "-2")]
    [InlineData("modulo(10.1, 4.5)", "1.1")]
    [InlineData("modulo(1, 0)", "null")]
    public void Modulo_takes_the_sign_of_the_divisor(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Theory]
    [InlineData("sqrt(16)", "4")]
    [InlineData("sqrt(0)", "0")]
    [InlineData("sqrt(-1)", "null")]
    [InlineData("odd(5)", "true")]
    [InlineData("odd(-2)", "false")]
    [InlineData("even(0)", "true")]
    [InlineData("even(1.5)", "null")]
    public void Square_root_and_parity(string expression, string expected) => Assert.Equal(expected, F.Text(expression));

    [Fact]
    public void Sqrt_has_decimal128_digits() => Assert.Equal("1.414213562373095048801688724209698", F.Text("sqrt(2)"));

    // The expected values are Python's decimal module at 60 digits rounded half-even to 34: an independent oracle.
    [Theory]
    [InlineData("exp(1)", "2.718281828459045235360287471352662")]
    [InlineData("exp(-1)", "0.3678794411714423215955237701614609")]
    [InlineData("exp(67)", "125236317084221378051352196074.4366")]
    [InlineData("exp(-1000)", "5.075958897549456765291809479574337E-435")]
    [InlineData("log(10)", "2.302585092994045684017991454684364")]
    [InlineData("log(2)", "0.6931471805599453094172321214581766")]
    [InlineData("log(0.00000000000000000001)", "-46.05170185988091368035982909368728")]
    [InlineData("log(79000000000000000000000000000)", "66.53924536330625496265871481795924")]
    [InlineData("log(1)", "0")]
    [InlineData("9 ** 0.5", "3")]
    [InlineData("4 ** -0.5", "0.5")]
    [InlineData("2 ** 0.5", "1.414213562373095048801688724209698")]
    [InlineData("3 ** 100", "5.153775207320113310364611297656213E+47")]
    [InlineData("1.1 ** 50", "117.3908528796953165066664959903583")]
    [InlineData("exp(15000)", "null")]
    [InlineData("(-8) ** 0.5", "null")]
    public void Exp_log_and_powers_have_decimal128_digits(string expression, string expected) => Assert.Equal(expected, F.Text(expression));
}
