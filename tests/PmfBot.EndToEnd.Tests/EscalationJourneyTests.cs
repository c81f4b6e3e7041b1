namespace PmfBot.EndToEnd.Tests;

/// <summary>
/// Escalation in the Agents Playground, as of 09:00 on Saturday 7 November 2026. Priya Shah owns
/// CS 02 and, as Director of Resources, is its escalation owner too, so the whole journey shows in
/// her one chat: a Red figure goes to her as escalation owner; she asks herself (as owner) for
/// more, answers, then approves; the escalation card updates in place and the owner is told.
/// </summary>
public class EscalationJourneyTests : IAsyncLifetime
{
    private const string Chat = PlaygroundHarness.PersonalChat;
    private PlaygroundHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PlaygroundHarness.StartAsync(asOf: "2026-11-07", clockStartAt: "2026-11-07T09:00");

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static Dictionary<string, object?> Data(string verb, object? more = null)
    {
        var data = new Dictionary<string, object?> { ["verb"] = verb, ["measure"] = "CS 02", ["period"] = "FY2026-M07" };
        foreach (var p in more?.GetType().GetProperties() ?? [])
        {
            data[p.Name] = p.GetValue(more);
        }

        return data;
    }

    [Fact]
    public async Task ARedFigure_IsEscalated_Questioned_Answered_AndApproved()
    {
        await _harness.InstallAsync(Chat);
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Hello Priya", StringComparison.Ordinal), "the welcome card");
        await _harness.ScanAsync();
        var prompt = await _harness.WaitForBotAsync(Chat, m => m.Action == "createMessage" && m.CardText.Contains("**CS 02**", StringComparison.Ordinal), "the CS 02 prompt");

        var recorded = await _harness.PressAsync(Chat, prompt.MessageId, "submitUpdate", new
        {
            verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value = "61.5",
            commentary = "Two advisers off long-term sick; the new phone menu doubled transfers.",
            actionNote = "Two agency advisers for eight weeks; revert the phone menu.",
        });
        Assert.Contains(
            "You are CS 02's escalation owner as well: its escalation card follows, for your decision.",
            Text(recorded), StringComparison.Ordinal);
        var escalation = await _harness.WaitForBotAsync(Chat, m => m.Action == "createMessage" && m.CardText.Contains("Escalated to you: CS 02 is Red", StringComparison.Ordinal), "the escalation card");
        Assert.Contains("Two agency advisers for eight weeks; revert the phone menu.", escalation.CardText, StringComparison.Ordinal);

        var decide = await _harness.PressAsync(Chat, escalation.MessageId, "openEscalation", Data("openEscalation"));
        Assert.Contains("Approve the action", Text(decide), StringComparison.Ordinal);

        var asked = await _harness.PressAsync(Chat, escalation.MessageId, "decideEscalation", Data("decideEscalation", new { decision = "ask", decisionNote = "How soon can the agency advisers take calls?" }));
        Assert.Contains(
            "Your question is on record; as CS 02's owner too, you'll get it as a card to answer.",
            Text(asked), StringComparison.Ordinal);
        var question = await _harness.WaitForBotAsync(Chat, m => m.Action == "createMessage" && m.CardText.Contains("Your escalation: a question for you", StringComparison.Ordinal), "the question to the owner");

        var answered = await _harness.PressAsync(Chat, question.MessageId, "answerEscalation", Data("answerEscalation", new { question = "1", answer = "From 16 November, after a week's training." }));
        Assert.Contains(
            "Your answer is on record, with the escalation card to decide it.",
            Text(answered), StringComparison.Ordinal);
        var back = await _harness.WaitForBotAsync(Chat, m => m.Action == "createMessage" && m.CardText.Contains("Priya Shah answered your question on CS 02", StringComparison.Ordinal), "the answer back to the escalation owner");

        var approved = await _harness.PressAsync(Chat, back.MessageId, "decideEscalation", Data("decideEscalation", new { decision = "approve", decisionNote = "Agreed.", decisionUntil = "2027-01-15" }));
        Assert.Contains("Decided: remedial action approved", Text(approved), StringComparison.Ordinal);
        await _harness.WaitForBotAsync(Chat, m => m.Action == "updateMessage" && m.MessageId == escalation.MessageId && m.CardText.Contains("Remedial action approved by Priya Shah", StringComparison.Ordinal), "the escalation card updated in place");
        // Priya is CS 02's owner as well as its escalation owner: she took the decision, so no copy of it is sent to her.
    }

    private static string Text(System.Text.Json.JsonElement invokeResponse) => PlaygroundHarness.TextOf(invokeResponse);
}
