using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using PmfBot.Testing;

namespace PmfBot.Tests.PerformanceTab;

/// <summary>
/// The host with the demo council as of Monday 9 November 2026, the tab's demo sign-in on, Helen Price as the
/// performance team, and Teams single sign-on against a loopback Entra ID.
/// </summary>
public abstract class TabHost : StorageTestBase
{
    public const string AppId = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05";
    public const string ApplicationIdUri = $"api://pmfbot.northmere.test/{AppId}";

    protected EntraLogin Entra { get; private set; } = null!;

    protected WebApplication App { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected async Task StartAsync(params string[] extra)
    {
        Entra = await EntraLogin.StartAsync();
        App = PmfBotHost.Build(
            LoopbackHost.Args(
                Settings,
                [
                    "--Demo:SeedOnStart",
                    "true",
                    "--Demo:AsOf",
                    "2026-11-09",
                    "--Clock:StartAt",
                    "2026-11-09T09:00",
                    "--Bot:TenantId",
                    EntraLogin.TenantId,
                    "--Tab:ApplicationIdUri",
                    ApplicationIdUri,
                    "--Tab:OpenIdMetadataUrl",
                    Entra.MetadataUrl,
                    "--Tab:AllowDemoSignIn",
                    "true",
                    "--Tab:PerformanceTeam:0",
                    "helen.price@northmere.gov.uk",
                    .. extra,
                ]
            )
        );
        await App.StartAsync();
        Client = new HttpClient { BaseAddress = App.Address() };
    }

    protected async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    protected async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        string path,
        string authorization,
        object body
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    protected static string Demo(string user) => $"Demo {user}@northmere.gov.uk";

    protected static string[] References(JsonElement measures) =>
        [.. measures.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("reference").GetString()!)];

    public override async Task DisposeAsync()
    {
        Client?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Entra is not null)
        {
            await Entra.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
