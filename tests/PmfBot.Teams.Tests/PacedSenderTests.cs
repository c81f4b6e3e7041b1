using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Moq;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Proactive;
using PmfBot.Teams.Schema;
using PmfBot.Testing;

namespace PmfBot.Teams.Tests;

/// <summary>The paced sender against the fake connector, which refuses anything over Teams' limits.</summary>
public class PacedSenderTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;
    private PacedSender _sender = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var tokens = new Mock<IBotTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Connector:RetryBaseDelay"] = "00:00:00.020",
                    ["Connector:MaxRetryAfter"] = "00:00:00", // throttling goes back to the sender, which must pace it
                    ["ProactiveSender:TenantSendsPerSecond"] = "45",
                }
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.ClearProviders());
        services.AddSingleton(tokens.Object);
        services.AddBotConnector(configuration);
        services.AddPacedSender(configuration);
        _services = services.BuildServiceProvider();
        _sender = _services.GetRequiredService<PacedSender>();
        await _sender.StartAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _sender.StopAsync(default);
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private ProactiveMessage To(string conversation, int n = 0) =>
        new(
            _connector.ServiceUrl,
            conversation,
            new Activity { Type = ActivityTypes.Message, Text = $"message {n}" },
            $"{conversation}#{n}"
        );

    [Fact]
    public async Task FanOut_ToManyConversations_AllSent_WithoutEverBeingThrottled()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => _sender.SendAsync(To($"person-{i}"))));

        Assert.All(results, r => Assert.True(r.Sent, r.Outcome.ToString()));
        Assert.Equal(0, _connector.RateLimited);
        Assert.Equal(150, _connector.Calls.Count);
        Assert.Equal(150, results.Select(r => ((SendOutcome.Sent)r.Outcome).ActivityId).Distinct().Count());
    }

    [Fact]
    public async Task ManyToOneConversation_KeepToItsLimits_AndToTheirOrder()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => _sender.SendAsync(To("one-chat", i))));

        Assert.All(results, r => Assert.True(r.Sent));
        Assert.Equal(0, _connector.RateLimited);
        Assert.Equal(
            Enumerable.Range(0, 12).Select(i => $"message {i}"),
            _connector.CallsTo("one-chat").Select(c => c.Body!.Value.GetProperty("text").GetString())
        );
    }

    [Fact]
    public async Task Throttled_IsCounted_AndSoIsTheSendersRetry()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        using var throttled = new MetricCollector<long>(
            meters,
            ConnectorMetrics.MeterName,
            "pmfbot.connector.throttled"
        );
        using var retries = new MetricCollector<long>(meters, ConnectorMetrics.MeterName, "pmfbot.connector.retries");
        _connector.FailNext(429, "Throttled", retryAfter: "1");

        Assert.True((await _sender.SendAsync(To("busy-chat"))).Sent);

        Assert.Equal(1, throttled.GetMeasurementSnapshot().Sum(m => m.Value));
        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal(("paced-sender", "429"), (retry.Tags["pmfbot.retry.by"], retry.Tags["pmfbot.retry.reason"]));
    }

    [Fact]
    public async Task Throttled_WaitsAsLongAsTeamsSays_ThenSends()
    {
        _connector.FailNext(429, "Throttled", retryAfter: "1");

        var result = await _sender.SendAsync(To("busy-chat"));

        Assert.True(result.Sent);
        Assert.Equal(2, result.Attempts);
        var calls = _connector.CallsTo("busy-chat");
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task ThrottledEveryTime_IsGivenUpAndReported()
    {
        _connector.FailNext(429, "Throttled", retryAfter: "0", times: 100);

        var result = await _sender.SendAsync(To("hopeless"));

        var failed = Assert.IsType<SendOutcome.Failed>(result.Outcome);
        Assert.Equal(429, failed.Status);
        Assert.Equal(6, result.Attempts);
    }

    [Fact]
    public async Task RecipientGone_IsReportedAtOnce()
    {
        _connector.FailNext(403, "BotNotInConversationRoster");

        var result = await _sender.SendAsync(To("uninstalled"));

        Assert.Equal(new SendOutcome.RecipientGone(403, "BotNotInConversationRoster"), result.Outcome);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Stopped_WhileASendIsInFlight_LetsItFinish_AndReportsItSent()
    {
        _connector.Latency = TimeSpan.FromSeconds(1);
        var sending = _sender.SendAsync(To("in-flight"));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (_connector.InFlight == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await _sender.StopAsync(default); // Teams already has it: it must not be reported unsent (and sent again later)

        Assert.True((await sending).Sent);
    }

    [Fact]
    public async Task StoppedBeforeItStarted_ReportsEveryMessage()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Mock.Of<IBotTokenProvider>())
            .AddBotConnector(new ConfigurationBuilder().Build())
            .AddPacedSender(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        var sender = services.GetRequiredService<PacedSender>();
        await sender.StartAsync(default);
        var pending = Enumerable.Range(0, 5).Select(i => sender.SendAsync(To("never", i))).ToList();

        await sender.StopAsync(default);

        Assert.All(await Task.WhenAll(pending), r => Assert.True(r.Sent || IsStopped(r.Outcome)));
        // not sent, not failed: for the next instance
        Assert.True(IsStopped((await sender.SendAsync(To("after"))).Outcome));
    }

    [Fact]
    public async Task Stopped_ReportsWhatWasStillQueued()
    {
        // ~4 a second allowed here
        var pending = Enumerable.Range(0, 20).Select(i => _sender.SendAsync(To("slow-chat", i))).ToList();

        Assert.True((await pending[0]).Sent); // the first goes out…
        await _sender.StopAsync(default); // …the rest are still waiting for their turn (about four a second here)
        var results = await Task.WhenAll(pending);

        Assert.Contains(results, r => r.Sent);
        Assert.Contains(results, r => IsStopped(r.Outcome));
        Assert.Equal(results.Count(r => r.Sent), _connector.CallsTo("slow-chat").Count(c => c.Status == 201));
    }

    [Fact]
    public async Task Withdrawn_WhileQueued_IsNeverSent_ButOneInFlightIsReportedAsItWent()
    {
        _connector.Latency = TimeSpan.FromMilliseconds(500);
        using var tenure = new CancellationTokenSource(); // a scheduler leader's tenure
        var pending = Enumerable.Range(0, 10).Select(i => _sender.SendAsync(To("one-chat", i), tenure.Token)).ToList();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (_connector.InFlight == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await tenure.CancelAsync(); // the lease was lost with the first message on the wire
        var results = await Task.WhenAll(pending);

        Assert.True(results[0].Sent); // Teams has it: reported sent, so it is never sent again
        Assert.All(results.Skip(1), r =>
            Assert.Contains(
                "took it back",
                Assert.IsType<SendOutcome.Withdrawn>(r.Outcome).Reason,
                StringComparison.Ordinal
            )
        );
        await Task.Delay(500);
        Assert.Single(_connector.CallsTo("one-chat"));
    }

    private static bool IsStopped(SendOutcome outcome) =>
        outcome is SendOutcome.Withdrawn { Reason: var reason } && reason.Contains("stopped", StringComparison.Ordinal);
}
