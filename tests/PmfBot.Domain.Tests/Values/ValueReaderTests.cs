using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

public class ValueReaderTests
{
    private static readonly MeasureUnit Percent = MeasureUnit.Percentage;

    [Theory]
    [InlineData("42.5", 42.5)]
    [InlineData("42.5%", 42.5)]
    [InlineData(" 42.5 % ", 42.5)]
    [InlineData("42.5 percent", 42.5)]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData("+7", 7)]
    public void Read_Percentage_Accepted(string text, decimal expected) =>
        Assert.Equal(new ValueReading.Accepted(expected), ValueReader.Read(text, Percent, 1));

    [Theory]
    [InlineData("1,234", 1234)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("55000", 55000)]
    [InlineData("-12", -12)]              // net additional homes can go down
    [InlineData("\u221212", -12)]         // a real minus sign, as Word types it
    [InlineData("950 dwellings", 950)]
    [InlineData("950 Dwelling", 950)]
    public void Read_Number_Accepted(string text, decimal expected) =>
        Assert.Equal(new ValueReading.Accepted(expected), ValueReader.Read(text, MeasureUnit.Counted("dwellings"), 0));

    [Theory]
    [InlineData("£12,500", 12500)]
    [InlineData("£ 12500.50", 12500.50)]
    [InlineData("12500 pounds", 12500)]
    public void Read_Money_Accepted(string text, decimal expected) =>
        Assert.Equal(new ValueReading.Accepted(expected), ValueReader.Read(text, MeasureUnit.Money, 2));

    [Theory]
    [InlineData("18.5 days", 18.5)]
    [InlineData("18.5 working days", 18.5)]
    public void Read_Days_Accepted(string text, decimal expected) =>
        Assert.Equal(new ValueReading.Accepted(expected), ValueReader.Read(text, MeasureUnit.Days, 1));

    [Fact]
    public void Read_MoreDecimalsThanTheMeasureKeeps_RoundsAndSaysSo() =>
        Assert.Equal(new ValueReading.Accepted(42.6m, 42.55m), ValueReader.Read("42.55", Percent, 1));

    [Theory]
    [InlineData("n/a", "isn't a figure")]
    [InlineData("N/A", "isn't a figure")]
    [InlineData("tbc", "ask the performance team for an extension")]
    [InlineData("-", "isn't a figure")]
    [InlineData("", "Please type this period's figure.")]
    [InlineData("   ", "Please type this period's figure.")]
    [InlineData("about forty", "isn't a figure I can read")]
    [InlineData("42.5.1", "isn't a figure I can read")]
    [InlineData("1,23,456", "isn't a figure I can read")] // thousands not in threes
    [InlineData("42,5", "Use a full stop for decimals: 42.5 rather than 42,5.")]
    [InlineData("101", "over 100%")]
    [InlineData("-1", "can't be below 0")]
    [InlineData("£42", "not pounds")]
    [InlineData("42 days", "not \"days\"")]
    public void Read_Percentage_Refused(string text, string reason)
    {
        var refused = Assert.IsType<ValueReading.Refused>(ValueReader.Read(text, Percent, 1));
        Assert.Contains(reason, refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PercentageAbove100_AllowedWhereTheMeasureAllows() =>
        Assert.Equal(new ValueReading.Accepted(103.2m), ValueReader.Read("103.2%", Percent with { AllowsAbove100 = true }, 1));

    [Theory]
    [InlineData("£1.2k", "12", "Please type the full figure, e.g. 1,200 rather than 1.2k")]
    [InlineData("55k", "0", "e.g. 55,000 rather than 55k")]
    [InlineData("3m", "0", "e.g. 3,000,000 rather than 3m")]
    public void Read_Abbreviation_RefusedWithTheFullFigure(string text, string _, string reason)
    {
        var unit = text.StartsWith('£') ? MeasureUnit.Money : MeasureUnit.Counted("visits");
        var refused = Assert.IsType<ValueReading.Refused>(ValueReader.Read(text, unit, 0));
        Assert.Contains(reason, refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12%", "not as a percentage")]
    [InlineData("-3", "can't be negative")]
    public void Read_Days_Refused(string text, string reason)
    {
        var refused = Assert.IsType<ValueReading.Refused>(ValueReader.Read(text, MeasureUnit.Days, 1));
        Assert.Contains(reason, refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AbsurdlyLarge_Refused() =>
        Assert.IsType<ValueReading.Refused>(ValueReader.Read("99999999999999", MeasureUnit.Number, 0));
}
