using PmfBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Escalations;
using PmfBot.Features.Demo;

namespace PmfBot.Tests.Escalations;

/// <summary>Deciding: only a decider, once, recorded with who/when/what/note; the cards update in place and the owner is told.</summary>
public class DecisionTests : EscalationHost
{
    [Fact]
    public async Task Decide_GivesTheDeciderTheFiveDecisions_AndAnyoneElseItsState()
    {
        await InstallAsync();
        await InstallAsAsync(DemoPeople.HelenPrice, HelensChat);
        await RecordRedAsync();

        var decider = CardOf(await PressAsync("openEscalation", Open()));
        var stranger = CardOf(await PressAsAsync(DemoPeople.HelenPrice, HelensChat, "openEscalation", Open()));

        foreach (var title in new[] { "Approve the action", "Allocate resource / change the action", "Ask the owner for more", "Stop the activity", "Accept the risk" })
        {
            Assert.Contains(title, decider, StringComparison.Ordinal);
            Assert.DoesNotContain(title, stranger, StringComparison.Ordinal);
        }

        Assert.Contains("Only Priya Shah or Fiona Grant can decide CS 02's escalation. Here is where it stands.", stranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_RecordsIt_UpdatesTheCardInPlace_AndTellsTheOwner()
    {
        await InstallAsync();
        await RecordRedAsync();
        var sentCard = (await new Storage.Prompts.PromptStore(Storage.Tables).GetForPeriodAsync(Cs02, October, default)).Single(p => p.Step.StartsWith("esc-raised-", StringComparison.Ordinal)).ActivityId!;

        var response = await PressAsync("decideEscalation", Decision("approve", "Agreed: agency cover until January.", "2027-01-15"), replyToId: sentCard);
        var answer = CardOf(response);

        Assert.Contains("Decided: remedial action approved", answer, StringComparison.Ordinal);
        Assert.Contains("Recorded.", answer, StringComparison.Ordinal);
        // Priya owns CS 02: there is nobody else to tell.
        Assert.DoesNotContain("has been told", answer, StringComparison.Ordinal);
        var stored = (await Cs02OctoberAsync())!.Escalation;
        Assert.Equal(EscalationState.Decided, stored.State);
        var decision = Assert.Single(stored.Decisions);
        Assert.Equal((DecisionKind.ApproveAction, DemoPeople.PriyaShah.Id, "Agreed: agency cover until January.", new DateOnly(2027, 1, 15)), (decision.Kind, decision.By, decision.Note, decision.Until));

        // Teams shows the invoke's answer in place of the pressed card, so that card is not updated as well.
        Assert.DoesNotContain(UpdatesIn(), u => u.Path.EndsWith("/activities/" + sentCard, StringComparison.Ordinal));
        var shown = RawCardOf(response);
        Assert.Contains("Remedial action approved by Priya Shah at 09:00 on 7 Nov 2026. Agreed: agency cover until January. Review on 15 Jan 2027.", AllText(shown), StringComparison.Ordinal);
        Assert.False(shown.TryGetProperty("refresh", out _)); // settled: nothing left for anyone to decide
        // No copy to herself.
        Assert.DoesNotContain(
            CardsPostedTo(), c => c.Contains("Decided: remedial action approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeputyDeciding_TellsTheOwner_WhoGetsTheDecidedCard()
    {
        await InstallAsync();
        await InstallAsAsync(DemoPeople.FionaGrant, FionasChat);
        await RecordRedAsync();

        var answer = CardOf(await PressAsAsync(DemoPeople.FionaGrant, FionasChat, "decideEscalation", Decision("approve", "Agreed.")));

        Assert.Contains("Recorded. Priya Shah has been told.", answer, StringComparison.Ordinal);
        // Priya, the owner, hears of it.
        Assert.Single(CardsPostedTo(), c => c.Contains("Decided: remedial action approved", StringComparison.Ordinal));
        Assert.DoesNotContain(
            CardsPostedTo(FionasChat), c => c.Contains("Decided: remedial action approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecondPress_OrASecondDecider_ChangesNothing_AndSeesWhoDecided()
    {
        await InstallAsync();
        await RecordRedAsync();
        await PressAsync("decideEscalation", Decision("approve"));

        var again = CardOf(await PressAsync("decideEscalation", Decision("stop", "Not worth it.")));
        var deputy = CardOf(await PressAsAsync(DemoPeople.FionaGrant, FionasChat, "decideEscalation", Decision("resource", "A third adviser.")));

        Assert.Contains("This escalation was already decided by Priya Shah at 09:00 on 7 Nov 2026; nothing was changed.", again, StringComparison.Ordinal);
        Assert.Contains("already decided by Priya Shah", deputy, StringComparison.Ordinal);
        Assert.Equal(DecisionKind.ApproveAction, Assert.Single((await Cs02OctoberAsync())!.Escalation.Decisions).Kind);
    }

    [Theory]
    [InlineData("decideEscalation", "CS 02", "FY2026-M07", "shrug")]
    [InlineData("decideEscalation", "XX 99", "FY2026-M07", "approve")]
    [InlineData("openEscalation", "CS 02", "not a period", null)]
    [InlineData("closeEscalation", "CS 01", "FY2026-M07", null)]
    public async Task AGarbledOrStalePress_IsAnsweredKindly_AndChangesNothing(string verb, string measure, string period, string? decision)
    {
        await InstallAsync();
        await RecordRedAsync();

        var said = MessageOf(await PressAsync(verb, new { verb, measure, period, decision }));

        Assert.Matches("^I c(ouldn't tell which escalation|an't find that escalation)", said);
        Assert.Empty((await Cs02OctoberAsync())!.Escalation.Decisions);
    }

    [Fact]
    public async Task SimultaneousDecisions_LeaveExactlyOne()
    {
        await InstallAsync();
        await RecordRedAsync();

        await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => PressAsync("decideEscalation", Decision("approve")))
                .Concat(Enumerable.Range(0, 4).Select(_ => PressAsAsync(DemoPeople.FionaGrant, FionasChat, "decideEscalation", Decision("stop", "Stop it.")))));

        Assert.Single((await Cs02OctoberAsync())!.Escalation.Decisions);
    }

    [Fact]
    public async Task SomeoneWhoIsNotADecider_IsPolitelyRefused_AndNothingChanges()
    {
        await InstallAsync();
        await InstallAsAsync(DemoPeople.HelenPrice, HelensChat);
        await RecordRedAsync();

        var refused = MessageOf(await PressAsAsync(DemoPeople.HelenPrice, HelensChat, "decideEscalation", Decision("stop", "Forwarded to me; stop it.")));

        Assert.Equal("Only Priya Shah or Fiona Grant can decide CS 02's escalation. Your press changed nothing.", refused);
        var stored = (await Cs02OctoberAsync())!.Escalation;
        Assert.Equal((EscalationState.Open, 0), (stored.State, stored.Decisions.Count));
    }

    [Theory]
    [InlineData("stop", null, null, "Give a reason for stopping it: it goes on record.")]
    [InlineData("resource", " ", null, "Say what resource is allocated, or how the action changes.")]
    [InlineData("accept", "Seasonal.", null, "Give the date the risk is accepted until: it is looked at again then.")]
    [InlineData("accept", "Seasonal.", "2026-11-07", "The date must be after today.")]
    [InlineData("approve", null, "next week", "I couldn't read that date. Pick one from the calendar.")]
    public async Task ADecisionMissingWhatItNeeds_ComesBackWithTheEntryKept_AndNothingStored(string decision, string? note, string? until, string problem)
    {
        await InstallAsync();
        await RecordRedAsync();

        var response = await PressAsync("decideEscalation", Decision(decision, note, until));

        Assert.Contains(problem, CardOf(response), StringComparison.Ordinal);
        Assert.Equal(string.IsNullOrWhiteSpace(note) ? null : note, InputOn(RawCardOf(response), "decisionNote")!.Value.TryGetProperty("value", out var kept) ? kept.GetString() : null);
        Assert.Empty((await Cs02OctoberAsync())!.Escalation.Decisions);
    }

    [Fact]
    public async Task AskingForMore_RoundTrips_ThroughTheOwner_AndTheDecisionFollows()
    {
        await InstallAsync();
        await RecordRedAsync();

        var asked = CardOf(await PressAsync("decideEscalation", Decision("ask", "How long will the agency advisers take to train?")));
        Assert.Contains(
            "Your question is on record; as CS 02's owner too, you'll get it as a card to answer.",
            asked, StringComparison.Ordinal);
        var question = Assert.Single(CardsPostedTo(), c => c.Contains("Your escalation: a question for you", StringComparison.Ordinal));
        Assert.Contains("How long will the agency advisers take to train?", question, StringComparison.Ordinal);
        Assert.Equal(EscalationState.Open, StateOf(await Cs02OctoberAsync()));

        var empty = CardOf(await PressAsync("answerEscalation", new { verb = "answerEscalation", measure = "CS 02", period = "FY2026-M07", question = "1", answer = "" }));
        Assert.Contains("Please write your answer: it goes to the escalation owner.", empty, StringComparison.Ordinal);

        var sent = CardOf(await PressAsync("answerEscalation", new { verb = "answerEscalation", measure = "CS 02", period = "FY2026-M07", question = "1", answer = "Two weeks: they start on 16 November." }));
        Assert.Contains(
            "Your answer is on record, with the escalation card to decide it.", sent, StringComparison.Ordinal);
        Assert.Contains("You answered at 09:00 on 7 Nov 2026: Two weeks: they start on 16 November.", sent, StringComparison.Ordinal);
        var back = Assert.Single(EscalationCardsIn(), c => c.Contains("Priya Shah answered your question on CS 02", StringComparison.Ordinal));
        Assert.Contains("Answered: Two weeks: they start on 16 November.", back, StringComparison.Ordinal);

        var decided = CardOf(await PressAsync("decideEscalation", Decision("approve")));
        Assert.Contains("Decided: remedial action approved", decided, StringComparison.Ordinal);
        Assert.Equal([DecisionKind.AskForInformation, DecisionKind.ApproveAction], (await Cs02OctoberAsync())!.Escalation.Decisions.Select(d => d.Kind));
    }

    [Fact]
    public async Task ADecision_SurvivesARestart()
    {
        await InstallAsync();
        await RecordRedAsync();
        await PressAsync("decideEscalation", Decision("accept", "Seasonal: calls fall after Christmas.", "2027-01-31"));

        await App.StopAsync();
        await using var restarted = StartHost(seed: false);
        await restarted.StartAsync();
        using var client = new HttpClient { BaseAddress = restarted.Address() };
        var again = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(System.Text.Json.JsonSerializer.Serialize(
            Personal("invoke", name: "adaptiveCard/action", value: new { action = new { type = "Action.Execute", verb = "decideEscalation", data = Decision("approve") } })), System.Text.Encoding.UTF8, "application/json"));
        var card = AllText((await System.Text.Json.JsonDocument.ParseAsync(await again.Content.ReadAsStreamAsync())).RootElement.GetProperty("value"));

        Assert.Contains("Risk accepted by Priya Shah at 09:00 on 7 Nov 2026. Seasonal: calls fall after Christmas. Accepted until 31 Jan 2027.", card, StringComparison.Ordinal);
        Assert.Contains("already decided by Priya Shah", card, StringComparison.Ordinal);
        Assert.Equal(DecisionKind.AcceptRisk, (await Cs02OctoberAsync())!.Escalation.Outcome!.Kind);
    }
}
