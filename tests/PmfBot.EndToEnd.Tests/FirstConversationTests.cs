namespace PmfBot.EndToEnd.Tests;

/// <summary>A council officer's first minutes with PmfBot, in the Agents Playground.</summary>
public class FirstConversationTests : IAsyncLifetime
{
    private PlaygroundHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PlaygroundHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Install_Help_MyMeasures_InThePersonalChat()
    {
        await _harness.InstallAsync(PlaygroundHarness.PersonalChat);
        var welcome = await _harness.WaitForBotAsync(PlaygroundHarness.PersonalChat, m => m.CardText.Contains("Hello Priya, I'm PmfBot.", StringComparison.Ordinal), "the welcome card");
        Assert.Contains("You update **5** measures.", welcome.CardText, StringComparison.Ordinal);

        await _harness.SayAsync(PlaygroundHarness.PersonalChat, "help");
        await _harness.WaitForBotAsync(PlaygroundHarness.PersonalChat, m => m.CardText.Contains("What you can ask me", StringComparison.Ordinal), "the help card");

        await _harness.SayAsync(PlaygroundHarness.PersonalChat, "my measures");
        var measures = await _harness.WaitForBotAsync(PlaygroundHarness.PersonalChat, m => m.CardText.Contains("Your measures (5)", StringComparison.Ordinal), "my measures");
        Assert.Contains("**CS 02** Calls answered within 5 minutes", measures.CardText, StringComparison.Ordinal);
        Assert.Contains("overdue", measures.CardText, StringComparison.Ordinal);

        await _harness.SayAsync(PlaygroundHarness.PersonalChat, "what's for lunch");
        await _harness.WaitForBotAsync(PlaygroundHarness.PersonalChat, m => m.Text?.Contains("Type **help**", StringComparison.Ordinal) == true, "the kind not-understood answer");
    }

    [Fact]
    public async Task MentionInAChannel_IsAnsweredInTheThread()
    {
        await _harness.SayAsync(PlaygroundHarness.PerformanceChannel, "help", mentionBot: true);

        var answer = await _harness.WaitForBotAsync(PlaygroundHarness.PerformanceChannel, m => m.CardText.Contains("mention me first", StringComparison.Ordinal), "the channel help card");
        Assert.StartsWith(PlaygroundHarness.PerformanceChannel + ";messageid=", answer.ConversationId, StringComparison.Ordinal);
    }
}
