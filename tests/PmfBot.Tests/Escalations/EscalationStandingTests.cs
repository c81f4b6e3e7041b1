using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Standings;
using PmfBot.Events;
using PmfBot.Storage.Outbox;
using PmfBot.Storage.Standings;

namespace PmfBot.Tests.Escalations;

/// <summary>
/// A standing holds its measure's escalation as it now is: raised, decided, closed. Every change
/// marks the standing for a refresh before it is made, so a change the process never took in is
/// taken in by the outbox run.
/// </summary>
public class EscalationStandingTests : EscalationHost
{
    private StandingStore Standings => new(Storage.Tables);

    private OutboxStore Outbox => new(Storage.Tables);

    private async Task<StoredStanding> Cs02StandingAsync()
    {
        var council = await new Storage.Catalogue.CatalogueStore(Storage.Tables).LoadAsync(default);
        return (await Standings.GetAsync(council.FindMeasure(Cs02)!.ServiceCode, Cs02, default))!;
    }

    private async Task<Escalation?> StandingEscalationAsync() =>
        (await Cs02StandingAsync()).Standing.Escalations.SingleOrDefault(x => x.Period == October);

    private async Task AssertStandsAsItsSourcesAsync()
    {
        var (history, extensions) = await new Storage.Results.ResultStore(Storage.Tables)
            .GetHistoryAndExtensionsAsync(Cs02, default);
        var escalations = (await Escalations.GetForSubjectAsync(Cs02, default)).Select(s => s.Escalation);
        var truth = MeasureStanding.FromHistory(Cs02, history, extensions, escalations);
        Assert.True(truth.SameAs((await Cs02StandingAsync()).Standing));
    }

    private Task<IReadOnlyList<PendingEvent>> PendingAsync() =>
        Outbox.GetPendingAsync(DateTimeOffset.MaxValue, 100, default);

