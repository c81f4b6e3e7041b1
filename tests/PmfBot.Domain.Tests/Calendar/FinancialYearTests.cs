using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Tests.Calendar;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2026-03-31", 2025)] // last day of 2025/26
    [InlineData("2026-04-01", 2026)] // first day of 2026/27
    [InlineData("2026-12-31", 2026)]
    [InlineData("2027-01-01", 2026)] // January belongs to the year that started the April before
    [InlineData("2027-03-31", 2026)]
    public void Containing_Date_IsTheYearStartingTheAprilBefore(string date, int startYear) =>
        Assert.Equal(new FinancialYear(startYear), FinancialYear.Containing(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2026, "2026/27")]
    [InlineData(2099, "2099/00")]
    [InlineData(2009, "2009/10")]
    public void ToString_IsHowCouncilsWriteIt(int startYear, string expected) =>
        Assert.Equal(expected, new FinancialYear(startYear).ToString());

    [Theory]
    [InlineData("2026/27", 2026)]
    [InlineData("2026-27", 2026)]
    [InlineData("2026/2027", 2026)]
    [InlineData("26/27", 2026)]
    [InlineData("FY 2026/27", 2026)]
    [InlineData(" fy2026-27 ", 2026)]
    [InlineData("2099/00", 2099)]
    public void TryParse_CouncilForms_Read(string text, int startYear)
    {
        Assert.True(FinancialYear.TryParse(text, out var year));
        Assert.Equal(startYear, year.StartYear);
    }

    [Theory]
    [InlineData("2026/28")]
    [InlineData("2026")]
    [InlineData("2026/2028")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Q2 2026/27")]
    public void TryParse_NotAFinancialYear_Refused(string? text) => Assert.False(FinancialYear.TryParse(text, out _));

    [Fact]
    public void StartAndEnd_AreFirstAprilAndThirtyFirstMarchInclusive()
    {
        var year = new FinancialYear(2026);
        Assert.Equal(new DateOnly(2026, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2027, 3, 31), year.End);
        Assert.True(year.Contains(new DateOnly(2027, 3, 31)));
        Assert.False(year.Contains(new DateOnly(2027, 4, 1)));
    }
}
