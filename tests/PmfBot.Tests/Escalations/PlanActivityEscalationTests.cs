using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.PlanActivities;
using PmfBot.Features.Demo;
using PmfBot.Features.Escalations;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Escalations;

namespace PmfBot.Tests.Escalations;

/// <summary>
/// Activities escalate like measures, as of Saturday 7 November 2026. Priya's "Act on the internal audit of FOI
/// handling" (Resources, whose Chief Officer she is) owes its Q2 report; reported off track, it goes to her. Fiona's
/// "Replace the housing management system" (Place, Daniel Okoro's department) missed its "Data migration tested"
/// milestone on 30 September, so the follow-up raises its Q2 to Daniel.
/// </summary>
public class PlanActivityEscalationTests : EscalationHost
{
    private const string Foi = "foi-audit-actions";
    private const string FoiTitle = "Act on the internal audit of FOI handling";
    private const string Housing = "housing-system";
    private const string HousingTitle = "Replace the housing management system";
    private const string SamsChat = "personal-chat-sam";
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("FY2026-Q2");

    private Task<StoredEscalation?> EscalationOfAsync(string activity, string period = "FY2026-Q2") =>
        Escalations.GetAsync(EscalationSubject.OfPlanActivity(activity), ReportingPeriod.Parse(period), default);

    private static object OffTrackReport() =>
        new
        {
            activity = Foi,
            period = "FY2026-Q2",
            status = "OffTrack",
            commentary = "Half the request handlers untrained: the trainer left.",
            actionNote = "Buy in the county's FOI training; two sessions in December.",
        };

    private static object ActivityDecision(
        string decision,
        string? note = null,
        string? until = null,
        string activity = Foi
    ) =>
        new
        {
            verb = "decideEscalation",
            activity,
            period = "FY2026-Q2",
            decision,
            decisionNote = note,
            decisionUntil = until,
        };

