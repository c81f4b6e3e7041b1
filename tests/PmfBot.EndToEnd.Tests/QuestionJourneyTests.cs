namespace PmfBot.EndToEnd.Tests;

/// <summary>
/// Questions in plain words in the Agents Playground, as of 09:00 on Saturday 7 November 2026: Priya asks what is
/// off track in her department, then for one measure, and gets a list and the measure's card with its chart.
/// </summary>
public class QuestionJourneyTests : IAsyncLifetime
{
    private const string Chat = PlaygroundHarness.PersonalChat;
    private PlaygroundHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await PlaygroundHarness.StartAsync(asOf: "2026-11-07", clockStartAt: "2026-11-07T09:00");

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AQuestionInPlainWords_AnswersWithAListAndAMeasuresCard()
    {
        await _harness.InstallAsync(Chat);
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Hello Priya", StringComparison.Ordinal),
            "the welcome card");

        await _harness.SayAsync(Chat, "what's off track in Resources?");
        var list = await _harness.WaitForBotAsync(Chat,
            m => m.CardText.Contains("Off track: The Resources department", StringComparison.Ordinal), "the list");
        Assert.Contains("CS 02 Calls answered within 5 minutes", list.CardText, StringComparison.Ordinal);
        Assert.Contains("See them on the Performance tab", list.CardText, StringComparison.Ordinal);

        await _harness.SayAsync(Chat, "show me calls answered");
        var card = await _harness.WaitForBotAsync(Chat,
            m => m.CardText.Contains("CS 02 against its target", StringComparison.Ordinal), "CS 02's card");
        Assert.Contains("71.2% for Sep 2026", card.CardText, StringComparison.Ordinal);
    }
}
