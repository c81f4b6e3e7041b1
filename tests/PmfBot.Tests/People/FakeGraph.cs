using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using PmfBot.Features.People;
using PmfBot.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PmfBot.Tests.People;

/// <summary>
/// Microsoft Graph as a local fake (WireMock) on loopback: each test says what Graph answers,
/// the real Graph SDK asks it, and the test reads back what was asked. Only the Entra token is
/// stood in for (the machine can't reach Entra): a fixed bearer token the fake checks for.
/// </summary>
internal sealed class FakeGraph : IDisposable
{
    public const string CatalogAppId = "0d5a4c3e-7f21-4b8e-9a6d-2c1e8f7b3a90";
    public const string Token = "test-graph-token";

    public FakeGraph()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{LoopbackHost.FreePort()}"] });
    }

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url + "/v1.0";

    public IOptions<GraphOptions> Options => Microsoft.Extensions.Options.Options.Create(new GraphOptions { Enabled = true, TeamsAppCatalogId = CatalogAppId, BaseUrl = BaseUrl });

    public PeopleDirectory Directory() => new(Client(), Options);

    public GraphServiceClient Client() => new(new BaseBearerTokenAuthenticationProvider(new FixedToken()), BaseUrl);

    /// <summary>Graph answers <paramref name="method"/> <paramref name="path"/> (under /v1.0) with this status and JSON.</summary>
    public void Answers(string method, string path, int status, string json, string? retryAfter = null, string? scenario = null, string? fromState = null, string? toState = null)
    {
        var request = Request.Create().WithPath("/v1.0" + path).UsingMethod(method).WithHeader("Authorization", "Bearer " + Token);
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        var given = Server.Given(request);
        if (scenario is not null)
        {
            given = given.InScenario(scenario);
            given = fromState is null ? given : given.WhenStateIs(fromState);
            given = toState is null ? given : given.WillSetStateTo(toState);
        }

        given.RespondWith(response);
    }

    /// <summary>A user as Graph returns one (typed, so a manager's directory object reads as a user).</summary>
    public static string User(string id, string name, string mail) =>
        $$"""{"@odata.type":"#microsoft.graph.user","id":"{{id}}","displayName":"{{name}}","mail":"{{mail}}","userPrincipalName":"{{mail}}"}""";

    public static string Error(string code, string message) => $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}""";

    /// <summary>The requests Graph received, as "GET /v1.0/users?$filter=…".</summary>
    public IReadOnlyList<string> Requests =>
        [.. Server.LogEntries.Select(e => $"{e.RequestMessage!.Method} {Uri.UnescapeDataString(e.RequestMessage.Path + (e.RequestMessage.Query is { Count: > 0 } ? "?" + string.Join("&", e.RequestMessage.Query.Select(q => $"{q.Key}={q.Value}")) : string.Empty))}")];

    public string? BodyOf(int request) => Server.LogEntries.ElementAt(request).RequestMessage!.Body;

    public void Dispose() => Server.Stop();


    /// <summary>The bearer token, as MSAL would get it from Entra.</summary>
    public sealed class FixedToken : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["127.0.0.1"]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Token);
    }
}
