using System.Text.Json;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Storage.Prompts;
using PmfBot.Storage.Results;

namespace PmfBot.Tests.Updates;

/// <summary>
/// Taking a figure, as of Saturday 7 November 2026: Priya owes October's CS 02 (calls answered
/// within 5 minutes, target 80%, Amber down to 76%). Every refusal says why and stores nothing.
/// </summary>
public class AnswerTests : UpdateCycleHost
{
    private static readonly MeasureReference Cs02 = MeasureReference.Parse("CS 02");
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");

    private ResultStore Results => new(Storage.Tables);

    private PromptStore Prompts => new(Storage.Tables);

    private static object Entry(string? value, string? commentary = "Two advisers off sick all month.", string? actionNote = null, string measure = "CS 02", string period = "FY2026-M07") =>
        new { verb = "submitUpdate", measure, period, value, commentary, actionNote };

    private async Task AssertNothingStoredAsync(string measure = "CS 02", string period = "FY2026-M07") =>
        Assert.Null(await Results.GetAsync(MeasureReference.Parse(measure), ReportingPeriod.Parse(period), default));

    [Fact]
    public async Task AnOffTargetFigureWithAnActionNote_IsRecorded_AndEveryCardForThePeriodShowsIt()
    {
        await InstallAsync();
        await Scan.RunAsync(default);

        var card = CardOf(await PressAsync("submitUpdate", Entry("73.7", actionNote: "Two temporary advisers start on Monday."), replyToId: "pressed-card"));

        Assert.Contains("Recorded: 73.7% for Oct 2026", card, StringComparison.Ordinal);
        Assert.Contains("\nRed\n", card, StringComparison.Ordinal);
        Assert.Contains("Direction of travel", card, StringComparison.Ordinal);
        Assert.Contains("Next: the Nov 2026 figure", card, StringComparison.Ordinal);
        var stored = await Results.GetAsync(Cs02, October, default);
        Assert.Equal((73.7m, "Two temporary advisers start on Monday.", DemoPeople.PriyaShah.Id), (stored!.Value, stored.ActionNote, stored.RecordedBy));
        Assert.Single(await Results.GetAuditTrailAsync(Cs02, October, default));

        // The prompt the scan sent is updated; the card pressed shows the invoke's answer already, so it is left alone.
        var update = Assert.Single(UpdatesIn());
        Assert.DoesNotContain("/activities/pressed-card", update.Path, StringComparison.Ordinal);
        Assert.Contains("Recorded: 73.7%", AllText(update.Body!.Value.GetProperty("attachments")[0].GetProperty("content")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PressingSubmitOnThePromptItself_CostsNoCardUpdate_TeamsShowsTheAnswerInItsPlace()
    {
        await InstallAsync();
        await Scan.RunAsync(default);
        var promptId = (await Prompts.GetForPeriodAsync(Cs02, October, default)).Single(p => p.ActivityId is not null).ActivityId;

        var card = CardOf(await PressAsync("submitUpdate", Entry("85"), replyToId: promptId));

        Assert.Contains("Recorded: 85.0% for Oct 2026", card, StringComparison.Ordinal);
        Assert.NotNull(promptId);
        Assert.Empty(UpdatesIn());
    }

    [Fact]
    public async Task AnOffTargetFigureWithoutAnActionNote_ComesBackWithTheReason_AndTheEntryKept()
    {
        var response = await PressAsync("submitUpdate", Entry("73.7", commentary: "Queue times up after the phone system change."));
        var card = CardOf(response);

        Assert.Contains("Below target (80.0%): an action note is required.", card, StringComparison.Ordinal);
        Assert.Contains("Nothing has been saved yet", card, StringComparison.Ordinal);
        Assert.Equal(73.7, InputOn(RawCardOf(response), "value")!.Value.GetProperty("value").GetDouble());
        Assert.Equal("Queue times up after the phone system change.", InputOn(RawCardOf(response), "commentary")!.Value.GetProperty("value").GetString());
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("", "Please type this period's figure.")]
    [InlineData("lots", "\"lots\" isn't a figure I can read")]
    [InlineData("120", "120% is over 100%")]
    [InlineData("73 days", "This measure is counted in per cent, not \"days\"")]
    [InlineData("£73", "not pounds")]
    [InlineData("73,7", "Use a full stop for decimals")]
    [InlineData("n/a", "ask the performance team for an extension")]
    public async Task AFigureThatCantBeRead_IsRefusedBesideTheBox(string value, string reason)
    {
        var card = CardOf(await PressAsync("submitUpdate", Entry(value)));

        Assert.Contains(reason, card, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u200B\u200B\u200B")] // zero-width spaces look empty, and are
    [InlineData("\u200E\u2060 \uFEFF")]
    public async Task EmptyCommentary_IsRefused(string commentary)
    {
        var card = CardOf(await PressAsync("submitUpdate", Entry("85", commentary: commentary)));

        Assert.Contains("Commentary is required", card, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AnActionNoteOfZeroWidthSpaces_IsNoActionNote()
    {
        var card = CardOf(await PressAsync("submitUpdate", Entry("73.7", actionNote: "\u200B\u200B")));

        Assert.Contains("Below target (80.0%): an action note is required.", card, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("1e400", "without an exponent")]
    [InlineData("Infinity", "\"Infinity\" isn't a figure I can read")]
    [InlineData("-Infinity", "isn't a figure I can read")]
    [InlineData("NaN", "isn't a figure I can read")]
    public async Task AFigureNoNumberBoxCanHold_ComesBackAsTheCard_NotAnApology(string value, string reason)
    {
        var response = await PressAsync("submitUpdate", Entry(value));

        Assert.Contains(reason, CardOf(response), StringComparison.Ordinal);
        Assert.False(
            InputOn(RawCardOf(response), "value")!.Value.TryGetProperty("value", out _), "the box is left empty");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ANumberBoxSendingAnExponent_IsRefused_AsTeamsWouldSendIt()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(Personal("invoke", name: "adaptiveCard/action",
            value: new { action = new { type = "Action.Execute", verb = "submitUpdate", data = Entry("PLACEHOLDER") } }));
        var response = await PostJsonAsync(body.Replace("\"PLACEHOLDER\"", "1e400", StringComparison.Ordinal));

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("without an exponent", CardOf(answer), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task SomeoneElsesMeasure_IsRefusedPolitely()
    {
        var card = MessageOf(await PressAsync("submitUpdate", Entry("85", measure: "WM 03")));

        Assert.Contains("You're neither, so I haven't stored anything", card, StringComparison.Ordinal);
        await AssertNothingStoredAsync("WM 03");
    }

    [Fact]
    public async Task AStranger_IsRefusedPolitely()
    {
        var message = MessageOf(await PressAsync("submitUpdate", Entry("85"), aad: "00000000-0000-0000-0000-000000000099"));

        Assert.Contains("I can't find you in the council's performance catalogue", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AClosedPeriod_IsRefused_WithWhoToAsk()
    {
        // April 2024 was never recorded in the demo's history, and closed long ago.
        var message = MessageOf(await PressAsync("submitUpdate", Entry("85", period: "FY2024-M01")));

        Assert.Contains("closed to updates", message, StringComparison.Ordinal);
        Assert.Contains("contact the performance team", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(period: "FY2024-M01");
    }

    [Fact]
    public async Task APeriodNotYetEnded_IsRefused()
    {
        var message = MessageOf(await PressAsync("submitUpdate", Entry("85", period: "FY2026-M08")));

        Assert.Contains("Nov 2026 hasn't ended yet", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(period: "FY2026-M08");
    }

    [Theory]
    [InlineData("XX 99", "FY2026-M07", "a measure I don't know")]
    [InlineData("CS 02", "FY2026-Q9", "period isn't one CS 02 is reported for")]
    [InlineData("CS 02", "FY2026-Q2", "period isn't one CS 02 is reported for")] // a monthly measure has no quarters
    [InlineData("", "", "a measure I don't know")]
    [InlineData("CS 02", "FY9999-Q9", "period isn't one CS 02 is reported for")]
    [InlineData("CS 02", "FY9998-M12", "period isn't one CS 02 is reported for")] // the last month there is has no next
    [InlineData("CS 02", "FY1900-M01", "period isn't one CS 02 is reported for")]
    [InlineData("CS 02", "FY٢٠٢٦-M07", "period isn't one CS 02 is reported for")]
    [InlineData("CS/02", "FY2026-M07", "a measure I don't know")]
    public async Task ATamperedCard_IsRefused(string measure, string period, string reason)
    {
        var message = MessageOf(await PressAsync("submitUpdate", Entry("85", measure: measure, period: period)));

        Assert.Contains(reason, message, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ASecondPressOrAStaleCard_SaysWhenAndWhoRecordedIt_AndChangesNothing()
    {
        CardOf(await PressAsync("submitUpdate", Entry("85")));

        var again = CardOf(await PressAsync("submitUpdate", Entry("60", actionNote: "Different")));

        Assert.Contains("This was already recorded at 09:00 on 7 Nov 2026 by Priya Shah; nothing was changed.", again, StringComparison.Ordinal);
        Assert.Equal(85m, (await Results.GetAsync(Cs02, October, default))!.Value);
        Assert.Single(await Results.GetAuditTrailAsync(Cs02, October, default));
    }

    [Fact]
    public async Task ManyPressesAtOnce_RecordOnce()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PressAsync("submitUpdate", Entry("85"))));

        Assert.Single(answers, a => CardOf(a).Contains("Recorded: 85.0%", StringComparison.Ordinal) && !CardOf(a).Contains("already recorded", StringComparison.Ordinal));
        Assert.Single(await Results.GetAuditTrailAsync(Cs02, October, default));
    }

    [Fact]
    public async Task TheSubmitFallback_WorksLikeTheExecuteButton()
    {
        await PostAsync(Personal("message", value: Entry("85"), replyToId: "the-card"));

        Assert.Contains("Recorded: 85.0% for Oct 2026", CardsPostedTo()[^1], StringComparison.Ordinal);
        Assert.Contains(UpdatesIn(), u => u.Path.EndsWith("/activities/the-card", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATypedAnswerNamingTheMeasure_IsRecorded()
    {
        await PostAsync(Personal("message", "CS 02: 73.7 — queue times up; action: two temporary advisers from Monday"));

        Assert.Contains("Recorded: 73.7% for Oct 2026", CardsPostedTo()[^2], StringComparison.Ordinal);
        Assert.Contains("Escalated to you: CS 02 is Red", CardsPostedTo()[^1], StringComparison.Ordinal); // Priya is CS 02's escalation owner too: her card follows the answer
        var stored = await Results.GetAsync(Cs02, October, default);
        Assert.Equal(("queue times up", "two temporary advisers from Monday"), (stored!.Commentary, stored.ActionNote));
    }

    [Fact]
    public async Task ATypedAnswerWhoseActionNoteSaysUntil_IsAFigure_NotARequestForMoreTime()
    {
        var ig01 = MeasureReference.Parse("IG 01");

        await PostAsync(Personal("message",
            "IG 01: 82.4 — complex requests piled up; action: two officers from Legal help clear the backlog until 18 December"));

        var stored = await Results.GetAsync(ig01, October, default);
        Assert.Equal(
            (82.4m, "two officers from Legal help clear the backlog until 18 December"),
            (stored!.Value, stored.ActionNote));
        Assert.Empty(await Results.GetExtensionsAsync(ig01, October, default));
        Assert.Contains(CardsPostedTo(), c => c.Contains("Recorded: 82.4% for Oct 2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("RB 02: -5 — figures held back; action: re-run the report", "A number of days can't be negative.")]
    [InlineData("RB 02: −5 — figures held back; action: re-run the report", "A number of days can't be negative.")]
    [InlineData("RB 03: forty — collection slow; action: reminders", "\"forty\" isn't a figure I can read")]
    [InlineData("RB 01: n/a — system down; action: restore", "ask the performance team for an extension")]
    [InlineData("HS 03: 1e400 — voids; action: contractor", "without an exponent")]
    [InlineData("RB 02: 12 345 — backlog; action: overtime", "Please don't put spaces inside a figure")]
    [InlineData("RB 02: 5 days late — backlog; action: overtime", "put a dash before it: 5 — days late")]
    public async Task ATypedFigureThatCantBeRead_GetsTheCardsPreciseReason_AndNothingIsStored(string text, string reason)
    {
        await PostAsync(Personal("message", text, aad: DemoPeople.FionaGrant.AadObjectId, user: "user-fiona", conversation: "personal-chat-fiona"));

        Assert.Contains(reason, LastPostedText("personal-chat-fiona"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(text[..5]);
    }

    [Fact]
    public async Task AFigureWithJunkGluedOn_IsRefusedWhole_NotRecordedAsTheNumber()
    {
        await PostAsync(Personal("message", "LE 01: 50;DROP TABLE — visitors counted twice; action: recount",
            aad: DemoPeople.ChrisEvans.AadObjectId, user: "user-chris", conversation: "personal-chat-chris"));

        Assert.Contains(
            "\"50;DROP TABLE\" isn't a figure I can read",
            LastPostedText("personal-chat-chris"), StringComparison.Ordinal);
        await AssertNothingStoredAsync("LE 01");
    }

    [Fact]
    public async Task SomeoneElseTypingAFigure_IsToldWhoseItIs_AsTheCardWouldSay()
    {
        await PostAsync(Personal("message", "CS 02: 85 — all fine", aad: DemoPeople.SamTaylor.AadObjectId, user: "user-sam", conversation: "personal-chat-sam"));
        var pressed = MessageOf(await PressAsync("submitUpdate", Entry("85"), aad: DemoPeople.SamTaylor.AadObjectId, user: "user-sam", conversation: "personal-chat-sam"));

        Assert.Contains(
            "CS 02 is updated by Priya Shah, its owner, or their delegates.",
            LastPostedText("personal-chat-sam"), StringComparison.Ordinal);
        Assert.Equal(pressed, LastPostedText("personal-chat-sam"));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AStrangerTypingAFigure_IsToldTheyArentInTheCatalogue()
    {
        await PostAsync(Personal("message", "CS 02: 85 — all fine", aad: "00000000-0000-0000-0000-000000000099", user: "user-x", conversation: "personal-chat-x"));

        Assert.Contains(
            "I can't find you in the council's performance catalogue",
            LastPostedText("personal-chat-x"), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ATypedFigure_WithSeveralOpen_AsksWhich_AndOnePressRecordsIt()
    {
        await PostAsync(Personal("message", "91.5 — steady month"));

        var question = CardsPostedTo()[^1];
        Assert.Contains("Which measure is 91.5 for?", question, StringComparison.Ordinal);
        Assert.Contains("**CS 01**", question, StringComparison.Ordinal);
        Assert.Contains("**HR 01**", question, StringComparison.Ordinal);
        await AssertNothingStoredAsync("CS 01");

        var card = CardOf(await PressAsync("submitUpdate", new { verb = "submitUpdate", measure = "CS 01", period = "FY2026-M07", value = "91.5", commentary = "steady month", actionNote = "" }));
        Assert.Contains("Recorded: 91.5% for Oct 2026", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATypedFigureMissingItsActionNote_ComesBackAsTheCard_WithTheEntryKept()
    {
        await PostAsync(Personal("message", "CS 02 73.7 — queue times up"));

        var card = CardsPostedTo()[^1];
        Assert.Contains("Below target (80.0%): an action note is required.", card, StringComparison.Ordinal);
        Assert.Contains("queue times up", card, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task WhatsDue_ListsOpenUpdatesOldestDeadlineFirst_AndOpensEach()
    {
        await PostAsync(Personal("message", "what's due"));

        var list = CardsPostedTo()[^1];
        Assert.Contains("What's due (6)", list, StringComparison.Ordinal); // CS 01, CS 02, IG 01, HR 01, FI 01 as Fiona's delegate, and her activity's Q2 report
        Assert.True(list.IndexOf("**HR 01**", StringComparison.Ordinal) < list.IndexOf("**CS 01**", StringComparison.Ordinal), "HR 01 (due in October) comes first");

        var card = CardOf(await PressAsync("openUpdate", new { verb = "openUpdate", measure = "CS 02", period = "FY2026-M07" }));
        Assert.Contains("Oct 2026 figure (%)", card, StringComparison.Ordinal);
        Assert.Contains("Required if the figure misses the target (80.0%).", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsDue_ReadsTheStandings_NotEachMeasuresHistory()
    {
        // CS 02's standing already holds an October figure; its history doesn't (only a standing is written).
        var council = await new Storage.Catalogue.CatalogueStore(Storage.Tables).LoadAsync(default);
        var cs02 = council.FindMeasure(Cs02)!;
        var standings = new Storage.Standings.StandingStore(Storage.Tables);
        var stored = await standings.GetAsync(cs02.ServiceCode, Cs02, default);
        var judged = Domain.Status.StatusRules.Judge(
            cs02, October, 85m, null, null, Domain.Status.StatusPolicy.Default);
        var figure = Domain.Results.MeasureResult.Record(
            cs02, October, 85m, "On track.", null, judged, DemoPeople.PriyaShah.Id, Clock.GetUtcNow());
        var written = await standings.TryWriteAsync(
            cs02.ServiceCode, stored!.Standing.With(figure), stored.ETag, default);
        Assert.True(written);

        await PostAsync(Personal("message", "what's due"));

        var list = CardsPostedTo()[^1];
        Assert.Contains("What's due (5)", list, StringComparison.Ordinal);
        Assert.DoesNotContain("**CS 02**", list, StringComparison.Ordinal);
        await AssertNothingStoredAsync(); // and its history has none: the list followed the standing
    }
}
