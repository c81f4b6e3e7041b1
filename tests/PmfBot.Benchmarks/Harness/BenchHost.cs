using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PmfBot.Benchmarks.Council;
using PmfBot.Domain.Catalogue;
using PmfBot.Teams.Auth;
using PmfBot.Testing;

namespace PmfBot.Benchmarks.Harness;

/// <summary>
/// The real bot, as deployed but on loopback: its host on a free port, tables of its own on the
/// Azurite the benchmark command started, and a fake connector enforcing Teams' limits.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(
        TestStorage storage,
        FakeConnector connector,
        WebApplication app,
        BotFrameworkLogin? login,
        string? token
    )
    {
        Storage = storage;
        Connector = connector;
        App = app;
        Login = login;
        Client = new HttpClient { BaseAddress = app.Address(), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Bearer",
                token
            );
        }
    }

    /// <summary>The Performance tab's audience: the app's Application ID URI.</summary>
    public const string TabAudience = $"api://pmfbot.bench.test/{BenchCouncil.BotId}";

    /// <summary>The stand-in for Entra ID that signs the Performance tab's single sign-on tokens.</summary>
    public required EntraLogin Entra { get; init; }

    private string? Tenant => Services.GetRequiredService<IOptions<BotOptions>>().Value.TenantId;

    /// <summary>A Teams SSO token for the tab, as Teams gives it to a signed-in person ("Bearer …").</summary>
    public string TabToken(Person person) =>
        "Bearer "
        + EntraLogin.Token(
            Entra.Key,
            TabAudience,
            person.AadObjectId,
            person.Id.Value,
            issuer: $"https://login.microsoftonline.com/{Tenant}/v2.0",
            expires: DateTime.UtcNow.AddHours(6)
        );

    /// <summary>The stand-in for login.botframework.com when inbound JWTs are checked; null when they aren't.</summary>
    public BotFrameworkLogin? Login { get; }

    /// <summary>
    /// Whether every request to /api/messages carries a signed token that the bot validates, as in production.
    /// </summary>
    public bool ChecksTokens => Login is not null;

    public TestStorage Storage { get; }

    public FakeConnector Connector { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Seeds the council, then starts the host with its clock at <paramref name="clockStartsAt"/> (UK time,
    /// yyyy-MM-ddTHH:mm).
    /// </summary>
    /// <param name="checkTokens">
    /// Validate inbound JWTs as in production: tokens signed by a key served from a loopback OpenID
    /// metadata endpoint, with the serviceurl claim checked. Outbound, a fixed bearer token stands
    /// in for MSAL's (cached in production too).
    /// </param>
    public static async Task<BenchHost> StartAsync(
        BenchCouncil council,
        string clockStartsAt,
        bool withChats,
        CancellationToken cancellationToken,
        Func<TestStorage, string, Task>? seedMore = null,
        bool checkTokens = false
    )
    {
        var storage = await TestStorage.CreateAsync();
        var connector = await FakeConnector.StartAsync();
        connector.RecordBodies = false;
        await council.SeedAsync(storage.Tables, withChats ? connector.ServiceUrl : null, cancellationToken);
        if (seedMore is not null)
        {
            await seedMore(storage, connector.ServiceUrl);
        }

        var login = checkTokens ? await BotFrameworkLogin.StartAsync() : null;
        var entra = await EntraLogin.StartAsync();
        var token = login is null
            ? null
            : BotFrameworkLogin.Token(
                login.AddKey("msteams"),
                BenchCouncil.BotId,
                connector.ServiceUrl,
                expires: DateTime.UtcNow.AddHours(6)
            );
        var auth = login is null
            ? new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
                ["Bot:TenantId"] = EntraLogin.TenantId, // the Performance tab's sign-in: Teams SSO tokens from it
            }
            : new Dictionary<string, string?>
            {
                ["Bot:AppId"] = BenchCouncil.BotId,
                ["Bot:AppSecret"] = "bench-secret",
                ["Bot:TenantId"] = BenchCouncil.Tenant,
                ["Bot:OpenIdMetadataUrl"] = login.MetadataUrl,
            };
        var app = PmfBotHost.Build(
            LoopbackHost.Args(
                new Dictionary<string, string?>(auth)
                {
                    ["Storage:ConnectionString"] = storage.ConnectionString,
                    ["Storage:TablePrefix"] = storage.Prefix,
                    ["Updates:ScanOnSchedule"] = "false", // the benchmark runs the due scan itself, once
                    ["Digests:PostOnSchedule"] = "false",
                    ["Standings:RepairOnSchedule"] = "false", // the scale benchmark times the rebuild itself
                    ["Outbox:Every"] = "01:00:00", // once at start-up, outside every count
                    // Its table scan would count in the storage-request yardsticks.
                    ["Retention:DeleteExpiredAuditEntries"] = "false",
                    ["Clock:StartAt"] = clockStartsAt,
                    ["Tab:ApplicationIdUri"] = TabAudience,
                    ["Tab:OpenIdMetadataUrl"] = entra.MetadataUrl,
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                }
            ),
            services =>
            {
                if (login is not null)
                {
                    services.AddSingleton<PmfBot.Teams.Connector.IBotTokenProvider>(new FixedToken());
                }
            }
        );
        await app.StartAsync(cancellationToken);
        return new BenchHost(storage, connector, app, login, token) { Entra = entra };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Storage.DisposeAsync();
        await Entra.DisposeAsync();
        if (Login is not null)
        {
            await Login.DisposeAsync();
        }
    }

    private sealed class FixedToken : PmfBot.Teams.Connector.IBotTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>("bench-connector-token");
    }
}