    private async Task ReportFoiOffTrackAsync()
    {
        await InstallAsync();
        var recorded = CardOf(await PressAsync("submitActivity", OffTrackReport()));
        Assert.Contains("Recorded: Off track for Q2 2026/27", recorded, StringComparison.Ordinal);
        Assert.Contains(
            "Off track: as its escalation owner too, you'll get its escalation card to decide.",
            recorded,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void TheOwnersRecordedCard_SaysWhoAnOffTrackReportGoesTo()
    {
        var council = DemoCouncil.Catalogue;
        var housing = council.FindPlanActivity(Housing)!;
        PlanActivityProgress Reported(PlanActivityStatus status) =>
            new(Housing, Q2, status, null, "Retest failed.", "Recovery plan.", housing.Owner, Clock.GetUtcNow());
        string NextOf(PlanActivityStatus status) =>
            Features.PlanActivities.PlanActivityViews.Recorded(
                Reported(status),
                housing,
                council,
                UpdateCyclePolicy.Default
            ).Next;

        Assert.StartsWith(
            "Off track: it goes to Daniel Okoro (escalation owner) for a decision; you'll hear what they decide.",
            NextOf(PlanActivityStatus.OffTrack),
            StringComparison.Ordinal
        );
        Assert.StartsWith("Next report:", NextOf(PlanActivityStatus.AtRisk), StringComparison.Ordinal);
    }

    private IReadOnlyList<string> CardsAbout(string title, string conversation) =>
        [.. CardsPostedTo(conversation).Where(c => c.Contains(title, StringComparison.Ordinal))];

    [Fact]
    public async Task AnOffTrackReport_EscalatesToTheDepartmentsChiefOfficer_Once()
    {
        await ReportFoiOffTrackAsync();

        var stored = (await EscalationOfAsync(Foi))!.Escalation;
        Assert.Equal(
            (EscalationTrigger.OffTrack, DemoPeople.PriyaShah.Id, DemoPeople.PriyaShah.Id, EscalationState.Open),
            (stored.Trigger, stored.EscalationOwner, stored.Owner, stored.State)
        );
        Assert.Equal("Buy in the county's FOI training; two sessions in December.", stored.ProposedAction);
        var card = Assert.Single(EscalationCardsIn());
        Assert.Contains($"Escalated to you: {FoiTitle} is off track", card, StringComparison.Ordinal);
        Assert.Contains("Reported off track: significantly behind its plan", card, StringComparison.Ordinal);
        Assert.Contains("Off track (Q2 2026/27 report)", card, StringComparison.Ordinal);
        Assert.Contains("Half the request handlers untrained: the trainer left.", card, StringComparison.Ordinal);
        Assert.Contains("Decide", card, StringComparison.Ordinal);

        // The event handled again (as the outbox would) raises and sends nothing more.
        var progress = (await new Storage.PlanActivities.PlanActivityProgressStore(Storage.Tables)
            .GetHistoryAsync(Foi, default)).Single(p => p.Period == Q2);
        await App.Services.GetRequiredService<PlanActivityEscalations>()
            .HandleAsync(new ProgressReported(progress), default);
        Assert.Single(EscalationCardsIn());
        Assert.Single(await Escalations.GetAllOfPlanActivitiesAsync(default), s => s.Escalation.PlanActivity == Foi);
        Assert.DoesNotContain(await Escalations.GetNotClosedAsync(default), s => s.Escalation.IsPlanActivity);
    }

    [Theory]
    [InlineData("approve", "Agreed: buy in the county's training.", "2026-12-18", DecisionKind.ApproveAction, true)]
    [InlineData("resource", "£4,000 from the corporate training budget.", null, DecisionKind.AllocateResource, true)]
    [InlineData("accept", null, "2027-01-31", DecisionKind.AcceptRisk, true)]
    [InlineData("stop", "The audit actions fold into next year's IG plan.", null, DecisionKind.Stop, false)]
    public async Task EachDecision_IsRecorded_AndStoppingTheActivity_StopsItsPrompts(
        string decision,
        string? note,
        string? until,
        DecisionKind kind,
        bool promptedNextQuarter
    )
    {
        await ReportFoiOffTrackAsync();

        var decided = CardOf(await PressAsync("decideEscalation", ActivityDecision(decision, note, until)));

        Assert.Contains("Decided:", decided, StringComparison.Ordinal);
        var stored = (await EscalationOfAsync(Foi))!.Escalation;
        Assert.Equal((EscalationState.Decided, kind), (stored.State, stored.Outcome!.Kind));
        var activity = (await new CatalogueStore(Storage.Tables).LoadAsync(default)).FindPlanActivity(Foi)!;
        Assert.Equal(kind == DecisionKind.Stop, activity.Status == PlanActivityStatus.Stopped);

        // The Q3 report falls due by 10 January: a stopped activity is not asked for it.
        MoveTo("2027-01-09");
        await Scan.RunAsync(default);
        Assert.Equal(
            promptedNextQuarter,
            CardsPostedTo().Any(c => c.Contains("Q3 2026/27 progress report", StringComparison.Ordinal))
        );
    }

    [Fact]
    public async Task TheQuartersActivitiesExport_SaysWhereItsEscalationStands()
    {
        await ReportFoiOffTrackAsync();
        await PressAsync("decideEscalation", ActivityDecision("approve", "Agreed.", "2026-12-18"));

        var exporter = App.Services.GetRequiredService<Features.Reports.PlanActivitiesExporter>();
        var catalogue = await new CatalogueStore(Storage.Tables).LoadAsync(default);
        using var writer = new StringWriter();
        await exporter.WriteAsync(catalogue, Q2, Domain.Digests.DigestScope.WholeCouncil, writer, default);

        var foi = Assert.Single(writer.ToString().Split('\n'), l => l.Contains($",{Foi},", StringComparison.Ordinal));
        Assert.Contains(
            ",Escalation (Q2 2026/27): remedial action approved by Priya Shah,",
            foi,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task AStopThatTheCatalogueMissed_IsMadeByTheFollowUp()
    {
        await ReportFoiOffTrackAsync();
        var read = (await EscalationOfAsync(Foi))!;
        var by = DemoPeople.PriyaShah.Id;
        var stop = new EscalationDecision(DecisionKind.Stop, by, Clock.GetUtcNow(), "Folded.", null);
        Assert.NotNull(await Escalations.TryChangeAsync(read, read.Escalation.Decide(stop), default));

        await Scan.RunAsync(default);

        var activity = (await new CatalogueStore(Storage.Tables).LoadAsync(default)).FindPlanActivity(Foi)!;
        Assert.Equal(PlanActivityStatus.Stopped, activity.Status);
    }

    [Fact]
    public async Task AMissedMilestone_EscalatesItsQuarterOnce_AndTheOwnerAnswersTheChiefOfficersQuestion()
    {
        await InstallAsAsync(DemoPeople.DanielOkoro, DanielsChat);
        await InstallAsAsync(DemoPeople.FionaGrant, FionasChat);

        await Scan.RunAsync(default);
        await Scan.RunAsync(default);

        var stored = (await EscalationOfAsync(Housing))!.Escalation;
        Assert.Equal(
            (EscalationTrigger.MissedMilestone, DemoPeople.DanielOkoro.Id, DemoPeople.FionaGrant.Id),
            (stored.Trigger, stored.EscalationOwner, stored.Owner)
        );
        var card = Assert.Single(CardsAbout($"Escalated to you: {HousingTitle}", DanielsChat));
        Assert.Contains($"Escalated to you: {HousingTitle} missed a milestone", card, StringComparison.Ordinal);
        var due = Wording.Dates.ShortDate(new DateOnly(2026, 9, 30));
        Assert.Contains(
            $"milestone \"Data migration tested\" was due {due} and isn't completed",
            card,
            StringComparison.Ordinal
        );

        // Someone else can't decide it.
        var refused = await PressAsync(
            "decideEscalation",
            ActivityDecision("approve", activity: Housing),
            aad: DemoPeople.SamTaylor.AadObjectId,
            conversation: SamsChat,
            user: "user-sam-taylor"
        );
        Assert.Contains(
            $"Only Daniel Okoro can decide {HousingTitle}'s escalation.",
            refused.GetProperty("value").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal(EscalationState.Open, (await EscalationOfAsync(Housing))!.Escalation.State);

        var asked = ActivityDecision("ask", "When does the supplier's recovery plan come?", activity: Housing);
        await PressAsAsync(DemoPeople.DanielOkoro, DanielsChat, "decideEscalation", asked);
        var question = Assert.Single(CardsAbout("When does the supplier's recovery plan come?", FionasChat));
        Assert.Contains(HousingTitle, question, StringComparison.Ordinal);

        var answer = new
        {
            verb = "answerEscalation",
            activity = Housing,
            period = "FY2026-Q2",
            question = "1",
            answer = "Friday 13 November.",
        };
        var sent = CardOf(await PressAsAsync(DemoPeople.FionaGrant, FionasChat, "answerEscalation", answer));
        Assert.Contains("Sent to Daniel Okoro.", sent, StringComparison.Ordinal);
        Assert.Single(CardsAbout($"Fiona Grant answered your question on {HousingTitle}", DanielsChat));

        var approve = ActivityDecision("approve", "Agreed, if the plan lands on Friday.", activity: Housing);
        await PressAsAsync(DemoPeople.DanielOkoro, DanielsChat, "decideEscalation", approve);
        Assert.Single(CardsAbout("Decided: remedial action approved", FionasChat));
    }

    [Fact]
    public async Task AnUndecidedActivityEscalation_IsChased_RaisedToTheNextLevel_AndReviewed()
    {
        await InstallAsAsync(DemoPeople.DanielOkoro, DanielsChat);
        await InstallAsAsync(DemoPeople.HelenPrice, HelensChat);
        await Scan.RunAsync(default);

        MoveTo("2026-11-10");
        await Scan.RunAsync(default);
        Assert.Single(CardsAbout($"Reminder: {HousingTitle} has waited 3 days for your decision", DanielsChat));

        MoveTo("2026-11-14");
        await Scan.RunAsync(default);
        Assert.Single(CardsAbout($"Raised to you: {HousingTitle}, undecided for 7 days", HelensChat));
        // The escalation owner isn't raised to themselves.
        Assert.Empty(CardsAbout($"Raised to you: {HousingTitle}", DanielsChat));

        const string Note = "Go-live holds if migration passes in December.";
        var accept = ActivityDecision("accept", Note, "2026-12-01", Housing);
        var decided = CardOf(await PressAsAsync(DemoPeople.HelenPrice, HelensChat, "decideEscalation", accept));
        Assert.Contains("Decided: risk accepted", decided, StringComparison.Ordinal);

        MoveTo("2026-12-01");
        await Scan.RunAsync(default);
        var review = Assert.Single(CardsAbout($"Review due: {HousingTitle} (risk accepted)", DanielsChat));
        Assert.Contains("Close it: reviewed", review, StringComparison.Ordinal);
        var close = new { verb = "closeEscalation", activity = Housing, period = "FY2026-Q2" };
        var closed = CardOf(await PressAsAsync(DemoPeople.DanielOkoro, DanielsChat, "closeEscalation", close));
        Assert.Contains($"Closed: {HousingTitle} Q2 2026/27 escalation", closed, StringComparison.Ordinal);
        Assert.Equal(EscalationState.Closed, (await EscalationOfAsync(Housing))!.Escalation.State);
    }

    [Theory]
    [InlineData(PlanActivityStatus.OnTrack, "reported on track for Q3 2026/27.")]
    [InlineData(PlanActivityStatus.Completed, "reported completed for Q3 2026/27.")]
    public async Task ALaterReportBackOnTrack_ClosesIt_AndItsCardSaysSo(PlanActivityStatus status, string why)
    {
        await ReportFoiOffTrackAsync();
        var later = new PlanActivityProgress(
            Foi,
            ReportingPeriod.Parse("FY2026-Q3"),
            status,
            null,
            "Training done.",
            null,
            DemoPeople.PriyaShah.Id,
            Clock.GetUtcNow()
        );

        await App.Services.GetRequiredService<PlanActivityEscalations>()
            .HandleAsync(new ProgressReported(later), default);

        var closed = (await EscalationOfAsync(Foi))!.Escalation;
        Assert.Equal((EscalationState.Closed, why), (closed.State, closed.Closure!.Why));
        Assert.Contains(
            UpdatesIn(),
            u => AllText(u.Body!.Value.GetProperty("attachments")[0].GetProperty("content"))
                .Contains($"Closed: {FoiTitle} Q2 2026/27 escalation", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task AnAtRiskReport_DoesNotCloseAMissedMilestonesEscalation_ButCompletionDoes()
    {
        await Scan.RunAsync(default);
        Report(PlanActivityStatus.AtRisk, out var atRisk);
        Report(PlanActivityStatus.Completed, out var completed);
        var handler = App.Services.GetRequiredService<PlanActivityEscalations>();

        await handler.HandleAsync(new ProgressReported(atRisk), default);
        Assert.Equal(EscalationState.Open, (await EscalationOfAsync(Housing))!.Escalation.State);

        await handler.HandleAsync(new ProgressReported(completed), default);
        Assert.Equal(EscalationState.Closed, (await EscalationOfAsync(Housing))!.Escalation.State);

        void Report(PlanActivityStatus status, out PlanActivityProgress report) =>
            report = new PlanActivityProgress(
                Housing,
                ReportingPeriod.Parse("FY2026-Q3"),
                status,
                null,
                "Migration retested.",
                "Weekly supplier calls.",
                DemoPeople.FionaGrant.Id,
                Clock.GetUtcNow()
            );
    }

    [Fact]
    public async Task MyEscalations_ListsTheActivitysEscalation_ForTheChiefOfficer()
    {
        await InstallAsAsync(DemoPeople.DanielOkoro, DanielsChat);
        await Scan.RunAsync(default);

        await PostAsync(
            Personal(
                "message",
                text: "my escalations",
                aad: DemoPeople.DanielOkoro.AadObjectId,
                conversation: DanielsChat,
                user: "user-daniel-okoro"
            )
        );

        var list = LastPostedText(DanielsChat);
        Assert.Contains(HousingTitle, list, StringComparison.Ordinal);
        Assert.Contains("Milestone missed", list, StringComparison.Ordinal);
    }
}
