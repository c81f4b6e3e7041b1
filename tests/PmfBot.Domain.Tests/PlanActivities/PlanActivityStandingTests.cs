using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.PlanActivities;

namespace PmfBot.Domain.Tests.PlanActivities;

/// <summary>Where an activity stands at an instant, and a scope's week of activities for its digest.</summary>
public class PlanActivityStandingTests
{
    private static readonly PlanActivity Housing = TestActivities.Housing;

    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("FY2026-Q2");

    private static DateTimeOffset At(int year, int month, int day) =>
        UkTime.At(new DateOnly(year, month, day), new TimeOnly(9, 0));

    private static PlanActivityProgress Report(ReportingPeriod period, PlanActivityStatus status, DateTimeOffset at) =>
        new(
            Housing.Code,
            period,
            status,
            40,
            "Migration test failed twice.",
            "Supplier's recovery plan.",
            TestMeasures.Owner,
            at
        );

    private static PlanActivityStanding StandingAt(DateTimeOffset at, params PlanActivityProgress[] history) =>
        PlanActivityStanding.At(Housing, history, at, UpdateCyclePolicy.Default);

    [Fact]
    public void AMilestonePastItsDateAndNotCompleted_MakesItLate_TheDayAfter()
    {
        var report = Report(Q2, PlanActivityStatus.OnTrack, At(2026, 10, 5));

        Assert.False(StandingAt(At(2026, 9, 30), report).IsLate);
        var late = StandingAt(At(2026, 10, 6), report);
        Assert.Equal(["Data migration tested"], late.MissedMilestones.Select(m => m.Title));
        Assert.True(late.IsLate);
        Assert.False(late.PastDueDate);
    }

    [Fact]
    public void AQuarterlyReportPastItsDeadline_MakesItLate_UntilItIsIn()
    {
        var withoutMilestones = Housing with { Milestones = [] };

        var owed = PlanActivityStanding.At(withoutMilestones, [], At(2026, 10, 12), UpdateCyclePolicy.Default);
        Assert.Equal(Q2, owed.OverdueReport?.Period); // due by 10 October
        var answered = PlanActivityStanding.At(
            withoutMilestones,
            [Report(Q2, PlanActivityStatus.OnTrack, At(2026, 10, 12))],
            At(2026, 10, 13),
            UpdateCyclePolicy.Default
        );
        Assert.False(answered.IsLate);
    }

    [Fact]
    public void TheStatus_IsItsLatestReportKnownAtTheInstant_ElseTheCatalogues()
    {
        var offTrack = Report(Q2, PlanActivityStatus.OffTrack, At(2026, 10, 8));

        Assert.Equal(PlanActivityStatus.OnTrack, StandingAt(At(2026, 10, 7), offTrack).Status); // not yet reported
        var after = StandingAt(At(2026, 10, 8), offTrack);
        Assert.True(after.IsOffTrack);
        Assert.Equal(offTrack, after.Latest);
    }

    [Fact]
    public void AFinishedActivity_IsNeverLate_WhateverItsMilestones()
    {
        var completed = Report(Q2, PlanActivityStatus.Completed, At(2026, 10, 5));
        var standing = StandingAt(At(2027, 8, 1), completed);

        Assert.True(standing.IsFinished);
        Assert.False(standing.IsLate);
        Assert.Empty(standing.MissedMilestones);
        Assert.False(
            PlanActivityStanding
                .At(Housing with { Status = PlanActivityStatus.Stopped }, [], At(2027, 8, 1), UpdateCyclePolicy.Default)
                .IsLate
        );
    }

    [Fact]
    public void PastItsOwnDueDate_IsLate()
    {
        var standing = PlanActivityStanding.At(
            Housing with
            {
                Milestones = [],
            },
            [],
            At(2027, 7, 1),
            UpdateCyclePolicy.Default
        );

        Assert.True(standing.PastDueDate);
    }

    [Fact]
    public void TheWeek_ListsLateAndOffTrackAtItsEnd_AndOnlyCompletionsRecordedDuringIt()
    {
        var foodWaste = Housing with { Code = "food-waste", ServiceCode = "waste", Milestones = [] };
        var localPlan = Housing with { Code = "local-plan", ServiceCode = "planning", Milestones = [] };
        var from = At(2026, 10, 5);
        var to = At(2026, 10, 12);
        var activities = new (PlanActivity, IReadOnlyList<PlanActivityProgress>)[]
        {
            (Housing, [Report(Q2, PlanActivityStatus.OffTrack, At(2026, 10, 6))]),
            (
                foodWaste,
                [Report(Q2, PlanActivityStatus.Completed, At(2026, 10, 9)) with { ActivityCode = "food-waste" }]
            ),
            (
                localPlan,
                [Report(Q2, PlanActivityStatus.Completed, At(2026, 10, 2)) with { ActivityCode = "local-plan" }]
            ),
        };

        var week = PlanActivityWeek.Compose(activities, from, to, UpdateCyclePolicy.Default);

        Assert.Equal(["housing-system"], week.Late.Select(s => s.PlanActivity.Code)); // its migration milestone
        Assert.Equal(["housing-system"], week.OffTrack.Select(s => s.PlanActivity.Code));
        // local-plan finished before the week
        Assert.Equal(["food-waste"], week.Completed.Select(s => s.PlanActivity.Code));
        Assert.Equal((1, 2, 3), (week.Now.OffTrack, week.Now.Finished, week.Now.Total));
        Assert.False(week.IsQuiet);
        Assert.True(PlanActivityWeek.Compose([activities[2]], from, to, UpdateCyclePolicy.Default).IsQuiet);
    }

    [Fact]
    public void APeriodsReport_ShowsTheQuartersOwnReport_RecordedAfterIt_AndLatenessAtItsEnd()
    {
        var q2 = Report(Q2, PlanActivityStatus.OffTrack, At(2026, 10, 8));
        var q3 = Report(Q2.Next, PlanActivityStatus.OnTrack, At(2027, 1, 8));

        var september = PlanActivityStanding.ForPeriod(Housing, [q2, q3], ReportingPeriod.Parse("Sep 2026"));

        Assert.Equal(q2, september.Latest); // Q2's report, though recorded in October; not Q3's
        Assert.True(september.IsOffTrack);
        Assert.Equal(["Data migration tested"], september.MissedMilestones.Select(m => m.Title)); // due 30 Sep
        var august = PlanActivityStanding.ForPeriod(Housing, [q2, q3], ReportingPeriod.Parse("Aug 2026"));
        Assert.Empty(august.MissedMilestones);
        Assert.Null(august.OverdueReport);
    }
}
