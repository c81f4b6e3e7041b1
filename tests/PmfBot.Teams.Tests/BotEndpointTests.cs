using System.Net;
using System.Text;
using System.Text.Json;

namespace PmfBot.Teams.Tests;

/// <summary>What the endpoint does when the bot itself fails: a logged correlation id, and a body that carries it.</summary>
public class BotEndpointTests : IAsyncLifetime
{
    private TestBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestBotHost.StartAsync(new() { ["Bot:AllowUnauthenticatedLocalRequests"] = "true" }, "Development");
        _host.Bot.Answer = _ => throw new InvalidOperationException("storage is down");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The properties given, and where the activity comes from: a well-formed activity.</summary>
    private static string Complete(string properties) =>
        "{" + properties + """, "channelId":"msteams","serviceUrl":"http://127.0.0.1:56150/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"}}""";

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task BotFails_OnAnInvoke_AnswersWithAnErrorTheCardCanShow()
    {
        var response = await PostAsync(Complete("""  "type":"invoke","name":"adaptiveCard/action","value":{"action":{"verb":"x"}}  """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(500, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.StartsWith("Sorry, something went wrong on our side. If it keeps happening, quote reference ", body.RootElement.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("storage is down", body.RootElement.ToString(), StringComparison.Ordinal); // no internals to the user
    }

    [Fact]
    public async Task BotFails_OnAMessage_Is500WithACorrelationId()
    {
        var response = await PostAsync(Complete("""  "type":"message","text":"hi"  """));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task InvokeTheBotDoesNotAnswer_Is501WithABody()
    {
        _host.Bot.Answer = _ => null;

        var response = await PostAsync(Complete("""  "type":"invoke","name":"composeExtension/query"  """));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("No handler for invoke 'composeExtension/query'.", body.RootElement.GetProperty("error").GetString());
    }
}