    [Fact]
    public async Task TheStanding_FollowsTheEscalation_FromRaisedToDecidedToClosed()
    {
        await InstallAsync();

        await RecordRedAsync();

        var raised = await StandingEscalationAsync();
        Assert.Equal((EscalationState.Open, 0), (raised!.State, raised.Revision));
        Assert.Equal("Two agency advisers for eight weeks; revert the phone menu.", raised.ProposedAction);

        await PressAsync("decideEscalation", Decision("approve", "Agreed: agency cover until January.", "2027-01-15"));

        var decided = await StandingEscalationAsync();
        Assert.Equal((EscalationState.Decided, DecisionKind.ApproveAction), (decided!.State, decided.Outcome!.Kind));
        Assert.Equal("Agreed: agency cover until January.", decided.Outcome.Note);

        await PostAsync(Personal("message", "change CS 02 to 85 because of a recount"));

        Assert.Equal(EscalationState.Closed, (await StandingEscalationAsync())!.State);
        Assert.Empty((await Cs02StandingAsync()).Standing.NotClosed);
        await AssertStandsAsItsSourcesAsync();
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task WithTheStandingsTableDown_ARedFigure_IsStillEscalated_AndTheOutboxRunTakesBothIn()
    {
        await InstallAsync();
        var before = await Cs02StandingAsync();
        await Storage.Tables.Standings.DeleteAsync();

        Assert.Contains("Recorded: 61.5%", await RecordRedAsync(), StringComparison.Ordinal);

        Assert.Equal(EscalationState.Open, StateOf(await Cs02OctoberAsync()));
        Assert.Null(Assert.Single(await PendingAsync()).Refresh); // the figure's event: no refresh of its own
        await Storage.Tables.Standings.CreateIfNotExistsAsync();
        Assert.True(await Standings.TryWriteAsync(before.Service, before.Standing, null, default));
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal((1, 0), await App.Services.GetRequiredService<OutboxRun>().RunOnceAsync(default));

        Assert.Equal(61.5m, (await Cs02StandingAsync()).Standing.Latest!.Value);
        Assert.Equal(EscalationState.Open, (await StandingEscalationAsync())!.State);
        await AssertStandsAsItsSourcesAsync();
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task ADecisionTheProcessNeverTookIn_IsTakenInByTheOutboxRun_Once()
    {
        await InstallAsync();
        await RecordRedAsync();
        var read = (await Cs02OctoberAsync())!;

        // As if the process stopped after the decision was stored: marked, changed, never taken in.
        await Outbox.MarkRefreshAsync("escalation", Cs02, October, Clock.GetUtcNow(), default);
        var priya = Features.Demo.DemoPeople.PriyaShah.Id;
        var decision = new EscalationDecision(
            DecisionKind.AllocateResource, priya, Clock.GetUtcNow(), "A third adviser.", null);
        Assert.NotNull(await Escalations.TryChangeAsync(read, read.Escalation.Decide(decision), default));
        Assert.Equal(EscalationState.Open, (await StandingEscalationAsync())!.State);

        var run = App.Services.GetRequiredService<OutboxRun>();
        Assert.Equal((0, 0), await run.RunOnceAsync(default)); // too young: still the turn's to take in
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal((1, 0), await run.RunOnceAsync(default));

        Assert.Equal(DecisionKind.AllocateResource, (await StandingEscalationAsync())!.Outcome!.Kind);
        await AssertStandsAsItsSourcesAsync();
        Assert.Empty(await PendingAsync());
        Assert.Equal((0, 0), await run.RunOnceAsync(default));
    }

    [Fact]
    public async Task WithTheStandingsTableDown_TheDecisionIsStillRecorded_AndTheOutboxRunTakesItIn()
    {
        await InstallAsync();
        await RecordRedAsync();
        var before = await Cs02StandingAsync();
        await Storage.Tables.Standings.DeleteAsync();

        var answer = CardOf(
            await PressAsync("decideEscalation", Decision("stop", "The phone menu change is stopped.")));

        Assert.Contains("Decided", answer, StringComparison.Ordinal);
        Assert.Equal(EscalationState.Decided, StateOf(await Cs02OctoberAsync()));
        var marker = Assert.Single(await PendingAsync());
        Assert.Equal(("escalation", Cs02, October), (marker.Refresh, marker.Measure, marker.Period));

        await Storage.Tables.Standings.CreateIfNotExistsAsync();
        Assert.True(await Standings.TryWriteAsync(before.Service, before.Standing, null, default)); // back, as it was
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal((1, 0), await App.Services.GetRequiredService<OutboxRun>().RunOnceAsync(default));

        Assert.Equal(DecisionKind.Stop, (await StandingEscalationAsync())!.Outcome!.Kind);
        await AssertStandsAsItsSourcesAsync();
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task WithTheOutboxTableDown_TheDecisionIsStillMade_AndTheStandingTakesItIn()
    {
        await InstallAsync();
        await RecordRedAsync();
        await Storage.Tables.Outbox.DeleteAsync(); // the refresh marker can't be written

        var answer = CardOf(await PressAsync("decideEscalation", Decision("approve", "Agreed.")));

        Assert.Contains("Decided", answer, StringComparison.Ordinal);
        Assert.Equal(EscalationState.Decided, StateOf(await Cs02OctoberAsync()));
        Assert.Equal(EscalationState.Decided, (await StandingEscalationAsync())!.State);
    }

    [Fact]
    public async Task AMarkerMarkedAgainWhileBeingTakenIn_IsKept_ForTheChangeAfterIt()
    {
        await InstallAsync();
        await RecordRedAsync();
        var first = await Outbox.MarkRefreshAsync("escalation", Cs02, October, Clock.GetUtcNow(), default);
        await Outbox.MarkRefreshAsync("escalation", Cs02, October, Clock.GetUtcNow(), default); // a second change

        await Outbox.ForgetRefreshAsync(first, default);

        Assert.Equal("escalation", Assert.Single(await PendingAsync()).Refresh);
    }

    [Fact]
    public async Task MyEscalations_AreReadFromTheStandings_OfTheMeasuresThatEscalateToTheDeputyToo()
    {
        await InstallAsync();
        await InstallAsAsync(Features.Demo.DemoPeople.FionaGrant, FionasChat);
        await RecordRedAsync();

        var fiona = Features.Demo.DemoPeople.FionaGrant;
        await PostAsync(Personal(
            "message", "my escalations", fiona.AadObjectId, conversation: FionasChat, user: "user-fiona-grant"));
        Assert.Contains("Your escalations (1)", LastPostedText(FionasChat), StringComparison.Ordinal);

        var stored = await Cs02StandingAsync();
        var without = new MeasureStanding(Cs02, stored.Standing.Recent, stored.Standing.Extensions);
        Assert.True(await Standings.TryWriteAsync(stored.Service, without, stored.ETag, default));
        await PostAsync(Personal("message", "my escalations"));

        Assert.StartsWith("You have no open escalations", LastPostedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRepairPass_PutsBackAnEscalationTheStandingLost()
    {
        await InstallAsync();
        await RecordRedAsync();
        var stored = await Cs02StandingAsync();
        var without = new MeasureStanding(Cs02, stored.Standing.Recent, stored.Standing.Extensions);
        Assert.True(await Standings.TryWriteAsync(stored.Service, without, stored.ETag, default));

        var repair = App.Services.GetRequiredService<global::PmfBot.Standings.StandingsRepair>();
        var summary = await repair.RebuildAsync(default);

        Assert.Equal(1, summary.Rebuilt);
        Assert.Equal(EscalationState.Open, (await StandingEscalationAsync())!.State);
        await AssertStandsAsItsSourcesAsync();
    }
}
