using PmfBot.Domain.Calendar;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Domain.Tests.Deadlines;

public class UpdateCyclePolicyTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("FY2026-Q2");
    private static readonly Deadline Tenth = new(new DateOnly(2026, 10, 12), null); // 10 Oct 2026 is a Saturday

    [Theory]
    [InlineData("2026-09-30T22:59:59Z", UpdateWindowState.NotYetEnded)] // 23:59:59 BST on the quarter's last day
    [InlineData("2026-09-30T23:00:00Z", UpdateWindowState.Open)]        // midnight BST: the quarter has ended
    [InlineData("2026-12-11T23:59:59Z", UpdateWindowState.Open)]        // the 60th day after the deadline, still open (GMT now)
    [InlineData("2026-12-12T00:00:00Z", UpdateWindowState.Closed)]
    public void StateAt_OpensWhenThePeriodEnds_AndClosesDaysAfterTheDeadline(string now, UpdateWindowState expected) =>
        Assert.Equal(expected, UpdateCyclePolicy.Default.StateAt(Q2, Tenth, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ClosesAt_FollowsTheExtendedDeadline()
    {
        var extended = new Deadline(new DateOnly(2026, 10, 30), Tenth.Date);

        Assert.Equal(UkTime.StartOf(new DateOnly(2026, 12, 30)), UpdateCyclePolicy.Default.ClosesAt(extended));
    }
}
