using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using PmfBot.Teams.Hosting;
using PmfBot.Teams.Schema;
using PmfBot.Testing;

namespace PmfBot.Teams.Tests;

/// <summary>Every way a request must be refused, against the real endpoint and a local OpenID metadata server.</summary>
public class InboundAuthTests : IAsyncLifetime
{
    private const string AppId = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05";
    private const string ServiceUrl = "https://smba.trafficmanager.net/uk/";

    private BotFrameworkLogin _login = null!;
    private TestBotHost _host = null!;
    private Microsoft.IdentityModel.Tokens.RsaSecurityKey _key = null!;

    public async Task InitializeAsync()
    {
        _login = await BotFrameworkLogin.StartAsync();
        _key = _login.AddKey("msteams", "skype");
        _host = await TestBotHost.StartAsync(new() { ["Bot:AppId"] = AppId, ["Bot:AppSecret"] = "test-secret", ["Bot:TenantId"] = "tenant-1", ["Bot:OpenIdMetadataUrl"] = _login.MetadataUrl });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _login.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string? token, string? body = null, string serviceUrl = ServiceUrl, string channelId = "msteams")
    {
        var activity = body ?? $$$"""
            {"type":"message","id":"1","channelId":"{{{channelId}}}","serviceUrl":"{{{serviceUrl}}}","text":"help",
             "from":{"id":"29:u","aadObjectId":"5a0f6c1e-2b7d-4e93-8a41-0c9d3e6b1f01"},"recipient":{"id":"28:{{{AppId}}}"},
             "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t"}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task ValidToken_ReachesTheBot()
    {
        var response = await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("help", Assert.Single(_host.Bot.Received).Text);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task OtherRsaAlgorithms_AreTolerated(string algorithm)
    {
        var response = await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl, algorithm: algorithm));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NoAuthorizationHeader_Is401() => await AssertRefused(await PostAsync(null), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task NotABearerToken_Is401() => await AssertRefused(await PostAsync("not.a.jwt"), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task BadSignature_Is401()
    {
        // Same key id, different key: a forged token.
        var forged = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = _key.KeyId };
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(forged, AppId, ServiceUrl)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongIssuer_Is401() =>
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl, issuer: "https://sts.windows.net/evil/")), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task WrongAudience_Is401() =>
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(_key, "another-bot", ServiceUrl)), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Expired_BeyondTheFiveMinuteSkew_Is401() =>
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6), notBefore: DateTime.UtcNow.AddMinutes(-60))), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Expired_WithinTheSkew_IsAccepted()
    {
        var response = await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-3), notBefore: DateTime.UtcNow.AddMinutes(-60)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NotYetValid_BeyondTheSkew_Is401() =>
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl, notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddMinutes(60))), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task KeyNotEndorsedForTheChannel_Is403()
    {
        var webChatOnly = _login.AddKey("webchat");
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(webChatOnly, AppId, ServiceUrl)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ActivityFromAnotherChannel_Is403() =>
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl), channelId: "slack"), HttpStatusCode.Forbidden);

    [Fact]
    public async Task ServiceUrlNotTheOneInTheToken_Is403() =>
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(_key, AppId, "https://smba.trafficmanager.net/emea/")), HttpStatusCode.Forbidden);

    [Fact]
    public async Task NoServiceUrlClaim_Is403() =>
        await AssertRefused(await PostAsync(BotFrameworkLogin.Token(_key, AppId, serviceUrl: null)), HttpStatusCode.Forbidden);

    [Fact]
    public async Task KeyRotation_UnknownKeyId_RefreshesTheKeysAndAccepts()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl))).StatusCode);
        var fetchesBefore = _login.KeyFetches;
        var rotated = _login.AddKey("msteams");

        var response = await PostAsync(BotFrameworkLogin.Token(rotated, AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_login.KeyFetches > fetchesBefore, "the key set was fetched again");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task GarbledActivity_WithAValidToken_Is400WithAReason(string body)
    {
        var response = await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a Bot Framework activity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_host.Bot.Received);
    }

    [Theory]
    [InlineData("https://evil.example.com/uk/")]
    [InlineData("http://smba.trafficmanager.net/uk/")]
    public async Task AServiceUrlOutsideTheCloudsHosts_EvenSignedFor_Is400(string serviceUrl)
    {
        var response = await PostAsync(BotFrameworkLogin.Token(_key, AppId, serviceUrl), serviceUrl: serviceUrl);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(
            "Malformed activity: serviceUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_host.Bot.Received);
    }

    [Fact]
    public async Task ACloudsOwnHosts_AreConfigured_InBotServiceUrlHosts()
    {
        const string gcc = "https://smba.infra.gcc.teams.microsoft.com/teams";
        await using var host = await TestBotHost.StartAsync(new()
        {
            ["Bot:AppId"] = AppId, ["Bot:AppSecret"] = "test-secret", ["Bot:TenantId"] = "tenant-1", ["Bot:OpenIdMetadataUrl"] = _login.MetadataUrl,
            ["Bot:ServiceUrlHosts:0"] = "smba.infra.gcc.teams.microsoft.com",
        });
        var activity = $$$"""
            {"type":"message","id":"1","channelId":"msteams","serviceUrl":"{{{gcc}}}","text":"help",
             "from":{"id":"29:u"},"recipient":{"id":"28:b"},"conversation":{"id":"a:1"} }
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotFrameworkLogin.Token(_key, AppId, gcc));

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Invoke_IsAnsweredInTheBody()
    {
        _host.Bot.Answer = _ => InvokeResponse.For(AdaptiveCardInvokeResponse.Message("Recorded."));
        var invoke = """
            {"type":"invoke","name":"adaptiveCard/action","id":"2","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/uk/",
             "from":{"id":"29:u"},"recipient":{"id":"28:b"},"conversation":{"id":"a:1"},
             "value":{"action":{"type":"Action.Execute","verb":"x","data":{}}}}
            """;

        var response = await PostAsync(BotFrameworkLogin.Token(_key, AppId, ServiceUrl), invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Recorded."}""", await response.Content.ReadAsStringAsync());
    }

