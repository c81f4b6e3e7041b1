using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PmfBot.Testing;

/// <summary>Helpers for hosts the tests start on a free loopback port.</summary>
public static class LoopbackHost
{
    /// <summary>Command-line arguments for a host: a free loopback port, Development, and the given settings as --Key value.</summary>
    public static string[] Args(IReadOnlyDictionary<string, string?> settings, params string[] extra) =>
        ["--urls", "http://127.0.0.1:0", "--environment", "Development", .. settings.SelectMany(s => new[] { $"--{s.Key}", s.Value ?? string.Empty }), .. extra];

    /// <summary>A free TCP port on 127.0.0.1, for a server that must be told its port up front (a child process, WireMock, the Playground).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A small host for a stand-in service (Teams' connector, a login endpoint) on a free loopback port, logging
    /// nothing; map its endpoints, then start it.
    /// </summary>
    public static WebApplication Quiet()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>The address a started host listens on, e.g. http://127.0.0.1:41234.</summary>
    public static Uri Address(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
}
