namespace PmfBot.EndToEnd.Tests;

/// <summary>
/// Digests and scorecards in the Agents Playground, as of 09:00 on Saturday 7 November 2026:
/// Priya subscribes the Management Team's Performance channel to the Resources department; on
/// Monday at 09:00 the digest arrives there as a new thread; in her own chat, "how is my service
/// doing?" answers with her department's scorecard.
/// </summary>
public class DigestJourneyTests : IAsyncLifetime
{
    private const string Channel = PlaygroundHarness.PerformanceChannel;
    private const string Chat = PlaygroundHarness.PersonalChat;
    private PlaygroundHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PlaygroundHarness.StartAsync(asOf: "2026-11-07", clockStartAt: "2026-11-07T09:00");

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AChannelSubscribes_AndMondaysDigestArrivesAsANewThread()
    {
        await _harness.InstallAsync(Channel);
        await _harness.SayAsync(Channel, "subscribe Resources department", mentionBot: true);
        var confirmed = await _harness.WaitForBotAsync(Channel, m => m.CardText.Contains("Subscribed", StringComparison.Ordinal), "the subscription's confirmation");
        Assert.Contains("The first is on Monday 9 November 2026 at 09:00.", confirmed.CardText, StringComparison.Ordinal);

        await _harness.MoveClockAndPostDigestsAsync("2026-11-09T09:00");

        var digest = await _harness.WaitForBotAsync(Channel, m => m.Action == "createMessage" && m.CardText.Contains("Weekly digest: Resources department", StringComparison.Ordinal), "the digest thread");
        Assert.NotEqual(confirmed.ConversationId, digest.ConversationId); // a thread of its own
        Assert.Contains("Week to Monday 9 November 2026, 09:00", digest.CardText, StringComparison.Ordinal);
        Assert.Contains("CS 02 Calls answered within 5 minutes", digest.CardText, StringComparison.Ordinal);
        Assert.Contains("Full scorecard", digest.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HowIsMyServiceDoing_AnswersWithTheAskersScorecard()
    {
        await _harness.InstallAsync(Chat);
        await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Hello Priya", StringComparison.Ordinal), "the welcome card");

        await _harness.SayAsync(Chat, "how is my service doing?");

        var scorecard = await _harness.WaitForBotAsync(Chat, m => m.CardText.Contains("Resources department scorecard", StringComparison.Ordinal), "Priya's scorecard");
        Assert.Contains("As at 7 November 2026 · 9 measures", scorecard.CardText, StringComparison.Ordinal);
        Assert.Contains("71.2% for Sep 2026", scorecard.CardText, StringComparison.Ordinal);
    }
}
