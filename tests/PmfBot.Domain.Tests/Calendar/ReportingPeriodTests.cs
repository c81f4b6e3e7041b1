using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Tests.Calendar;

public class ReportingPeriodTests
{
    private static readonly FinancialYear Fy2026 = new(2026);

    [Theory]
    [InlineData(PeriodKind.Quarter, 1, "2026-04-01", "2026-06-30")]
    [InlineData(PeriodKind.Quarter, 2, "2026-07-01", "2026-09-30")]
    [InlineData(PeriodKind.Quarter, 3, "2026-10-01", "2026-12-31")]
    [InlineData(PeriodKind.Quarter, 4, "2027-01-01", "2027-03-31")] // Q4 is Jan–Mar of the next calendar year
    [InlineData(PeriodKind.Half, 1, "2026-04-01", "2026-09-30")]
    [InlineData(PeriodKind.Half, 2, "2026-10-01", "2027-03-31")]
    [InlineData(PeriodKind.Month, 1, "2026-04-01", "2026-04-30")]
    [InlineData(PeriodKind.Month, 11, "2027-02-01", "2027-02-28")]
    [InlineData(PeriodKind.Month, 12, "2027-03-01", "2027-03-31")]
    [InlineData(PeriodKind.Year, 1, "2026-04-01", "2027-03-31")]
    public void StartAndEnd_FollowTheFinancialYear(PeriodKind kind, int number, string start, string end)
    {
        var period = ReportingPeriod.Of(Fy2026, kind, number);
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
    }

    [Fact]
    public void CalendarMonth_LeapYearFebruary_EndsOnTheTwentyNinth()
    {
        var feb2028 = ReportingPeriod.CalendarMonth(2028, 2);
        Assert.Equal(new DateOnly(2028, 2, 29), feb2028.End);
        Assert.Equal(new FinancialYear(2027), feb2028.Year);
        Assert.Equal(11, feb2028.Number);
    }

    [Theory]
    [InlineData("2026-03-31", PeriodKind.Quarter, "Q4 2025/26")]
    [InlineData("2026-04-01", PeriodKind.Quarter, "Q1 2026/27")]
    [InlineData("2026-09-30", PeriodKind.Quarter, "Q2 2026/27")]
    [InlineData("2027-01-15", PeriodKind.Quarter, "Q4 2026/27")]
    [InlineData("2026-10-01", PeriodKind.Half, "H2 2026/27")]
    [InlineData("2026-10-31", PeriodKind.Month, "Oct 2026")]
    [InlineData("2027-03-31", PeriodKind.Year, "2026/27")]
    public void Containing_DateAndKind_GivesThePeriod(string date, PeriodKind kind, string expected) =>
        Assert.Equal(expected, ReportingPeriod.Containing(DateOnly.Parse(date), kind).ToString());

    [Theory]
    [InlineData("Q1 2026/27", "Q4 2025/26")]  // across the year boundary
    [InlineData("Q3 2026/27", "Q2 2026/27")]
    [InlineData("Apr 2026", "Mar 2026")]      // April's previous month is in the previous financial year
    [InlineData("Jan 2027", "Dec 2026")]      // same financial year, different calendar year
    [InlineData("H1 2026/27", "H2 2025/26")]
    [InlineData("2026/27", "2025/26")]
    public void Previous_IsTheOneBefore(string period, string previous) =>
        Assert.Equal(previous, ReportingPeriod.Parse(period).Previous.ToString());

    [Theory]
    [InlineData("Q4 2026/27", "Q1 2027/28")]
    [InlineData("Mar 2027", "Apr 2027")]
    [InlineData("Dec 2026", "Jan 2027")]
    public void Next_IsTheOneAfter(string period, string next) =>
        Assert.Equal(next, ReportingPeriod.Parse(period).Next.ToString());

    [Theory]
    [InlineData("Q2 2026/27", "Q2 2025/26")]
    [InlineData("Jan 2027", "Jan 2026")]
    [InlineData("H2 2026/27", "H2 2025/26")]
    public void SamePeriodLastYear_IsOneFinancialYearEarlier(string period, string lastYear) =>
        Assert.Equal(lastYear, ReportingPeriod.Parse(period).SamePeriodLastYear.ToString());

