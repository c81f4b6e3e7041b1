using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Testing;

namespace PmfBot.Teams.Tests;

/// <summary>
/// login.botframework.com down when the bot has no keys yet (a fresh instance): a request with a
/// token can't be checked, which is our failure, not the caller's: 503 with Retry-After, never a
/// 401 or a 500 with a stack trace, in any environment; once the keys can be fetched, the same
/// request is taken, without a restart.
/// </summary>
public class KeysUnavailableTests : IAsyncLifetime
{
    private const string AppId = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05";
    private const string ServiceUrl = "https://smba.trafficmanager.net/uk/";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private BotFrameworkLogin _login = null!;
    private Microsoft.IdentityModel.Tokens.RsaSecurityKey _key = null!;

    public async Task InitializeAsync()
    {
        _login = await BotFrameworkLogin.StartAsync();
        _key = _login.AddKey("msteams");
    }

    public async Task DisposeAsync() => await _login.DisposeAsync();

    private Task<TestBotHost> StartAsync(string environment) =>
        TestBotHost.StartAsync(
            new()
            {
                ["Bot:AppId"] = AppId, ["Bot:AppSecret"] = "test-secret", ["Bot:TenantId"] = "tenant-1",
                ["Bot:OpenIdMetadataUrl"] = _login.MetadataUrl,
            },
            environment,
            services => services.AddSingleton<TimeProvider>(_time));

    private async Task<HttpResponseMessage> PostAsync(TestBotHost host)
    {
        const string activity = """
            {"type":"message","id":"1","channelId":"msteams","text":"help",
             "serviceUrl":"https://smba.trafficmanager.net/uk/",
             "from":{"id":"29:u"},"recipient":{"id":"28:b"},"conversation":{"id":"a:1","conversationType":"personal"}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity, Encoding.UTF8, "application/json"),
        };
        var token = BotFrameworkLogin.Token(_key, AppId, ServiceUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")] // where an unhandled exception would show ASP.NET's developer page
    public async Task KeysCantBeFetched_Is503WithRetryAfter_ThenTakenOnceTheyCanWithoutARestart(string environment)
    {
        _login.Down = true;
        await using var host = await StartAsync(environment);

        var refused = await PostAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Bot.Received);

        // Asked again within the wait: answered at once, without calling the metadata endpoint again.
        _login.Down = false;
        var fetches = _login.KeyFetches;
        _time.Advance(TimeSpan.FromSeconds(4));
        var again = await PostAsync(host);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(6), again.Headers.RetryAfter?.Delta);
        Assert.Equal(fetches, _login.KeyFetches);

        _time.Advance(TimeSpan.FromSeconds(6));
        var taken = await PostAsync(host);

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("help", Assert.Single(host.Bot.Received).Text);
    }

    [Fact]
    public async Task KeysFetchedOnce_ThenTheEndpointGoesDown_TheKeysHeldStillCheckTokens()
    {
        await using var host = await StartAsync("Production");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host)).StatusCode);

        _login.Down = true;
        _time.Advance(TimeSpan.FromHours(13)); // past the automatic refresh

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host)).StatusCode);
    }
}