    private async Task AssertRefused(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Empty(_host.Bot.Received);
        await Task.CompletedTask;
    }
}

public class LocalModeTests
{
    [Fact]
    public async Task Development_WithTheSwitch_AcceptsRequestsWithoutAToken()
    {
        await using var host = await TestBotHost.StartAsync(new() { ["Bot:AllowUnauthenticatedLocalRequests"] = "true" }, "Development");

        var response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(
            """{"type":"message","text":"hi","channelId":"msteams","serviceUrl":"http://127.0.0.1:56150/_connector","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"}}""",
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Bot.Received);
    }

    [Theory]
    [InlineData("Production", null, "refused in the Production environment")]
    [InlineData("Staging", null, "refused in the Staging environment")]
    [InlineData("Development", "some-app-id", "cannot be used with Bot:AppId")]
    public async Task TheSwitch_RefusesToStart_OutsideDevelopmentOrWithCredentials(string environment, string? appId, string message)
    {
        var app = TestBotHost.Build(environment, new() { ["Bot:AllowUnauthenticatedLocalRequests"] = "true", ["Bot:AppId"] = appId }, new RecordingBot());
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/")]
    [InlineData("*")]
    [InlineData("localhost")]
    public async Task AServiceUrlHostThatIsntAHostName_RefusesToStart_NamingTheSetting(string host)
    {
        var app = TestBotHost.Build("Production", new()
        {
            ["Bot:AppId"] = "app", ["Bot:AppSecret"] = "secret", ["Bot:TenantId"] = "tenant", ["Bot:ServiceUrlHosts:0"] = host,
        }, new RecordingBot());
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Bot:ServiceUrlHosts", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoAppIdAndNoSwitch_RefusesToStart_SayingWhatIsMissing()
    {
        var app = TestBotHost.Build("Development", new(), new RecordingBot());
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Bot:AppId is required", error.Message, StringComparison.Ordinal);
        }
    }
}
