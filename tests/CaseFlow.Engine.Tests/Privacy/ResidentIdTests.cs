using CaseFlow.Engine.Privacy;

namespace CaseFlow.Engine.Tests.Privacy;

/// <summary>GB 11643-1999 resident IDs. Check characters were computed by hand (ISO 7064 MOD 11-2), not with the code under test.</summary>
public sealed class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("330106199003074568")]
    [InlineData("340102198511200016")]
    [InlineData("330106200002290045")] // 29 February of a leap year
    public void Numbers_with_a_correct_check_character_and_date_are_valid(string number) =>
        Assert.True(ResidentId.TryParse(number, Today, out _));

    [Fact]
    public void The_birth_date_and_gender_come_from_the_number()
    {
        Assert.True(ResidentId.TryParse("11010519491231002X", Today, out var woman));
        Assert.True(ResidentId.TryParse("340102198511200016", Today, out var man));

        Assert.Equal((new DateOnly(1949, 12, 31), "female"), (woman.BirthDate, woman.Gender));
        Assert.Equal((new DateOnly(1985, 11, 20), "male"), (man.BirthDate, man.Gender));
    }

    [Fact]
    public void A_lower_case_x_is_accepted_and_stored_upper_case()
    {
        Assert.True(ResidentId.TryParse(" 11010519491231002x ", Today, out var id));

        Assert.Equal("11010519491231002X", id.Value);
    }

    [Theory]
    [InlineData("110105194912310021")] // check character should be X
    [InlineData("330106199003074567")] // one digit off
    [InlineData("330106199003074586")] // two digits swapped
    public void A_wrong_check_character_is_invalid(string number) =>
        Assert.False(ResidentId.TryParse(number, Today, out _));

    [Theory]
    [InlineData("330106199002301239")] // 30 February, check character correct
    [InlineData("330106209912310018")] // born in 2099, check character correct
    public void A_birth_date_that_cannot_be_is_invalid(string number) =>
        Assert.False(ResidentId.TryParse(number, Today, out _));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("330106900101123")] // the old 15-digit form
    [InlineData("33010619900101123X1")]
    [InlineData("3301061990010112AX")]
    public void Malformed_numbers_are_invalid(string? number) =>
        Assert.False(ResidentId.TryParse(number, Today, out _));
}
