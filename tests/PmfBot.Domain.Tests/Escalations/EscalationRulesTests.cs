using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Tests.Escalations;

public class EscalationRulesTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("FY2026-Q2");

    private static MeasureResult Result(ReportingPeriod period, RagStatus? rag, DirectionOfTravel vsPrevious) => new()
    {
        Measure = MeasureReference.Parse("NI 192"),
        Period = period,
        Value = 45m,
        RecordedBy = TestMeasures.Owner,
        RecordedAt = DateTimeOffset.UnixEpoch,
        Rag = rag,
        VsPrevious = vsPrevious,
    };

    public static TheoryData<string, RagStatus?, DirectionOfTravel, RagStatus?, DirectionOfTravel, EscalationTrigger?> Table => new()
    {
        // this period,                      the period before                    → trigger
        { "red escalates at once", RagStatus.Red, DirectionOfTravel.Better, null, DirectionOfTravel.NotComparable, EscalationTrigger.Red },
        { "amber worsening once: not yet", RagStatus.Amber, DirectionOfTravel.Worse, RagStatus.Green, DirectionOfTravel.Better, null },
        { "amber worsening twice running", RagStatus.Amber, DirectionOfTravel.Worse, RagStatus.Amber, DirectionOfTravel.Worse, EscalationTrigger.AmberWorsening },
        { "amber but improving", RagStatus.Amber, DirectionOfTravel.Better, RagStatus.Amber, DirectionOfTravel.Worse, null },
        { "amber stable twice", RagStatus.Amber, DirectionOfTravel.Stable, RagStatus.Amber, DirectionOfTravel.Worse, null },
        { "green however it moves", RagStatus.Green, DirectionOfTravel.Worse, RagStatus.Green, DirectionOfTravel.Worse, null },
        { "no target, worse twice", null, DirectionOfTravel.Worse, null, DirectionOfTravel.Worse, EscalationTrigger.AmberWorsening },
        { "no target, context only (higher)", null, DirectionOfTravel.Higher, null, DirectionOfTravel.Higher, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void ForResult_FollowsThePolicyTable(string why, RagStatus? rag, DirectionOfTravel direction, RagStatus? earlierRag, DirectionOfTravel earlierDirection, EscalationTrigger? expected)
    {
        var latest = Result(Q2, rag, direction);
        var history = new[] { Result(Q2.Previous, earlierRag, earlierDirection), latest };

        Assert.True(expected == EscalationRules.ForResult(latest, history, EscalationPolicy.Default), why);
    }

    [Fact]
    public void AGapInTheHistory_BreaksTheRun()
    {
        var latest = Result(Q2, RagStatus.Amber, DirectionOfTravel.Worse);
        var twoBack = Result(Q2.Previous.Previous, RagStatus.Amber, DirectionOfTravel.Worse);

        Assert.Null(EscalationRules.ForResult(latest, [twoBack, latest], EscalationPolicy.Default));
    }

    [Fact]
    public void ThePolicyIsConfigurable_RedOff_ThreePeriodsOfAmber()
    {
        var policy = EscalationPolicy.Default with { EscalateRed = false, AmberWorseningPeriods = 3 };
        var red = Result(Q2, RagStatus.Red, DirectionOfTravel.Worse);
        var amber = Result(Q2, RagStatus.Amber, DirectionOfTravel.Worse);
        var before = Result(Q2.Previous, RagStatus.Amber, DirectionOfTravel.Worse);

        Assert.Null(EscalationRules.ForResult(red, [red], policy));
        Assert.Null(EscalationRules.ForResult(amber, [before, amber], policy));
        Assert.Equal(EscalationTrigger.AmberWorsening, EscalationRules.ForResult(amber, [Result(Q2.Previous.Previous, RagStatus.Amber, DirectionOfTravel.Worse), before, amber], policy));
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    public void AMissingUpdate_EscalatesOnceMoreThanTheConfiguredDaysOverdue(int daysLate, bool escalates)
    {
        var deadline = new Deadline(new DateOnly(2026, 10, 10), null);
        var now = UkTime.At(deadline.Date.AddDays(daysLate), new TimeOnly(9, 0));

        Assert.Equal(escalates, EscalationRules.OverdueEscalates(deadline, now, EscalationPolicy.Default));
        Assert.False(EscalationRules.OverdueEscalates(deadline, now, EscalationPolicy.Default with { OverdueDays = null }));
        Assert.False(EscalationRules.OverdueEscalates(deadline, now.AddMinutes(-1), EscalationPolicy.Default)); // not before 09:00
    }

    [Theory]
    [InlineData(3, 3, "RaiseAfterDays must be after ChaseAfterDays")]
    [InlineData(0, 7, "ChaseAfterDays must be at least 1.")]
    [InlineData(3, 7, null)]
    public void APolicy_ChecksItsFollowUpDays(int chase, int raise, string? problem)
    {
        var found = (EscalationPolicy.Default with { ChaseAfterDays = chase, RaiseAfterDays = raise }).Problem();

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
    [InlineData(RagStatus.Green, DirectionOfTravel.Worse, true)]
    [InlineData(RagStatus.Amber, DirectionOfTravel.Better, true)]
    [InlineData(RagStatus.Amber, DirectionOfTravel.Worse, false)]
    [InlineData(RagStatus.Red, DirectionOfTravel.Better, false)]
    [InlineData(null, DirectionOfTravel.Stable, true)]
    [InlineData(null, DirectionOfTravel.Worse, false)]
    public void IsBackWithinTolerance_WhenNotRedAndNotSlipping(RagStatus? rag, DirectionOfTravel direction, bool back) =>
        Assert.Equal(back, EscalationRules.IsBackWithinTolerance(Result(Q2, rag, direction)));

    [Fact]
    public void PeriodsOffTrack_CountsBackUntilAnOnTrackOrMissingPeriod()
    {
        var history = new[]
        {
            Result(Q2.Previous.Previous.Previous, RagStatus.Amber, DirectionOfTravel.Worse),
            Result(Q2.Previous.Previous, RagStatus.Green, DirectionOfTravel.Better),
            Result(Q2.Previous, RagStatus.Amber, DirectionOfTravel.Worse),
        };

        Assert.Equal(2, EscalationRules.PeriodsOffTrack(Result(Q2, RagStatus.Red, DirectionOfTravel.Worse), history));
        Assert.Equal(0, EscalationRules.PeriodsOffTrack(Result(Q2, RagStatus.Green, DirectionOfTravel.Better), history));
        Assert.Equal(1, EscalationRules.PeriodsOffTrack(Result(Q2.Next.Next, RagStatus.Red, DirectionOfTravel.NotComparable), history)); // a gap ends the run
    }
}
