using CaseFlow.Engine.Privacy;

namespace CaseFlow.Engine.Tests.Privacy;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("0571-88881234", "057188881234")]
    [InlineData("(0571) 8888 1234", "057188881234")]
    [InlineData("010-65551234", "01065551234")]
    [InlineData("+86 10 6555 1234", "01065551234")]
    [InlineData("0755-2345678", "07552345678")]
    public void Mobiles_and_landlines_with_area_codes_normalise_to_their_digits(string input, string expected)
    {
        Assert.True(PhoneNumbers.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1381234567")]      // ten digits
    [InlineData("138123456789")]    // twelve digits
    [InlineData("12812345678")]     // no mobile prefix starts 12
    [InlineData("88881234")]        // a landline without its area code
    [InlineData("0571-08881234")]   // a local number cannot start with 0
    [InlineData("0571-888812345")]  // nine-digit local number
    [InlineData("138-1234-567a")]
    [InlineData("110")]
    public void Anything_else_is_refused(string input)
    {
        Assert.False(PhoneNumbers.TryNormalize(input, out _));
    }
}
