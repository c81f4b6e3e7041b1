using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Schema;
using PmfBot.Testing;

namespace PmfBot.Teams.Tests;

/// <summary>
/// Every request to the connector waits for room under Teams' limits, so bursts the fake
/// connector would refuse with 429 (it counts arrivals exactly as Teams documents) never happen.
/// </summary>
public class TeamsRateLimitsTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;

    private ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var tokens = new Mock<IBotTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("connector-token");
        var services = new ServiceCollection();
        services.AddSingleton(tokens.Object);
        services.AddBotConnector(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connector:MaxRetries"] = "0", // a 429 would be the answer, not hidden by a retry
        }).Build());
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static Activity Message(int i) => new() { Type = ActivityTypes.Message, Text = $"Reply {i}" };

    [Fact]
    public async Task TwentyRepliesIntoOneChatAtOnce_AllGo_WithoutA429()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Client.SendAsync(_connector.ServiceUrl, "a:one-busy-chat", Message(i), default)));

        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Sent>(o));
        Assert.Equal(0, _connector.RateLimited);
        Assert.Equal(20, _connector.CallsTo("a:one-busy-chat").Count);
    }

    [Fact]
    public async Task OneHundredTwentyChatsAtOnce_AllGo_OnceEach_WithoutA429()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 120)
            .Select(i => Client.SendAsync(_connector.ServiceUrl, $"a:chat-{i}", Message(i), default)));

        // Retries are off: a request counted in the same second as 50 others would come back Throttled.
        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Sent>(o));
        Assert.Equal(0, _connector.RateLimited);
        Assert.Equal(120, _connector.Calls.Count(c => c.Status == 201));
    }

    [Fact]
    public async Task TwelveThreadsStartedInOneChannelAtOnce_AllGo_WithoutA429()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Client.CreateConversationAsync(
            _connector.ServiceUrl,
            ConversationParameters.ChannelThread("28:bot", "19:digests@thread.tacv2", "tenant-1", Message(i)),
            default)));

        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Sent>(o.Outcome));
        Assert.Equal(0, _connector.RateLimited);
    }

    [Fact]
    public void MakingAConversation_CountsAgainstTheChannelOrUserItIsMadeIn()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://smba.example/v3/conversations");
        request.Options.Set(TeamsRateLimits.MadeIn, "19:digests@thread.tacv2");

        Assert.Equal("made in 19:digests@thread.tacv2", TeamsRateLimits.ConversationOf(request));
    }

    [Theory]
    [InlineData("https://smba.example/teams/v3/conversations/a%3A1%2Fodd%3Bid/activities", "a:1/odd;id")]
    [InlineData("https://smba.example/v3/conversations/19:thread@thread.tacv2/activities/17", "19:thread@thread.tacv2")]
    [InlineData("https://smba.example/v3/conversations/a:1/pagedmembers?pageSize=500", "a:1")]
    [InlineData("https://smba.example/v3/conversations", null)]
    public void ARequestsConversation_IsReadFromItsAddress(string address, string? conversation) =>
        Assert.Equal(conversation, TeamsRateLimits.ConversationOf(new HttpRequestMessage(HttpMethod.Post, address)));
}
