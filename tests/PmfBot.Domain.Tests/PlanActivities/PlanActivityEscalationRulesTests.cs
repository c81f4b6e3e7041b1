using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.PlanActivities;

namespace PmfBot.Domain.Tests.PlanActivities;

/// <summary>When an activity goes to its escalation owner, and when that is over; and how its escalation is keyed.
/// </summary>
public class PlanActivityEscalationRulesTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("FY2026-Q2");
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Parse("FY2026-Q3");

    // A milestone missed earlier in the quarter, too.
    private static readonly PlanActivity Housing = TestActivities.Housing with
    {
        Milestones =
        [
            .. TestActivities.Housing.Milestones,
            new Milestone("Pilot estate live", new DateOnly(2026, 9, 15), PlanActivityStatus.AtRisk),
        ],
    };

    private static DateTimeOffset At(int year, int month, int day, int hour = 9) =>
        UkTime.At(new DateOnly(year, month, day), new TimeOnly(hour, 0));

    private static PlanActivityProgress Report(ReportingPeriod period, PlanActivityStatus status) =>
        new(Housing.Code, period, status, null, "Commentary.", "Action.", TestMeasures.Owner, At(2026, 10, 8));

    private static Escalation Raised(EscalationTrigger trigger, ReportingPeriod period) =>
        new()
        {
            Subject = EscalationSubject.OfPlanActivity(Housing.Code),
            Period = period,
            Trigger = trigger,
            EscalationOwner = TestMeasures.Chief,
            Owner = TestMeasures.Owner,
            RaisedAt = At(2026, 10, 8),
        };

    [Theory]
    [InlineData(PlanActivityStatus.OffTrack, true)]
    [InlineData(PlanActivityStatus.AtRisk, false)]
    [InlineData(PlanActivityStatus.OnTrack, false)]
    [InlineData(PlanActivityStatus.NotStarted, false)]
    [InlineData(PlanActivityStatus.Completed, false)]
    public void OnlyAnOffTrackReport_Escalates(PlanActivityStatus status, bool escalates) =>
        Assert.Equal(
            escalates ? EscalationTrigger.OffTrack : null,
            PlanActivityEscalationRules.ForReport(Report(Q2, status))
        );

    [Theory]
    [InlineData(EscalationTrigger.OffTrack, "FY2026-Q2", PlanActivityStatus.OnTrack, true)]
    [InlineData(EscalationTrigger.OffTrack, "FY2026-Q3", PlanActivityStatus.AtRisk, true)]
    [InlineData(EscalationTrigger.OffTrack, "FY2026-Q3", PlanActivityStatus.OffTrack, false)]
    [InlineData(EscalationTrigger.OffTrack, "FY2026-Q1", PlanActivityStatus.OnTrack, false)] // an older quarter's
    [InlineData(EscalationTrigger.MissedMilestone, "FY2026-Q3", PlanActivityStatus.OnTrack, false)]
    [InlineData(EscalationTrigger.MissedMilestone, "FY2026-Q3", PlanActivityStatus.Completed, true)]
    public void ALaterReport_EndsAnOffTrackEscalation_WhenBackOnTrack_AndAnyOnCompletion(
        EscalationTrigger trigger,
        string reported,
        PlanActivityStatus status,
        bool ends
    ) =>
        Assert.Equal(
            ends,
            PlanActivityEscalationRules.IsEndedBy(Report(ReportingPeriod.Parse(reported), status), Raised(trigger, Q2))
        );

    [Fact]
    public void AMissedMilestone_EscalatesFrom0900TheDayAfter_ItsQuarter_OldestFirst()
    {
        PlanActivityStanding StandingAt(DateTimeOffset at) =>
            PlanActivityStanding.At(Housing, [], at, UpdateCyclePolicy.Default);

        Assert.Equal(
            ["Pilot estate live"],
            PlanActivityEscalationRules
                .MissedMilestonesAt(StandingAt(At(2026, 10, 1, 8)), At(2026, 10, 1, 8))
                .Select(m => m.Milestone.Title)
        );
        var missed = PlanActivityEscalationRules.MissedMilestonesAt(StandingAt(At(2026, 10, 1)), At(2026, 10, 1));
        Assert.Equal(["Pilot estate live", "Data migration tested"], missed.Select(m => m.Milestone.Title));
        Assert.All(missed, m => Assert.Equal(Q2, m.Quarter));
    }

    [Fact]
    public void AFinishedActivity_HasNoMilestoneToEscalate()
    {
        var stopped = PlanActivityStanding.At(
            Housing with { Status = PlanActivityStatus.Stopped },
            [],
            At(2026, 11, 7),
            UpdateCyclePolicy.Default
        );

        Assert.Empty(PlanActivityEscalationRules.MissedMilestonesAt(stopped, At(2026, 11, 7)));
    }

    [Fact]
    public void AnActivitysEscalation_IsKeyedApart_AfterEveryMeasuresKey()
    {
        var activity = EscalationSubject.OfPlanActivity("housing-system");
        var measure = EscalationSubject.Of(MeasureReference.Parse("ZZ 99"));

        Assert.Equal("activity|HOUSING-SYSTEM|FY2026-Q3", Escalation.KeyOf(activity, Q3));
        Assert.True(string.CompareOrdinal(measure.Key, EscalationSubject.FirstPlanActivityKey) < 0);
        Assert.True(string.CompareOrdinal(activity.Key, EscalationSubject.FirstPlanActivityKey) >= 0);
        Assert.True(string.CompareOrdinal(activity.Key, EscalationSubject.AfterPlanActivityKeys) < 0);
        Assert.Equal(activity, EscalationSubject.OfPlanActivity("HOUSING-SYSTEM"));
        Assert.Throws<InvalidOperationException>(() => Raised(EscalationTrigger.OffTrack, Q2).Measure);
        Assert.Equal("housing-system", Raised(EscalationTrigger.OffTrack, Q2).PlanActivity);
    }

    [Fact]
    public void APeriodsReport_ShowsThatQuartersEscalation_OrAnEarlierOneStillOpenAtItsEnd()
    {
        var q2 = Raised(EscalationTrigger.OffTrack, Q2);
        var closedInQ3 = q2.Close(new EscalationClosure(At(2026, 11, 2), "reported on track for Q3 2026/27."));
        var closedInQ2 = q2.Close(new EscalationClosure(At(2026, 9, 2), "reported on track."));
        Escalation? ForPeriod(string period, params Escalation[] escalations) =>
            PlanActivityStanding.ForPeriod(Housing, [], ReportingPeriod.Parse(period), escalations).Escalation;

        Assert.Same(closedInQ2, ForPeriod("FY2026-Q2", closedInQ2)); // its own quarter's, closed or not
        Assert.Null(ForPeriod("FY2026-Q1", q2)); // a later quarter's
        Assert.Same(q2, ForPeriod("FY2026-Q3", q2)); // still open at Q3's end
        Assert.Null(ForPeriod("FY2026-Q3", closedInQ3)); // closed before Q3 ended
        Assert.Null(ForPeriod("FY2026-Q3", closedInQ2));
        var q3 = Raised(EscalationTrigger.MissedMilestone, Q3);
        Assert.Same(q3, ForPeriod("FY2026-Q3", q2, q3)); // the latest quarter's first
    }

    [Fact]
    public void TheStanding_CarriesTheEscalationRaisedByThen_AndNotClosedByThen()
    {
        var raised = Raised(EscalationTrigger.MissedMilestone, Q2);
        var closed = raised.Close(new EscalationClosure(At(2026, 11, 2), "reported completed for Q3 2026/27."));
        PlanActivityStanding StandingAt(DateTimeOffset at, Escalation x) =>
            PlanActivityStanding.At(Housing, [], at, UpdateCyclePolicy.Default, [x]);

        Assert.Null(StandingAt(At(2026, 10, 7), raised).Escalation);
        Assert.Same(raised, StandingAt(At(2026, 10, 9), raised).Escalation);
        Assert.Same(closed, StandingAt(At(2026, 11, 1), closed).Escalation);
        Assert.Null(StandingAt(At(2026, 11, 3), closed).Escalation);
    }
}
