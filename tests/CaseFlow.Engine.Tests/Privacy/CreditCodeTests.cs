using CaseFlow.Engine.Privacy;

namespace CaseFlow.Engine.Tests.Privacy;

/// <summary>GB 32100-2015 unified social credit codes; check characters computed by hand.</summary>
public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")]
    [InlineData("91330106MA27XL0Q1E")]
    [InlineData("12100000400000037M")]
    [InlineData("91330106ma27xl0q1e")] // typed in lower case
    public void Codes_with_the_right_check_character_are_valid(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44")] // wrong check character
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000100Y433")] // 19 characters
    [InlineData("91350100M0001O0Y43")] // O is not in the charset
    [InlineData("91350100M000100YI3")] // I neither
    [InlineData("")]
    [InlineData(null)]
    public void Other_codes_are_invalid(string? code) => Assert.False(CreditCode.IsValid(code));

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void The_charset_leaves_out_letters_that_read_like_digits(char letter) => Assert.DoesNotContain(letter, CreditCode.Charset);
}
