using System.Diagnostics;
using PmfBot.Benchmarks.Council;
using PmfBot.Testing;

namespace PmfBot.Tests.Scheduling;

/// <summary>
/// Two instances of the bot, as separate processes on one Azurite: one leads (holds the blob
/// lease) and fans the quarter-end prompts out; it is killed mid fan-out; the other takes the
/// lapsed lease over and resumes the claims the dead leader left. Every owner gets their prompt
/// exactly once.
/// </summary>
public sealed class LeaderFailoverTests
{
    private const int Owners = 150;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TheLeaderDiesMidFanOut_TheOtherInstanceTakesOver_NoPromptLostOrDuplicated()
    {
        await using var run = await TwoInstances.StartAsync();
        var (leader, follower, connector) = (run.Leader, run.Follower, run.Connector);

        // Mid fan-out: some prompts delivered, more claimed and queued, one on the wire.
        await run.UntilDeliveredAsync(30);
        connector.Hold();
        await WaitForAsync(() => Task.FromResult(connector.Held >= 1 ? "" : null), TimeSpan.FromSeconds(10), "No send was in flight.", leader);
        leader.Kill();
        var killed = Stopwatch.StartNew();
        await WaitForAsync(() => Task.FromResult(connector.Held == 0 ? "" : null), TimeSpan.FromSeconds(10), "Teams never noticed the leader's connections close.");
        connector.Release(); // the killed leader's held sends were dropped, never accepted
        Assert.InRange(Delivered(connector).Count, 30, Owners - 1);

        await WaitForAsync(async () => await follower.IsLeaderAsync() ? "" : null, Lease * 3, "The other instance never took over.", follower);
        var tookOver = killed.Elapsed;
        await run.EveryOwnerExactlyOnceAsync();
        Assert.True(tookOver < Lease * 2, $"Took over {tookOver.TotalSeconds:N0} s after the leader died; the lease is {Lease.TotalSeconds:N0} s.");
    }

    [Fact]
    public async Task TheLeaderIsStoppedMidFanOut_ItHandsOverAtOnce_NoPromptLostOrDuplicated()
    {
        await using var run = await TwoInstances.StartAsync();

        await run.UntilDeliveredAsync(30);
        var stopped = Stopwatch.StartNew();
        await run.Leader.StopAsync(); // SIGTERM: its queued sends are withdrawn and released, the one in flight finishes, the lease is given up
        Assert.InRange(Delivered(run.Connector).Count, 30, Owners - 1);

        await WaitForAsync(async () => await run.Follower.IsLeaderAsync() ? "" : null, Lease, "The other instance never took over.", run.Follower);
        var tookOver = stopped.Elapsed;
        await run.EveryOwnerExactlyOnceAsync();
        Assert.True(tookOver < Lease, $"Took over {tookOver.TotalSeconds:N0} s after the leader stopped; a released lease needs no lapse.");
    }

    /// <summary>Two instances on one storage with Q2's prompts owed to every owner; which one leads is up to the lease.</summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private readonly TestStorage _storage;
        private readonly BenchCouncil _council;

        private TwoInstances(TestStorage storage, FakeConnector connector, BenchCouncil council, BotProcess leader, BotProcess follower)
        {
            (_storage, Connector, _council, Leader, Follower) = (storage, connector, council, leader, follower);
        }

        public FakeConnector Connector { get; }

        public BotProcess Leader { get; }

        public BotProcess Follower { get; }

        public static async Task<TwoInstances> StartAsync()
        {
            var council = BenchCouncil.Quarterly(Owners);
            var storage = await TestStorage.CreateAsync();
            var connector = await FakeConnector.StartAsync();
            connector.RecordBodies = false;
            await council.SeedAsync(storage.Tables, connector.ServiceUrl, CancellationToken.None);
            var settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage.ConnectionString,
                ["Storage:TablePrefix"] = storage.Prefix,
                ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
                ["Clock:StartAt"] = "2026-10-01T10:00", // Q2's prompts are due
                ["Updates:ScanEvery"] = "00:00:05",
                ["Digests:PostOnSchedule"] = "false",
                ["Leadership:LeaseDuration"] = "00:00:15",
                ["ProactiveSender:TenantSendsPerSecond"] = "20", // slow enough to be caught mid-way
                ["Logging:LogLevel:Default"] = "Warning",
            };

            // Started together, so their demo clocks agree to within a moment, as real clocks do.
            var started = await Task.WhenAll(BotProcess.StartAsync(settings), BotProcess.StartAsync(settings));
            var (a, b) = (started[0], started[1]);
            var leader = await WaitForAsync(async () => await a.IsLeaderAsync() ? a : await b.IsLeaderAsync() ? b : null, TimeSpan.FromSeconds(30), "Neither instance took the lease.");
            var follower = leader == a ? b : a;
            Assert.StartsWith("Follower", await follower.LeadershipAsync(), StringComparison.Ordinal);
            return new TwoInstances(storage, connector, council, leader, follower);
        }

        public Task<string> UntilDeliveredAsync(int count) =>
            WaitForAsync(() => Task.FromResult(Delivered(Connector).Count >= count ? "" : null), TimeSpan.FromSeconds(60), "The leader sent nothing.", Leader);

        public async Task EveryOwnerExactlyOnceAsync()
        {
            await WaitForAsync(() => Task.FromResult(Delivered(Connector).Select(c => c.ConversationId).Distinct().Count() == Owners ? "" : null),
                TimeSpan.FromSeconds(90), "Some owners never got their prompt.", Follower);
            await Task.Delay(TimeSpan.FromSeconds(6)); // another scan: it must find nothing left to send

            var perChat = Delivered(Connector).GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(_council.Owners, owner => Assert.Equal(1, perChat.GetValueOrDefault(BenchCouncil.ChatOf(owner))));
            Assert.Equal(0, Connector.RateLimited);
        }

        public async ValueTask DisposeAsync()
        {
            await Leader.DisposeAsync();
            await Follower.DisposeAsync();
            await Connector.DisposeAsync();
            await _storage.DisposeAsync();
        }
    }

    private static List<ConnectorCall> Delivered(FakeConnector connector) =>
        [.. connector.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/activities", StringComparison.Ordinal) && c.Status is >= 200 and < 300)];

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> until, TimeSpan within, string failure, BotProcess? watched = null)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            if (await until() is { } done)
            {
                return done;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException(failure + (watched is null ? string.Empty : "\n" + watched.Output));
    }
}
