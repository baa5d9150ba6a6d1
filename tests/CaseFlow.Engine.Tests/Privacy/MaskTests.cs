using CaseFlow.Engine.Privacy;

namespace CaseFlow.Engine.Tests.Privacy;

public sealed class MaskTests
{
    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("王", "*")]
    [InlineData("𠀾小明", "𠀾*明")] // a surname outside the BMP stays one character
    public void Names_keep_the_first_and_last_character(string name, string masked) => Assert.Equal(masked, Mask.Name(name));

    [Fact]
    public void Resident_ids_keep_the_area_and_the_last_four() =>
        Assert.Equal("3301**********1234", Mask.ResidentId("330106199001011234"));

    [Fact]
    public void Mobile_numbers_hide_the_middle_four() => Assert.Equal("138****5678", Mask.Phone("13812345678"));

    [Fact]
    public void Bank_accounts_show_only_the_last_four() => Assert.Equal("************1234", Mask.BankAccount("6222 0212 3456 1234"));

    [Fact]
    public void Addresses_keep_the_area_only() => Assert.Equal("浙江省杭州市****", Mask.Address("浙江省杭州市西湖区文三路100号"));
}
