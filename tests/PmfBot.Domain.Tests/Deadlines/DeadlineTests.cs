using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Domain.Tests.Deadlines;

public class DeadlineTests
{
    private readonly DeadlinePolicy _policy = DeadlinePolicy.Default;

    [Theory]
    [InlineData(Frequency.Monthly, "Oct 2026", "2026-11-10")]
    [InlineData(Frequency.Monthly, "Mar 2027", "2027-04-10")]    // year boundary
    [InlineData(Frequency.Monthly, "Dec 2026", "2027-01-10")]
    [InlineData(Frequency.Quarterly, "Q2 2026/27", "2026-10-10")]
    [InlineData(Frequency.Quarterly, "Q3 2026/27", "2027-01-10")]
    [InlineData(Frequency.Quarterly, "Q4 2026/27", "2027-04-10")] // Q4 ends 31 Mar of the next calendar year
    [InlineData(Frequency.HalfYearly, "H1 2026/27", "2026-10-10")]
    [InlineData(Frequency.HalfYearly, "H2 2026/27", "2027-04-10")]
    [InlineData(Frequency.Annual, "2026/27", "2027-04-30")]         // end of the month after the year
    public void DeadlineFor_DefaultRules(Frequency frequency, string period, string expected)
    {
        var measure = TestMeasures.Make(frequency: frequency);
        var deadline = _policy.DeadlineFor(measure, ReportingPeriod.Parse(period));
        Assert.Equal(DateOnly.Parse(expected), deadline.Date);
        Assert.False(deadline.IsExtended);
    }

    [Theory]
    [InlineData(NonWorkingDayAdjustment.Keep, "Q2 2026/27", "2026-10-10")]              // a Saturday, kept: the published rule
    [InlineData(NonWorkingDayAdjustment.NextWorkingDay, "Q2 2026/27", "2026-10-12")]    // Saturday → Monday
    [InlineData(NonWorkingDayAdjustment.PreviousWorkingDay, "Q2 2026/27", "2026-10-09")] // Saturday → Friday
    [InlineData(NonWorkingDayAdjustment.NextWorkingDay, "Apr 2026", "2026-05-11")]       // 10 May 2026 is a Sunday
    public void DeadlineFor_DayOnAWeekend_FollowsTheAdjustment(NonWorkingDayAdjustment adjustment, string period, string expected)
    {
        var measure = TestMeasures.Make(frequency: ReportingPeriod.Parse(period).Kind == PeriodKind.Month ? Frequency.Monthly : Frequency.Quarterly)
            with { DeadlineRule = new DeadlineRule.DayOfFollowingMonth(10, adjustment) };
        Assert.Equal(DateOnly.Parse(expected), _policy.DeadlineFor(measure, ReportingPeriod.Parse(period)).Date);
    }

    [Fact]
    public void DeadlineFor_DayOnABankHoliday_MovesToTheNextWorkingDay()
    {
        // 31 Aug 2026 is the summer bank holiday: "by the 31st, next working day" → Tue 1 Sep.
        var measure = TestMeasures.Make(frequency: Frequency.Monthly) with
        {
            DeadlineRule = new DeadlineRule.DayOfFollowingMonth(31, NonWorkingDayAdjustment.NextWorkingDay),
        };
        Assert.Equal(new DateOnly(2026, 9, 1), _policy.DeadlineFor(measure, ReportingPeriod.Parse("Jul 2026")).Date);
    }

    [Theory]
    [InlineData("Q3 2026/27", 5, "2027-01-08")] // 1 Jan holiday + weekend skipped
    [InlineData("Jul 2026", 1, "2026-08-03")]   // 1 Aug 2026 is a Saturday
    [InlineData("Mar 2026", 3, "2026-04-07")]   // Good Friday 3 Apr and Easter Monday 6 Apr skipped
    public void DeadlineFor_NthWorkingDay_SkipsWeekendsAndBankHolidays(string period, int n, string expected)
    {
        var p = ReportingPeriod.Parse(period);
        var measure = TestMeasures.Make(frequency: p.Kind == PeriodKind.Month ? Frequency.Monthly : Frequency.Quarterly)
            with { DeadlineRule = new DeadlineRule.WorkingDayOfFollowingMonth(n) };
        Assert.Equal(DateOnly.Parse(expected), _policy.DeadlineFor(measure, p).Date);
    }

    [Fact]
    public void DeadlineFor_DayBeyondTheMonth_IsTheLastDay()
    {
        var measure = TestMeasures.Make(frequency: Frequency.Monthly) with { DeadlineRule = new DeadlineRule.DayOfFollowingMonth(31) };
        Assert.Equal(new DateOnly(2027, 2, 28), _policy.DeadlineFor(measure, ReportingPeriod.Parse("Jan 2027")).Date);
    }

    [Fact]
    public void DeadlineFor_CouncilPolicy_ChangesTheDefaultForAFrequency()
    {
        var policy = _policy with { Quarterly = new DeadlineRule.DaysAfterPeriod(15) };
        Assert.Equal(new DateOnly(2026, 10, 15), policy.DeadlineFor(TestMeasures.Make(), ReportingPeriod.Parse("Q2 2026/27")).Date);
    }