    [Theory]
    [InlineData("Q2 2026/27", "Q2 2026/27")]
    [InlineData("q2 2026-27", "Q2 2026/27")]
    [InlineData("Quarter 2 2026/27", "Q2 2026/27")]
    [InlineData("2026/27 Q2", "Q2 2026/27")]
    [InlineData("Q4 26/27", "Q4 2026/27")]
    [InlineData("H1 2026/27", "H1 2026/27")]
    [InlineData("Half 2 2026/2027", "H2 2026/27")]
    [InlineData("Oct 2026", "Oct 2026")]
    [InlineData("October 2026", "Oct 2026")]
    [InlineData("Sept 2026", "Sep 2026")]
    [InlineData("oct-2026", "Oct 2026")]
    [InlineData("2026-10", "Oct 2026")]
    [InlineData("2026/27", "2026/27")]
    [InlineData("FY2026-Q2", "Q2 2026/27")]
    [InlineData("FY2026-M07", "Oct 2026")]
    public void Parse_HowPeopleWriteIt_ReadsThePeriod(string text, string expected) =>
        Assert.Equal(expected, ReportingPeriod.Parse(text).ToString());

    [Theory]
    [InlineData("Q5 2026/27")]
    [InlineData("H3 2026/27")]
    [InlineData("Octo 2026x")]
    [InlineData("Octember 2026")]
    [InlineData("2026-13")]
    [InlineData("Q2")]
    [InlineData("Q2 2026/28")]
    [InlineData("")]
    [InlineData("next quarter")]
    [InlineData("Apr 9998")]       // 9998/99 is the last year there is: it has no next
    [InlineData("Mar 1901")]       // 1900/01, the first: it has no previous
    [InlineData("1900-05")]
    [InlineData("0001-04")]
    [InlineData("9999/00")]
    [InlineData("Q1 1900/01")]
    [InlineData("Oct ٢٠٢٦")]        // other scripts' digits
    public void TryParse_Nonsense_Refused(string text) => Assert.False(ReportingPeriod.TryParse(text, out _));

    [Theory]
    [InlineData("FY9999-Q9")]
    [InlineData("FY9999-M01")]
    [InlineData("FY9998-Q4")]
    [InlineData("FY1900-M01")]
    [InlineData("FY0000-Y")]
    [InlineData("FY2026-M13")]
    [InlineData("FY2026-M00")]
    [InlineData("FY٢٠٢٦-Q2")]
    [InlineData("FY2026-Q2 ")]
    [InlineData(null)]
    public void TryParseCode_APeriodThatCantExist_IsRefusedNotThrown(string? code) =>
        Assert.False(ReportingPeriod.TryParseCode(code, out _));

    [Theory]
    [InlineData("FY1901-M01")]
    [InlineData("FY9997-Q4")]
    public void TryParseCode_TheEdgesThatExist_HaveAPreviousAndANext(string code)
    {
        Assert.True(ReportingPeriod.TryParseCode(code, out var period));
        Assert.True(period.Previous < period && period < period.Next && period.SamePeriodLastYear < period);
    }

    [Fact]
    public void Parse_Nonsense_SaysHowToWriteIt()
    {
        var error = Assert.Throws<FormatException>(() => ReportingPeriod.Parse("soon"));
        Assert.Contains("Q2 2026/27", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oct 2026", "FY2026-M07")]
    [InlineData("Q2 2026/27", "FY2026-Q2")]
    [InlineData("H2 2026/27", "FY2026-H2")]
    [InlineData("2026/27", "FY2026-Y")]
    public void Code_RoundTrips(string period, string code)
    {
        var parsed = ReportingPeriod.Parse(period);
        Assert.Equal(code, parsed.Code);
        Assert.True(ReportingPeriod.TryParseCode(code, out var back));
        Assert.Equal(parsed, back);
    }

    [Fact]
    public void Code_SortsChronologicallyWithinAKind()
    {
        var months = Enumerable.Range(0, 30).Select(i => ReportingPeriod.CalendarMonth(2025, 1).Start.AddMonths(i))
            .Select(d => ReportingPeriod.CalendarMonth(d.Year, d.Month)).ToList();
        Assert.Equal(months.Select(m => m.Code), months.Select(m => m.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Q2 2026/27", "Q2 2026/27 (July to September 2026)")]
    [InlineData("Q4 2026/27", "Q4 2026/27 (January to March 2027)")]
    [InlineData("H2 2026/27", "H2 2026/27 (October 2026 to March 2027)")]
    [InlineData("Oct 2026", "October 2026")]
    [InlineData("2026/27", "2026/27 (April 2026 to March 2027)")]
    public void LongName_SaysWhichMonths(string period, string expected) =>
        Assert.Equal(expected, ReportingPeriod.Parse(period).LongName);
}
