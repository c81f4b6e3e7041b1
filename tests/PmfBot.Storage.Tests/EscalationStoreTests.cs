using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Storage.Escalations;

namespace PmfBot.Storage.Tests;

public class EscalationStoreTests : StorageTestBase
{
    private static readonly PersonId Daniel = PersonId.Parse("daniel.okoro@northmere.gov.uk");
    private static readonly PersonId Sam = PersonId.Parse("sam.taylor@northmere.gov.uk");
    private static readonly DateTimeOffset Raised = new(2026, 11, 9, 10, 0, 0, TimeSpan.Zero);

    private EscalationStore Store => new(Storage.Tables);

    private static Escalation Red(string period = "FY2026-Q2") => new()
    {
        Subject = MeasureReference.Parse("NI 192"),
        Period = ReportingPeriod.Parse(period),
        Trigger = EscalationTrigger.Red,
        EscalationOwner = Daniel,
        Owner = Sam,
        RaisedAt = Raised,
        ProposedAction = "Agency crews on the east rounds.",
    };

    [Fact]
    public async Task RaisingTheSameMeasureAndPeriod_ManyTimesAtOnce_StoresOne()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.RaiseAsync(Red() with { RaisedAt = Raised.AddSeconds(i) }, default)));

        var raised = Assert.Single(attempts, a => a.Raised);
        Assert.All(attempts, a => Assert.Equal(raised.Stored.Escalation.RaisedAt, a.Stored.Escalation.RaisedAt)); // the losers see the one stored
        Assert.Single(await Store.GetForSubjectAsync(Red().Measure, default));
    }

    [Fact]
    public async Task DecisionsAnswersAndClosure_RoundTrip()
    {
        var (stored, _) = await Store.RaiseAsync(Red(), default);
        var changed = stored.Escalation
            .Decide(new EscalationDecision(DecisionKind.AskForInformation, Daniel, Raised.AddHours(1), "Why the east rounds?", null))
            .Answer(new EscalationAnswer(Sam, Raised.AddHours(2), "Two crews off sick."))
            .Decide(new EscalationDecision(DecisionKind.AcceptRisk, Daniel, Raised.AddHours(3), "Seasonal.", new DateOnly(2027, 1, 31)))
            .Close(new EscalationClosure(Raised.AddDays(40), "Reviewed.", Daniel)) with { RaisedToNextLevelAt = Raised.AddDays(7) };

        Assert.NotNull(await Store.TryChangeAsync(stored, changed, default));
        var read = (await Store.GetAsync(changed.Measure, changed.Period, default))!.Escalation;

        Assert.Equal(changed.Decisions, read.Decisions);
        Assert.Equal(changed.Answers, read.Answers);
        Assert.Equal(changed.Closure, read.Closure);
        Assert.Equal((changed.State, changed.RaisedToNextLevelAt, changed.ProposedAction, changed.Owner), (read.State, read.RaisedToNextLevelAt, read.ProposedAction, read.Owner));
    }

    [Fact]
    public async Task AReopenedEscalation_KeepsItsEarlierRoundsAndRejudgements_ThroughStorageAndTheStandingsJson()
    {
        var (stored, _) = await Store.RaiseAsync(Red() with { Trigger = EscalationTrigger.AmberWorsening }, default);
        var changed = stored.Escalation
            .Rejudge(EscalationTrigger.Red, Raised.AddHours(1))
            .Decide(new EscalationDecision(DecisionKind.AskForInformation, Daniel, Raised.AddHours(2), "Why?", null))
            .Answer(new EscalationAnswer(Sam, Raised.AddHours(3), "Two crews off sick."))
            .Decide(new EscalationDecision(
                DecisionKind.ApproveAction, Daniel, Raised.AddHours(4), "Agreed.", new DateOnly(2027, 1, 31)))
            .Close(new EscalationClosure(Raised.AddDays(30), "WM 03 is back within tolerance."))
            .Reopen(EscalationTrigger.Red, Raised.AddDays(31), "Hire two drivers.");

        Assert.NotNull(await Store.TryChangeAsync(stored, changed, default));
        var read = (await Store.GetAsync(changed.Measure, changed.Period, default))!.Escalation;
        var viaStanding = Assert.Single(EscalationJson.Escalations(EscalationJson.Escalations([changed])));

        foreach (var copy in new[] { read, viaStanding })
        {
            var round = Assert.Single(copy.EarlierRounds);
            var was = changed.EarlierRounds[0];
            Assert.Equal(was.Decisions, round.Decisions);
            Assert.Equal(was.Answers, round.Answers);
            Assert.Equal(was.Rejudgements, round.Rejudgements);
            Assert.Equal(was.Closure, round.Closure);
            Assert.Equal(
                (was.RaisedAt, was.Trigger, was.ProposedAction), (round.RaisedAt, round.Trigger, round.ProposedAction));
            Assert.Equal(
                (2, EscalationState.Open, "Hire two drivers.", changed.Revision),
                (copy.Round, copy.State, copy.ProposedAction, copy.Revision));
        }
    }

    [Fact]
    public async Task TwoChangesFromTheSameRead_OnlyTheFirstLands()
    {
        var (stored, _) = await Store.RaiseAsync(Red(), default);
        var approve = stored.Escalation.Decide(new EscalationDecision(DecisionKind.ApproveAction, Daniel, Raised.AddHours(1), null, null));
        var stop = stored.Escalation.Decide(new EscalationDecision(DecisionKind.Stop, Daniel, Raised.AddHours(1), "Not funded.", null));

        Assert.NotNull(await Store.TryChangeAsync(stored, approve, default));
        Assert.Null(await Store.TryChangeAsync(stored, stop, default));
        Assert.Equal(DecisionKind.ApproveAction, (await Store.GetAsync(stored.Escalation.Measure, stored.Escalation.Period, default))!.Escalation.Outcome!.Kind);
    }

    [Fact]
    public async Task NotClosed_LeavesClosedOnesOut()
    {
        var (q1, _) = await Store.RaiseAsync(Red("FY2026-Q1"), default);
        await Store.RaiseAsync(Red("FY2026-Q2"), default);
        await Store.TryChangeAsync(q1, q1.Escalation.Close(new EscalationClosure(Raised, "Back within tolerance.")), default);

        var open = await Store.GetNotClosedAsync(default);

        Assert.Equal(["FY2026-Q2"], open.Select(o => o.Escalation.Period.Code));
    }

    [Fact]
    public async Task AnActivitysEscalations_AreTheirOwnRange_KeptApartFromTheMeasures()
    {
        var activity = Red("FY2026-Q2") with
        {
            Subject = EscalationSubject.OfPlanActivity("housing-system"),
            Trigger = EscalationTrigger.MissedMilestone,
        };
        var (q2, raised) = await Store.RaiseAsync(activity, default);
        Assert.True(raised);
        Assert.False((await Store.RaiseAsync(activity with { Trigger = EscalationTrigger.OffTrack }, default)).Raised);
        await Store.RaiseAsync(activity with { Period = ReportingPeriod.Parse("FY2026-Q3") }, default);
        await Store.RaiseAsync(Red(), default);
        var closure = new EscalationClosure(Raised, "reported completed for Q3 2026/27.");
        Assert.NotNull(await Store.TryChangeAsync(q2, q2.Escalation.Close(closure), default));

        var read = (await Store.GetAsync(activity.Subject, activity.Period, default))!.Escalation;
        Assert.Equal(
            ("housing-system", EscalationTrigger.MissedMilestone, EscalationState.Closed),
            (read.PlanActivity, read.Trigger, read.State)
        );
        var activities = await Store.GetAllOfPlanActivitiesAsync(default);
        Assert.Equal(["FY2026-Q2", "FY2026-Q3"], activities.Select(a => a.Escalation.Period.Code));
        Assert.All(activities, a => Assert.True(a.Escalation.IsPlanActivity));
        Assert.Equal(["NI 192"], (await Store.GetAllAsync(default)).Select(x => x.Measure.Value));
        Assert.Equal(["NI 192"], (await Store.GetNotClosedAsync(default)).Select(x => x.Escalation.Measure.Value));
        Assert.Equal(2, (await Store.GetForSubjectAsync(activity.Subject, default)).Count);
    }
}
