using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PmfBot.Teams.Auth;
using PmfBot.Teams.Hosting;
using PmfBot.Teams.Schema;

namespace PmfBot.Teams.Tests;

/// <summary>A bot that remembers every activity that reached it, and answers invokes with a message.</summary>
public sealed class RecordingBot : IBot
{
    public ConcurrentQueue<Activity> Received { get; } = new();

    public Func<Activity, InvokeResponse?>? Answer { get; set; }

    public Task<InvokeResponse?> OnTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        Received.Enqueue(activity);
        return Task.FromResult(Answer?.Invoke(activity));
    }
}

/// <summary>The real endpoint and auth on Kestrel (loopback), with a recording bot behind them.</summary>
public sealed class TestBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestBotHost(WebApplication app, RecordingBot bot)
    {
        _app = app;
        Bot = bot;
        Client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
    }

    public RecordingBot Bot { get; }

    public HttpClient Client { get; }

    public static WebApplication Build(string environment, Dictionary<string, string?> settings, RecordingBot bot, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        services?.Invoke(builder.Services);
        builder.Services.AddBotFrameworkAuthentication(builder.Configuration);
        builder.Services.AddSingleton<IBot>(bot);
        var app = builder.Build();
        app.MapBotMessages();
        return app;
    }

    public static async Task<TestBotHost> StartAsync(Dictionary<string, string?> settings, string environment = "Production", Action<IServiceCollection>? services = null)
    {
        var bot = new RecordingBot();
        var app = Build(environment, settings, bot, services);
        await app.StartAsync();
        return new TestBotHost(app, bot);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
