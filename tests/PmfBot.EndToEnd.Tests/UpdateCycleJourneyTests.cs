using System.Text.Json;

namespace PmfBot.EndToEnd.Tests;

/// <summary>
/// Priya's October updates, in the Agents Playground, with the bot's clock started at 09:00 on
/// Saturday 7 November 2026: the prompt arrives, an off-target figure without an action note is
/// refused with the reason, with one it is recorded and the prompt updated in place, a typed
/// answer works, and the reminder and overdue chaser arrive on their days.
/// </summary>
public class UpdateCycleJourneyTests : IAsyncLifetime
{
    private const string Chat = PlaygroundHarness.PersonalChat;
    private PlaygroundHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PlaygroundHarness.StartAsync(asOf: "2026-11-07", clockStartAt: "2026-11-07T09:00");

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Prompt_Refusal_Recorded_Typed_Reminder_Overdue()
    {
        await _harness.InstallAsync(Chat);
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Hello Priya", StringComparison.Ordinal), "the welcome card");

        await _harness.ScanAsync();
        var prompt = await _harness.WaitForBotAsync(Chat, m => m.Action == "createMessage" && m.CardText.Contains("**CS 02**", StringComparison.Ordinal), "the CS 02 prompt");
        Assert.Contains("Your Oct 2026 update is due", prompt.CardText, StringComparison.Ordinal);
        Assert.Contains("Required if the figure misses the target (80.0%).", prompt.CardText, StringComparison.Ordinal);

        var refused = await _harness.PressAsync(Chat, prompt.MessageId, "submitUpdate",
            new { verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value = "73.7", commentary = "Queue times up after the phone system change." });
        Assert.Contains("Below target (80.0%): an action note is required.", Text(refused), StringComparison.Ordinal);

        var recorded = await _harness.PressAsync(Chat, prompt.MessageId, "submitUpdate",
            new { verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value = "73.7", commentary = "Queue times up after the phone system change.", actionNote = "Two temporary advisers start on Monday." });
        Assert.Contains("Recorded: 73.7% for Oct 2026", Text(recorded), StringComparison.Ordinal); // shown in place of the prompt; no update call needed

        await _harness.SayAsync(Chat, "CS 01: 91.5 — a steady month");
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Recorded: 91.5% for Oct 2026", StringComparison.Ordinal), "the typed answer recorded");

        await _harness.MoveClockAndScanAsync("2026-11-09T09:00");
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("**IG 01**", StringComparison.Ordinal) && m.CardText.Contains("Reminder: your Oct 2026 update is due in 1 day", StringComparison.Ordinal), "Monday's reminder");

        await _harness.MoveClockAndScanAsync("2026-11-11T09:00");
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("**IG 01**", StringComparison.Ordinal) && m.CardText.Contains("Overdue: your Oct 2026 update was due 1 day ago", StringComparison.Ordinal), "the overdue chaser");
        Assert.DoesNotContain(_harness.Received, m => m.Action == "createMessage" && m.CardText.Contains("**CS 02**", StringComparison.Ordinal) && m.CardText.Contains("Overdue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extensions_AskedInTheChat_DecidedInACard_MoveTheDeadline()
    {
        await _harness.InstallAsync(Chat);
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Hello Priya", StringComparison.Ordinal), "the welcome card");

        // Priya decides: the demo's request from Sam Taylor arrives at the first scan; she approves it in the card.
        await _harness.ScanAsync();
        var samsRequest = await _harness.WaitForBotAsync(Chat, m => m.Action == "createMessage" && m.CardText.Contains("Extension requested: WM 03", StringComparison.Ordinal), "Sam's extension request");
        var samsData = JsonDocument.Parse(ActionData(samsRequest.Card!.Value, "Approve")).RootElement;
        var decided = await _harness.PressAsync(Chat, samsRequest.MessageId, "decideExtension", samsData);
        Assert.Contains("Approved by Priya Shah", Text(decided), StringComparison.Ordinal); // shown in place of the request card

        // Priya asks: the request goes to Helen Price, who approves in her own Teams; Priya is told and the deadline moves.
        await _harness.SayAsync(Chat, "I need until Friday for CS 02 because the telephony supplier's report is late");
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Extension requested: waiting for a decision", StringComparison.Ordinal) && m.CardText.Contains("Sent to Helen Price.", StringComparison.Ordinal), "the request sent");
        var request = Assert.Single(await _harness.Results.GetExtensionsAsync(Domain.Catalogue.MeasureReference.Parse("CS 02"), Domain.Calendar.ReportingPeriod.Parse("FY2026-M07"), default));
        var helens = await _harness.PressAsAsync("user-helen-price", "5a0f6c1e-2b7d-4e93-8a41-0c9d3e6b1f03", "decideExtension",
            new { measure = "CS 02", period = "FY2026-M07", extension = request.Id, decision = "approve" });
        Assert.Contains("Decision recorded. Priya Shah told.", Text(helens), StringComparison.Ordinal);
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Extension approved", StringComparison.Ordinal) && m.CardText.Contains("The deadline is now Friday 13 November 2026.", StringComparison.Ordinal), "Priya told of the approval");

        await _harness.SayAsync(Chat, "what's due");
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("What's due", StringComparison.Ordinal) && m.CardText.Contains("Oct 2026 · due by 13 Nov 2026", StringComparison.Ordinal), "what's due showing the new deadline");
    }

    /// <summary>The data an Action.Execute titled <paramref name="title"/> carries on a card.</summary>
    private static string ActionData(JsonElement card, string title) =>
        Descendants(card).First(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute"
            && e.TryGetProperty("title", out var n) && n.GetString() == title).GetProperty("data").GetRawText();

    private static IEnumerable<JsonElement> Descendants(JsonElement e)
    {
        yield return e;
        var children = e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => e.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }

    private static string Text(JsonElement invokeResponse) => PlaygroundHarness.TextOf(invokeResponse);

}