    [Fact]
    public void DeadlineFor_ApprovedExtension_MovesTheDeadline_RefusedAndPendingDoNot()
    {
        var measure = TestMeasures.Make();
        var period = ReportingPeriod.Parse("Q2 2026/27");
        DeadlineExtension Request(string id, int day) => new()
        {
            Id = id, Measure = measure.Reference, Period = period, NewDeadline = new DateOnly(2026, 10, day),
            Reason = "Data from contractor late", RequestedBy = TestMeasures.Owner, RequestedAt = DateTimeOffset.Parse("2026-10-01T09:00Z"),
        };
        var at = DateTimeOffset.Parse("2026-10-02T09:00Z");
        var approved = Request("a", 24).Decide(true, TestMeasures.Chief, at, null);
        var refused = Request("b", 31).Decide(false, TestMeasures.Chief, at, "No");
        var pending = Request("c", 30);

        var deadline = _policy.DeadlineFor(measure, period, [approved, refused, pending]);

        Assert.Equal(new DateOnly(2026, 10, 24), deadline.Date);
        Assert.Equal(new DateOnly(2026, 10, 10), deadline.ExtendedFrom);
    }

    [Fact]
    public void DeadlineExtension_DecidedTwice_Throws()
    {
        var request = new DeadlineExtension
        {
            Id = "x", Measure = MeasureReference.Parse("NI 192"), Period = ReportingPeriod.Parse("Q2 2026/27"),
            NewDeadline = new DateOnly(2026, 10, 24), Reason = "r", RequestedBy = TestMeasures.Owner, RequestedAt = DateTimeOffset.UnixEpoch,
        };
        var decided = request.Decide(true, TestMeasures.Chief, DateTimeOffset.UnixEpoch, null);
        Assert.Throws<InvalidOperationException>(() => decided.Decide(false, TestMeasures.Chief, DateTimeOffset.UnixEpoch, null));
    }

    [Theory]
    [InlineData("2026-10-10", "reason", "The new deadline must be after")]
    [InlineData("2026-10-24", " ", "Please give a reason")]
    [InlineData("2026-10-24", "reason", null)]
    [InlineData("2026-12-09", "reason", null)]
    [InlineData("2026-12-10", "reason", "The latest deadline that can be agreed is 9 Dec 2026")]
    public void ProblemWithRequest_ChecksDateAndReason(string newDeadline, string reason, string? problem)
    {
        var current = new Deadline(new DateOnly(2026, 10, 10), null);
        var latest = UpdateCyclePolicy.Default.LatestExtensionFor(current);
        var found = DeadlineExtension.ProblemWithRequest(DateOnly.Parse(newDeadline), reason, current, latest);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(problem, found, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2026-10-10T22:59:59Z", false)] // 23:59:59 BST on the 10th: still on time
    [InlineData("2026-10-10T23:00:00Z", true)]  // midnight BST: late
    public void IsOverdueAt_EndOfTheDeadlineDayInUkTime_Bst(string now, bool overdue) =>
        Assert.Equal(overdue, new Deadline(new DateOnly(2026, 10, 10), null).IsOverdueAt(DateTimeOffset.Parse(now)));

    [Theory]
    [InlineData("2027-01-10T23:59:59Z", false)] // GMT: local is UTC
    [InlineData("2027-01-11T00:00:00Z", true)]
    public void IsOverdueAt_EndOfTheDeadlineDayInUkTime_Gmt(string now, bool overdue) =>
        Assert.Equal(overdue, new Deadline(new DateOnly(2027, 1, 10), null).IsOverdueAt(DateTimeOffset.Parse(now)));

    [Theory]
    [InlineData("2026-10-09T12:00:00Z", -1)]
    [InlineData("2026-10-10T12:00:00Z", 0)]
    [InlineData("2026-10-15T12:00:00Z", 5)]
    public void DaysOverdueAt_CountsUkDays(string now, int days) =>
        Assert.Equal(days, new Deadline(new DateOnly(2026, 10, 10), null).DaysOverdueAt(DateTimeOffset.Parse(now)));

    [Theory]
    [InlineData("10th")]
    [InlineData("10th next-working-day")]
    [InlineData("1st previous-working-day")]
    [InlineData("end of month")]
    [InlineData("5th working day")]
    [InlineData("15 days")]
    public void DeadlineRule_TextRoundTrips(string text)
    {
        Assert.True(DeadlineRule.TryParse(text, out var rule));
        Assert.Equal(text, rule!.ToText());
    }

    [Theory]
    [InlineData("tenth")]
    [InlineData("32nd")]
    [InlineData("10th sometimes")]
    [InlineData("")]
    [InlineData("0th working day")]
    public void DeadlineRule_Nonsense_Refused(string text) => Assert.False(DeadlineRule.TryParse(text, out _));
}
