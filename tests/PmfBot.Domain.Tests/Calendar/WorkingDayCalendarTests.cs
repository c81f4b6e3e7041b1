using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.England;

    [Theory]
    [InlineData("2026-10-09", true)]  // Friday
    [InlineData("2026-10-10", false)] // Saturday
    [InlineData("2026-10-11", false)] // Sunday
    [InlineData("2026-08-31", false)] // Summer bank holiday
    [InlineData("2026-12-28", false)] // Boxing Day substitute
    [InlineData("2026-12-29", true)]
    public void IsWorkingDay_WeekendsAndBankHolidays_AreNot(string date, bool expected) =>
        Assert.Equal(expected, _calendar.IsWorkingDay(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2026, 9, 1, "2026-09-01")]  // 31 Aug is a bank holiday but in August
    [InlineData(2027, 1, 1, "2027-01-04")]  // 1 Jan Fri holiday, weekend, so Monday the 4th
    [InlineData(2027, 1, 5, "2027-01-08")]
    [InlineData(2026, 4, 1, "2026-04-01")]
    [InlineData(2026, 4, 3, "2026-04-07")]  // Good Friday 3rd and Easter Monday 6th skipped
    public void NthWorkingDayOf_SkipsWeekendsAndBankHolidays(int year, int month, int n, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), _calendar.NthWorkingDayOf(year, month, n));

    [Fact]
    public void NthWorkingDayOf_MoreThanTheMonthHas_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.NthWorkingDayOf(2026, 12, 25));

    [Fact]
    public void WithExtraNonWorkingDays_CouncilClosure_IsNotAWorkingDay()
    {
        var closure = new DateOnly(2026, 12, 29);
        var council = _calendar.WithExtraNonWorkingDays([closure]);
        Assert.False(council.IsWorkingDay(closure));
        Assert.True(_calendar.IsWorkingDay(closure));
        Assert.Equal(new DateOnly(2026, 12, 30), council.OnOrAfter(new DateOnly(2026, 12, 25)));
    }
}
