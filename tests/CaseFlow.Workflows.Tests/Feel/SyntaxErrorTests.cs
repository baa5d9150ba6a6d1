using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

public class SyntaxErrorTests
{
    [Theory]
    [InlineData("1 +", 1, 4, "Unexpected end of input")]
    [InlineData("(1 + 2", 1, 7, "Expected ')'")]
    [InlineData("a +* b", 1, 4, "Unexpected '*'")]
    [InlineData("if x then 1", 1, 12, "Expected 'else'")]
    [InlineData("for x [1] return x", 1, 7, "Expected 'in'")]
    [InlineData("[1, 2", 1, 6, "Expected ']' or ','")]
    [InlineData("{a 1}", 1, 4, "Expected ':'")]
    [InlineData("\"open", 1, 1, "Unterminated string")]
    [InlineData("a # b", 1, 3, "Unexpected character '#'")]
    [InlineData("1 2", 1, 3, "Unexpected '2'")]
    [InlineData("x instance of numbr", 1, 15, "Unknown type 'numbr'")]
    [InlineData("f(a: 1, 2)", 1, 9, "Expected a named argument")]
    [InlineData("[1..5", 1, 6, "Expected ']' or ')' to close the range")]
    [InlineData("some x in [1] x > 1", 1, 15, "Expected 'satisfies'")]
    [InlineData("`unclosed", 1, 1, "Unterminated `name`")]
    [InlineData("1 /* never closed", 1, 3, "Unterminated comment")]
    public void A_syntax_error_reports_reason_line_and_column(string expression, int line, int column, string reason)
    {
        var error = F.SyntaxError(expression);
        Assert.Contains(reason, error.Reason);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void A_syntax_error_on_a_later_line_reports_that_line()
    {
        var error = F.SyntaxError("if a > 1\nthen \"x\"\nelse )");
        Assert.Equal((3, 6), (error.Line, error.Column));
    }

    [Fact]
    public void Columns_count_from_the_original_text_when_a_leading_equals_is_stripped()
    {
        var error = F.SyntaxError("= 1 + )");
        Assert.Equal((1, 7), (error.Line, error.Column));
    }

    [Fact]
    public void A_multi_line_string_moves_the_line_count() => Assert.Equal(3, F.SyntaxError("\"a\nb\" +\n)").Line);

    [Fact]
    public void The_message_includes_line_and_column() =>
        Assert.Equal("Unexpected ')' (line 1, column 5)", F.SyntaxError("1 + )").Message);

    [Fact]
    public void TryParse_returns_the_error_instead_of_throwing()
    {
        Assert.False(FeelExpression.TryParse("1 +", out var expression, out var error));
        Assert.Null(expression);
        Assert.Equal(4, error.Column);
    }

    [Fact]
    public void TryParse_returns_the_expression_when_valid()
    {
        Assert.True(FeelExpression.TryParse("1 + 1", out var expression, out var error));
        Assert.Equal(2m, expression.Evaluate(F.Scope()));
        Assert.Null(error);
    }

    [Fact]
    public void Deep_nesting_is_a_syntax_error_not_a_crash()
    {
        var deep = new string('(', 100_000) + "1" + new string(')', 100_000);
        Assert.Contains("nested too deeply", F.SyntaxError(deep).Reason);
    }

    [Fact]
    public void An_empty_expression_is_a_syntax_error() => Assert.Equal((1, 1), (F.SyntaxError("").Line, F.SyntaxError("").Column));

    [Fact]
    public void A_very_long_operator_chain_is_a_syntax_error_not_a_crash()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", 50_000));
        Assert.Contains("nested too deeply", F.SyntaxError(chain).Reason);
    }

    [Fact]
    public void A_long_but_reasonable_operator_chain_evaluates() =>
        Assert.Equal(300m, F.Eval(string.Join(" + ", Enumerable.Repeat("1", 300))));
}
