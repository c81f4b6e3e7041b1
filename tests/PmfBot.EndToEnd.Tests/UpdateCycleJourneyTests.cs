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
        Assert.Contains("Recorded: 73.7% for Oct 2026", Text(recorded), StringComparison.Ordinal);
        await _harness.WaitForBotAsync(Chat, m => m.Action == "updateMessage" && m.MessageId == prompt.MessageId && m.CardText.Contains("Recorded: 73.7%", StringComparison.Ordinal), "the prompt updated in place");

        await _harness.SayAsync(Chat, "CS 01: 91.5 — a steady month");
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Recorded: 91.5% for Oct 2026", StringComparison.Ordinal), "the typed answer recorded");

        await _harness.MoveClockAndScanAsync("2026-11-09T09:00");
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("**IG 01**", StringComparison.Ordinal) && m.CardText.Contains("Reminder: your Oct 2026 update is due in 1 day", StringComparison.Ordinal), "Monday's reminder");

        await _harness.MoveClockAndScanAsync("2026-11-11T09:00");
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("**IG 01**", StringComparison.Ordinal) && m.CardText.Contains("Overdue: your Oct 2026 update was due 1 day ago", StringComparison.Ordinal), "the overdue chaser");
        Assert.DoesNotContain(_harness.Received, m => m.Action == "createMessage" && m.CardText.Contains("**CS 02**", StringComparison.Ordinal) && m.CardText.Contains("Overdue", StringComparison.Ordinal));
    }

    private static string Text(JsonElement invokeResponse) => JsonSerializer.Serialize(invokeResponse.GetProperty("value"), Unescaped);

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
