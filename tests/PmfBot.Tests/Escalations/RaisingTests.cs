using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Escalations;
using PmfBot.Features.Demo;

namespace PmfBot.Tests.Escalations;

/// <summary>When escalations are raised: a Red figure at once, by hand, never twice for a measure and period; closed when back within tolerance.</summary>
public class RaisingTests : EscalationHost
{
    [Fact]
    public async Task ARedFigure_GoesToTheEscalationOwnerAtOnce_WithTheOwnersProposedAction()
    {
        await InstallAsync();

        var recorded = await RecordRedAsync();

        // Priya owns CS 02 and is its escalation owner: she is not told she'll hear from herself.
        Assert.Contains(
            "You are CS 02's escalation owner as well: its escalation card follows, for your decision.",
            recorded, StringComparison.Ordinal);
        Assert.Contains(
            "Your action note is on record for the management reports.", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("Escalated to Priya Shah", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("you'll hear what they decide", recorded, StringComparison.Ordinal);
        var card = Assert.Single(EscalationCardsIn());
        Assert.Contains("Escalated to you: CS 02 is Red", card, StringComparison.Ordinal);
        Assert.Contains("61.5% (Red)", card, StringComparison.Ordinal);
        Assert.Contains("80.0% or more (Amber down to 76.0%, Red below)", card, StringComparison.Ordinal);
        Assert.Contains("Two agency advisers for eight weeks; revert the phone menu.", card, StringComparison.Ordinal); // the proposed action
        Assert.Contains("Two advisers off long-term sick", card, StringComparison.Ordinal); // the commentary
        Assert.Contains("Oct 2026 61.5% (Red)", card, StringComparison.Ordinal); // the trend ends with this period
        Assert.Contains("Only Priya Shah or Fiona Grant can decide this escalation.", card, StringComparison.Ordinal);

        var stored = (await Cs02OctoberAsync())!.Escalation;
        Assert.Equal((EscalationTrigger.Red, DemoPeople.PriyaShah.Id, EscalationState.Open), (stored.Trigger, stored.EscalationOwner, stored.State));
    }

    [Fact]
    public async Task ARedFigureFromAnotherOwner_TellsThemWhoDecides_AndTheEscalationOwnerGetsTheCard()
    {
        await InstallAsync();
        await InstallAsAsync(DemoPeople.FionaGrant, FionasChat);

        var recorded = CardOf(await PressAsAsync(DemoPeople.FionaGrant, FionasChat, "submitUpdate", new
        {
            verb = "submitUpdate", measure = "RB 02", period = "FY2026-M07", value = "14",
            commentary = "Change events doubled after the benefit uprating.", actionNote = "Overtime for six weeks.",
        }));

        Assert.Contains(
            "Escalated to Priya Shah (escalation owner) for a decision; you'll hear what they decide.",
            recorded, StringComparison.Ordinal);
        Assert.Contains(
            "Your action note is on record for Priya Shah (escalation owner) and the management reports.",
            recorded, StringComparison.Ordinal);
        Assert.Single(EscalationCardsIn(), c => c.Contains("Escalated to you: RB 02 is Red", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSentCard_ShowsItsStateToAll_AndRefreshesTheDecidersIntoTheirButtons()
    {
        await InstallAsync();
        await RecordRedAsync();

        var sent = Connector.CallsTo(PriyasChat).Last(c => c.Method == "POST").Body!.Value.GetProperty("attachments")[0].GetProperty("content");

        var refresh = sent.GetProperty("refresh");
        Assert.Equal(["user-priya-shah"], refresh.GetProperty("userIds").EnumerateArray().Select(u => u.GetString())); // Fiona has never opened PmfBot: no Teams id yet
        Assert.Equal("openEscalation", refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.DoesNotContain("decideEscalation", sent.GetRawText(), StringComparison.Ordinal); // the base card decides nothing
    }

    [Fact]
    public async Task TheSameMeasureAndPeriod_IsNeverEscalatedTwice()
    {
        await InstallAsync();
        await RecordRedAsync();

        await RecordRedAsync(); // a second press: already recorded
        await PostAsync(Personal("message", "escalate CS 02 because it is getting worse"));
        await Scan.RunAsync(default);
        await Scan.RunAsync(default);

        Assert.Single(EscalationCardsIn(), c => c.Contains("Escalated to you: CS 02", StringComparison.Ordinal));
        Assert.Contains(CardsPostedTo(), c => c.Contains("CS 02 Oct 2026 was already escalated at 09:00 on 7 Nov 2026, so nothing new was raised", StringComparison.Ordinal));
        Assert.Single(await Escalations.GetForSubjectAsync(Cs02, default));
    }

    [Fact]
    public async Task WhenStorageFailsWhileEscalating_TheFigureIsKept_AndTheOutboxRaisesIt_Once()
    {
        await InstallAsync();
        await Storage.Tables.Escalations.DeleteAsync(); // the escalations table is unreachable for this turn

        var recorded = await RecordRedAsync();

        Assert.Contains("Recorded: 61.5% for Oct 2026", recorded, StringComparison.Ordinal);
        Assert.Contains("If it needs escalating, that will happen within a few minutes.", recorded, StringComparison.Ordinal);
        Assert.NotNull(await new Storage.Results.ResultStore(Storage.Tables).GetAsync(Cs02, October, default));
        Assert.Empty(EscalationCardsIn());

        await Storage.Tables.Escalations.CreateIfNotExistsAsync();
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        var outbox = App.Services.GetRequiredService<Events.OutboxRun>();
        Assert.Equal((1, 0), await outbox.RunOnceAsync(default));
        Assert.Equal((0, 0), await outbox.RunOnceAsync(default));
        await Scan.RunAsync(default);

        Assert.Single(EscalationCardsIn(), c => c.Contains("Escalated to you: CS 02 is Red", StringComparison.Ordinal));
        Assert.Equal(EscalationTrigger.Red, (await Cs02OctoberAsync())!.Escalation.Trigger);
    }

    [Fact]
    public async Task AnAmberFigure_IsNotEscalated()
    {
        await InstallAsync();

        var recorded = await RecordRedAsync("78.0");

        Assert.DoesNotContain("Escalated to", recorded, StringComparison.Ordinal);
        Assert.Null(await Cs02OctoberAsync());
    }

    [Fact]
    public async Task AnOwner_EscalatesByHand_WithTheirReason()
    {
        await InstallAsync();

        await PostAsync(Personal("message", "escalate IG 01 because the FOI backlog will breach the ICO's threshold"));

        // The answer first; the escalation card follows it (sent once the turn has answered).
        Assert.Contains(
            "You are IG 01's escalation owner as well: its escalation card follows, for your decision.",
            PostedTexts()[^2], StringComparison.Ordinal);
        var card = Assert.Single(EscalationCardsIn());
        Assert.Equal(card, PostedTexts()[^1]);
        Assert.Contains("Escalated to you by Priya Shah: IG 01", card, StringComparison.Ordinal);
        Assert.Contains("Escalated by Priya Shah: the FOI backlog will breach the ICO's threshold", card, StringComparison.Ordinal);
        var ig01 = Domain.Catalogue.MeasureReference.Parse("IG 01");
        var stored = Assert.Single(await Escalations.GetForSubjectAsync(ig01, default)).Escalation;
        Assert.Equal((EscalationTrigger.ByHand, "FY2026-M06"), (stored.Trigger, stored.Period.Code)); // the latest period with a figure: September
    }

    [Fact]
    public async Task SomeoneElsesMeasure_CannotBeEscalatedByThem()
    {
        await InstallAsync();

        await PostAsync(Personal("message", "escalate WM 03"));

        Assert.Contains("Only Sam Taylor, WM 03's owner, or their delegates can escalate it", LastPostedText(), StringComparison.Ordinal);
        Assert.Empty(await Escalations.GetForSubjectAsync(Domain.Catalogue.MeasureReference.Parse("WM 03"), default));
    }

    [Fact]
    public async Task ACorrectionBackWithinTolerance_ClosesTheEscalation_AndItsCardSaysSo()
    {
        await InstallAsync();
        await RecordRedAsync();

        await PostAsync(Personal("message", "change CS 02 to 81.2 because the call logger double-counted abandoned calls"));

        Assert.Contains("CS 02's Oct 2026 escalation is closed: it is back within tolerance: Oct 2026 was 81.2% (Green).", LastPostedText(), StringComparison.Ordinal);
        Assert.Equal(EscalationState.Closed, StateOf(await Cs02OctoberAsync()));
        Assert.Contains(UpdatesIn(), u => AllText(u.Body!.Value.GetProperty("attachments")[0].GetProperty("content")).Contains("Closed: CS 02 Oct 2026 escalation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyEscalations_AndTheHistory_ListThem()
    {
        await InstallAsync();
        await RecordRedAsync();

        await PostAsync(Personal("message", "my escalations"));
        var mine = LastPostedText();
        await PostAsync(Personal("message", "escalation history for CS 02"));
        var history = LastPostedText();
        await PostAsync(Personal("message", "escalation history for CS 01"));

        Assert.Contains("Your escalations (", mine, StringComparison.Ordinal);
        Assert.Contains("Open: waiting for Priya Shah's decision (raised today)", mine, StringComparison.Ordinal);
        Assert.Contains("Escalation history: CS 02", history, StringComparison.Ordinal);
        Assert.Contains("Red; raised 09:00 on 7 Nov 2026", history, StringComparison.Ordinal);
        Assert.Equal("CS 01 (Stage 1 complaints answered within 10 working days) has never been escalated.", LastPostedText());
    }
}
