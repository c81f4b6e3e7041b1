using PmfBot.Domain.Escalations;
using PmfBot.Features.Demo;

namespace PmfBot.Tests.Escalations;

/// <summary>
/// The scan's follow-up, from a Red CS 02 escalated at 09:00 on Saturday 7 November: a reminder
/// on the 3rd day (10 Nov), the next level on the 7th (14 Nov), each at 09:00 and once; a review
/// when a decision's date comes; a long-overdue update escalated on its own.
/// </summary>
public class FollowUpTests : EscalationHost
{
    private async Task<IReadOnlyList<string>> ScanAtAsync(string date, string time = "09:00", string conversation = PriyasChat)
    {
        var before = CardsPostedTo(conversation).Count;
        MoveTo(date, time);
        await Scan.RunAsync(default);
        return [.. CardsPostedTo(conversation).Skip(before).Where(c => c.Contains("CS 02", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task AnUndecidedEscalation_IsChasedOnItsDay_ThenRaisedToTheNextLevel_Once()
    {
        await InstallAsync();
        await InstallAsAsync(DemoPeople.HelenPrice, HelensChat);
        await InstallAsAsync(DemoPeople.DanielOkoro, DanielsChat);
        await RecordRedAsync();

        Assert.Empty(await ScanAtAsync("2026-11-09"));
        Assert.Empty(await ScanAtAsync("2026-11-10", "08:59"));
        Assert.Contains("Reminder: CS 02 has waited 3 days for your decision", Assert.Single(await ScanAtAsync("2026-11-10")), StringComparison.Ordinal);
        Assert.Empty(await ScanAtAsync("2026-11-13"));
        Assert.Empty(await ScanAtAsync("2026-11-14", "08:59", HelensChat));

        var helen = await ScanAtAsync("2026-11-14", "09:00", HelensChat);
        Assert.Contains("Raised to you: CS 02, undecided for 7 days", Assert.Single(helen), StringComparison.Ordinal);
        Assert.Single(CardsPostedTo(DanielsChat), c => c.Contains("Raised to you: CS 02", StringComparison.Ordinal));
        Assert.Empty(await ScanAtAsync("2026-11-15", "09:00", HelensChat));
        Assert.NotNull((await Cs02OctoberAsync())!.Escalation.RaisedToNextLevelAt);

        // Once raised, the next level may decide it too.
        var decided = CardOf(await PressAsAsync(DemoPeople.HelenPrice, HelensChat, "decideEscalation", Decision("resource", "A third agency adviser from the corporate budget.")));
        Assert.Contains("Decided: resource allocated / action changed", decided, StringComparison.Ordinal);
        Assert.Equal(DemoPeople.HelenPrice.Id, (await Cs02OctoberAsync())!.Escalation.Outcome!.By);
    }

    [Fact]
    public async Task WhenSomeoneAtTheNextLevelHasLeft_TheRaiseGoesToTheOthers_AndNothingReachesForThem()
    {
        await InstallAsync();
        await InstallAsAsync(DemoPeople.HelenPrice, HelensChat);
        await InstallAsAsync(DemoPeople.DanielOkoro, DanielsChat);
        await new global::PmfBot.Storage.People.LeaverStore(Storage.Tables).TryAddAsync(
            new Domain.People.Leaver(
                DemoPeople.DanielOkoro.Id,
                "Daniel Okoro",
                Clock.GetUtcNow(),
                Domain.People.LeavingReason.MarkedByPerformanceTeam,
                []),
            default);
        await RecordRedAsync();

        var helen = await ScanAtAsync("2026-11-14", "09:00", HelensChat);
        Assert.Contains("Raised to you: CS 02", Assert.Single(helen), StringComparison.Ordinal);
        Assert.DoesNotContain(CardsPostedTo(DanielsChat), c => c.Contains("Raised to you", StringComparison.Ordinal));
        var prompts = new global::PmfBot.Storage.Prompts.PromptStore(Storage.Tables);
        var records = await prompts.GetForPeriodAsync(Cs02, October, default);
        var daniels = Assert.Single(records, r => r.Recipient == DemoPeople.DanielOkoro.Id);
        Assert.Equal(global::PmfBot.Storage.Prompts.PromptState.Gone, daniels.State);
        Assert.Equal("They have left: the performance team marked them as left.", daniels.Note);
    }

    [Fact]
    public async Task ADecidedEscalation_IsNeitherChasedNorRaised()
    {
        await InstallAsync();
        await InstallAsAsync(DemoPeople.HelenPrice, HelensChat);
        await RecordRedAsync();
        await PressAsync("decideEscalation", Decision("approve"));

        Assert.Empty(await ScanAtAsync("2026-11-10"));
        Assert.Empty(await ScanAtAsync("2026-11-14", "09:00", HelensChat));
    }

    [Fact]
    public async Task WhenTheReviewDateComes_TheEscalationOwnerIsAskedToReview_AndClosesIt()
    {
        await InstallAsync();
        await RecordRedAsync();
        await PressAsync("decideEscalation", Decision("approve", "Agency cover.", "2026-11-20"));

        Assert.Empty(await ScanAtAsync("2026-11-19"));
        var review = Assert.Single(await ScanAtAsync("2026-11-20"));
        Assert.Contains("Review due: CS 02 (remedial action approved)", review, StringComparison.Ordinal);
        Assert.Contains("Close it: reviewed", review, StringComparison.Ordinal);
        Assert.Empty(await ScanAtAsync("2026-11-21"));

        var closed = CardOf(await PressAsync("closeEscalation", new { verb = "closeEscalation", measure = "CS 02", period = "FY2026-M07" }));
        Assert.Contains("Closed: CS 02 Oct 2026 escalation", closed, StringComparison.Ordinal);
        Assert.Equal(EscalationState.Closed, StateOf(await Cs02OctoberAsync()));
    }

    [Fact]
    public async Task ALongOverdueUpdate_EscalatesOnItsOwn_AndTheFigureArrivingWithinToleranceClosesIt()
    {
        await InstallAsync();
        await Scan.RunAsync(default); // HR 01's Q2 figure was due 10 Oct: 28 days overdue

        var card = Assert.Single(EscalationCardsIn(), c => c.Contains("HR 01", StringComparison.Ordinal));
        Assert.Contains("Escalated to you: HR 01's Q2 2026/27 update is long overdue", card, StringComparison.Ordinal);
        Assert.Contains("No figure yet: 28 days overdue (due by 10 Oct 2026)", card, StringComparison.Ordinal);
        Assert.Contains("The update is more than 14 days overdue", card, StringComparison.Ordinal);

        var recorded = CardOf(await PressAsync("submitUpdate", new { verb = "submitUpdate", measure = "HR 01", period = "FY2026-Q2", value = "8.4", commentary = "Back on track after the winter peak." }));
        Assert.Contains("HR 01's Q2 2026/27 escalation is closed", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStandingBehindItsFigures_NeverEscalatesAnUpdateAlreadyIn()
    {
        await InstallAsync();
        var hr01 = Domain.Catalogue.MeasureReference.Parse("HR 01");
        var council = await new Storage.Catalogue.CatalogueStore(Storage.Tables).LoadAsync(default);
        var q2 = Domain.Calendar.ReportingPeriod.Parse("FY2026-Q2");
        var measure = council.FindMeasure(hr01)!;
        var judged = Domain.Status.StatusRules.Judge(measure, q2, 8.4m, null, null, Domain.Status.StatusPolicy.Default);
        var figure = Domain.Results.MeasureResult.Record(
            measure, q2, 8.4m, "Back on track.", null, judged, DemoPeople.PriyaShah.Id, Clock.GetUtcNow());
        await new Storage.Results.ResultStore(Storage.Tables).RecordAsync(figure, default); // its event not yet handled

        await Scan.RunAsync(default); // the standing still says Q2 is 28 days overdue

        Assert.DoesNotContain(EscalationCardsIn(), c => c.Contains("HR 01", StringComparison.Ordinal));
        Assert.Empty(await Escalations.GetForSubjectAsync(hr01, default));
    }
}
