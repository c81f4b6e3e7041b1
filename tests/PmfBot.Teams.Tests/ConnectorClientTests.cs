using Microsoft.Extensions.Configuration;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Moq;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Schema;
using PmfBot.Testing;

namespace PmfBot.Teams.Tests;

/// <summary>The connector client through its real HTTP pipeline (retries, token) against the fake connector.</summary>
public class ConnectorClientTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;
    private readonly Mock<IBotTokenProvider> _tokens = new();

    private ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    private static Activity Message(string text = "Your update for CS 02 is due") => new() { Type = ActivityTypes.Message, Text = text };

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("connector-token");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connector:MaxRetries"] = "3",
            ["Connector:RetryBaseDelay"] = "00:00:00.020",
            ["Connector:MaxRetryAfter"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(_tokens.Object); // the narrow seam: MSAL is not called in tests
        services.AddBotConnector(configuration);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Send_ReturnsTheActivityId_WithTheBotsTokenAndAnEncodedConversationId()
    {
        var outcome = await Client.SendAsync(_connector.ServiceUrl, "a:1/odd;id", Message(), default);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.StartsWith("activity-", sent.ActivityId, StringComparison.Ordinal);
        var call = Assert.Single(_connector.Calls);
        Assert.Equal("a:1/odd;id", call.ConversationId);
        Assert.Equal("Bearer connector-token", call.Authorization);
        Assert.Equal("Your update for CS 02 is due", call.Body!.Value.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Send_WithoutCredentials_SendsNoAuthorizationHeader()
    {
        _tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);

        await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);

        Assert.Null(Assert.Single(_connector.Calls).Authorization);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task TransientFailure_IsRetried_ThenSent(int status)
    {
        _connector.FailNext(status, times: 2);

        var outcome = await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal([status, status, 201], _connector.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task Throttled_HonoursRetryAfterSeconds_ThenSent()
    {
        _connector.FailNext(429, "Throttled", retryAfter: "1");

        var outcome = await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var calls = _connector.Calls.ToList();
        Assert.Equal([429, 201], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"waited {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ThrottlingAndRetries_AreCounted_ForTheOperationsTeam()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        using var throttled = new MetricCollector<long>(meters, ConnectorMetrics.MeterName, "pmfbot.connector.throttled");
        using var retries = new MetricCollector<long>(meters, ConnectorMetrics.MeterName, "pmfbot.connector.retries");
        _connector.FailNext(429, "Throttled", retryAfter: "0");
        await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);
        _connector.FailNext(503, times: 2);
        await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);
        _connector.FailNext(404, "ConversationNotFound");
        await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default); // not retried, not throttled

        Assert.Equal(1, throttled.GetMeasurementSnapshot().Sum(m => m.Value));
        var byReason = retries.GetMeasurementSnapshot().GroupBy(m => (m.Tags["pmfbot.retry.by"], m.Tags["pmfbot.retry.reason"])).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<(object?, object?), long> { [("http", "429")] = 1, [("http", "503")] = 2 }, byReason);
    }

    [Fact]
    public async Task Throttled_HonoursRetryAfterAsADate()
    {
        _connector.FailNext(429, "Throttled", retryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("R"));

        var outcome = await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var calls = _connector.Calls.ToList();
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900), $"waited {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Throttled_LongerThanACallWaits_IsHandedBackWithTheTimeToTryAgain()
    {
        _connector.FailNext(429, "Throttled", retryAfter: "120");
        var before = DateTimeOffset.UtcNow;

        var outcome = await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);

        var throttled = Assert.IsType<SendOutcome.Throttled>(outcome);
        Assert.InRange(throttled.RetryAt, before.AddSeconds(119), DateTimeOffset.UtcNow.AddSeconds(121));
        Assert.Single(_connector.Calls);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "Unauthorized")]
    [InlineData(404, "ActivityNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(500, "InternalError")]
    public async Task OtherFailures_AreNotRetried_AndSayWhat(int status, string code)
    {
        _connector.FailNext(status, code);

        var outcome = await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);

        var failed = Assert.IsType<SendOutcome.Failed>(outcome);
        Assert.Equal((status, code), (failed.Status, failed.Code));
        Assert.Single(_connector.Calls);
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(404, "ConversationNotFound")]
    public async Task RecipientGone_IsItsOwnOutcome_AndNotRetried(int status, string code)
    {
        _connector.FailNext(status, code);

        var outcome = await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);

        Assert.Equal(new SendOutcome.RecipientGone(status, code), outcome);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task PersistentServerTrouble_GivesUpAfterTheRetries()
    {
        _connector.FailNext(503, times: 10);

        var outcome = await Client.SendAsync(_connector.ServiceUrl, "c", Message(), default);

        Assert.Equal(503, Assert.IsType<SendOutcome.Failed>(outcome).Status);
        Assert.Equal(4, _connector.Calls.Count); // the first attempt and three retries
    }

    [Fact]
    public async Task Unreachable_IsAFailureNotAnException()
    {
        var outcome = await Client.SendAsync("http://127.0.0.1:9/", "c", Message(), default);

        Assert.Equal("Unreachable", Assert.IsType<SendOutcome.Failed>(outcome).Code);
    }

    [Fact]
    public async Task ReplyAndUpdate_UseTheirRoutes()
    {
        await Client.ReplyAsync(_connector.ServiceUrl, "c", "activity-9", Message("reply"), default);
        var updated = await Client.UpdateAsync(_connector.ServiceUrl, "c", "activity-9", Message("updated"), default);

        var calls = _connector.Calls.ToList();
        Assert.Equal(("POST", "/v3/conversations/c/activities/activity-9"), (calls[0].Method, calls[0].Path));
        Assert.Equal(("PUT", "/v3/conversations/c/activities/activity-9"), (calls[1].Method, calls[1].Path));
        Assert.Equal("activity-9", calls[1].Body!.Value.GetProperty("id").GetString());
        Assert.Equal(new SendOutcome.Sent("activity-9"), updated);
    }

    [Fact]
    public async Task CreateConversation_Personal_ReturnsTheConversationId()
    {
        var response = await Client.CreateConversationAsync(_connector.ServiceUrl, ConversationParameters.Personal("28:bot", "29:priya", "tenant-1"), default);

        Assert.IsType<SendOutcome.Sent>(response.Outcome);
        Assert.Equal("a:personal-29:priya", response.Value!.Id);
        var body = Assert.Single(_connector.Calls).Body!.Value;
        Assert.Equal("tenant-1", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("29:priya", body.GetProperty("members")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreateConversation_ChannelThread_CarriesTheFirstPost()
    {
        var post = new Activity { Type = ActivityTypes.Message, Text = "Weekly digest" };

        var response = await Client.CreateConversationAsync(_connector.ServiceUrl, ConversationParameters.ChannelThread("28:bot", "19:perf@thread.tacv2", "tenant-1", post), default);

        Assert.StartsWith("19:thread-", response.Value!.Id, StringComparison.Ordinal);
        Assert.NotNull(response.Value.ActivityId);
        var body = Assert.Single(_connector.Calls).Body!.Value;
        Assert.True(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("Weekly digest", body.GetProperty("activity").GetProperty("text").GetString());
    }

    [Fact]
    public async Task PagedMembers_ReadsThePage()
    {
        var response = await Client.GetPagedMembersAsync(_connector.ServiceUrl, "19:perf@thread.tacv2", 100, null, default);

        Assert.Equal("aad-1", Assert.Single(response.Value!.Members).AadObjectId);
        Assert.Equal("/v3/conversations/19:perf@thread.tacv2/pagedmembers", Assert.Single(_connector.Calls).Path);
    }
}
