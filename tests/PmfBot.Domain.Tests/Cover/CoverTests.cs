using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;

namespace PmfBot.Domain.Tests.Cover;

public class CoverTests
{
    private static readonly PersonId Fiona = PersonId.Parse("fiona.grant@northmere.gov.uk");
    private static readonly PersonId Sam = PersonId.Parse("sam.other@northmere.gov.uk");
    private static readonly DateOnly Today = new(2026, 11, 7);

    private static CouncilCatalogue Council(params Measure[] measures) => CouncilCatalogue.Empty with { Measures = measures };

    [Fact]
    public void ADelegationInForce_MakesTheDelegateTheStandIn_ForTheOwnersMeasuresItCovers()
    {
        var mine = TestMeasures.Make();
        var other = TestMeasures.Make("NI 191") with { Owner = Sam };
        var delegation = new Delegation("d1", mine.Owner, Fiona, null, Today.AddDays(3), DateTimeOffset.UnixEpoch);

        var today = Delegation.Apply(Council(mine, other), [delegation], Today);

        var covered = today.FindMeasure(mine.Reference)!;
        Assert.Equal((Fiona, Fiona), (covered.PromptsGoTo, covered.StandIn!.Value));
        Assert.True(covered.MayBeUpdatedBy(Fiona));
        Assert.True(covered.MayBeUpdatedBy(mine.Owner)); // the owner still may
        Assert.Equal(Sam, today.FindMeasure(other.Reference)!.PromptsGoTo); // someone else's measure is untouched
    }

    [Fact]
    public void AnEndedDelegation_OrOneForAnotherMeasure_ChangesNothing()
    {
        var mine = TestMeasures.Make();
        var ended = new Delegation("d1", mine.Owner, Fiona, null, Today.AddDays(-1), DateTimeOffset.UnixEpoch);
        var otherMeasure = new Delegation("d2", mine.Owner, Fiona, MeasureReference.Parse("NI 191"), Today, DateTimeOffset.UnixEpoch);

        var today = Delegation.Apply(Council(mine), [ended, otherMeasure], Today);

        Assert.Equal(mine.Owner, today.FindMeasure(mine.Reference)!.PromptsGoTo);
        Assert.False(today.FindMeasure(mine.Reference)!.MayBeUpdatedBy(Fiona));
    }

    [Theory]
    [InlineData("fiona.grant@northmere.gov.uk", 3, null)]
    [InlineData("owner", 3, "You can't delegate to yourself.")]
    [InlineData("fiona.grant@northmere.gov.uk", -1, "That day (6 Nov 2026) has passed")]
    [InlineData("fiona.grant@northmere.gov.uk", 400, "A delegation can run for a year at most.")]
    public void ProblemWith_ChecksWhoAndHowLong(string to, int days, string? problem)
    {
        var owner = TestMeasures.Make().Owner;
        var found = Delegation.ProblemWith(owner, to == "owner" ? owner : PersonId.Parse(to), Today.AddDays(days), Today);
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
    [InlineData("2026-11-09", true)]  // before the snooze ends and the deadline
    [InlineData("2026-11-10", false)] // the deadline day: the card goes, snooze or not
    [InlineData("2026-11-11", false)]
    public void ASnooze_HoldsRemindersUntilItEnds_ButNeverPastTheDeadline(string day, bool held)
    {
        var measure = MeasureReference.Parse("CS 02");
        var snooze = new Snooze(Fiona, null, new DateOnly(2026, 11, 13), DateTimeOffset.UnixEpoch);

        Assert.Equal(held, snooze.Holds(Fiona, measure, new DateOnly(2026, 11, 10), DateOnly.Parse(day)));
        Assert.False(snooze.Holds(Sam, measure, new DateOnly(2026, 11, 10), DateOnly.Parse(day)));
    }
}
