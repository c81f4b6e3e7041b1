using Microsoft.AspNetCore.Builder;
using PmfBot.Benchmarks.Council;
using PmfBot.Testing;

namespace PmfBot.Benchmarks.Harness;

/// <summary>
/// The real bot, as deployed but on loopback: its host on a free port, tables of its own on the
/// Azurite the benchmark command started, and a fake connector enforcing Teams' limits.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(TestStorage storage, FakeConnector connector, WebApplication app)
    {
        Storage = storage;
        Connector = connector;
        App = app;
        Client = new HttpClient { BaseAddress = app.Address(), Timeout = TimeSpan.FromSeconds(30) };
    }

    public TestStorage Storage { get; }

    public FakeConnector Connector { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Seeds the council, then starts the host with its clock at <paramref name="clockStartsAt"/> (UK time, yyyy-MM-ddTHH:mm).</summary>
    public static async Task<BenchHost> StartAsync(BenchCouncil council, string clockStartsAt, bool withChats, CancellationToken cancellationToken,
        Func<TestStorage, Task>? seedMore = null)
    {
        var storage = await TestStorage.CreateAsync();
        var connector = await FakeConnector.StartAsync();
        connector.RecordBodies = false;
        await council.SeedAsync(storage.Tables, withChats ? connector.ServiceUrl : null, cancellationToken);
        if (seedMore is not null)
        {
            await seedMore(storage);
        }

        var app = PmfBotHost.Build(LoopbackHost.Args(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Storage:TablePrefix"] = storage.Prefix,
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Updates:ScanOnSchedule"] = "false", // the benchmark runs the due scan itself, once
            ["Digests:PostOnSchedule"] = "false",
            ["Standings:RepairOnSchedule"] = "false", // the scale benchmark times the rebuild itself
            ["Outbox:Every"] = "01:00:00", // once at start-up, outside every count
            ["Retention:DeleteExpiredAuditEntries"] = "false", // its table scan would count in the storage-request yardsticks
            ["Clock:StartAt"] = clockStartsAt,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        }));
        await app.StartAsync(cancellationToken);
        return new BenchHost(storage, connector, app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
