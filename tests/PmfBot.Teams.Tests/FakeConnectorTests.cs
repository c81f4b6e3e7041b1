using System.Net;
using System.Text;
using PmfBot.Testing;

namespace PmfBot.Teams.Tests;

/// <summary>The fake connector enforces Teams' limits, so tests built on it mean something.</summary>
public class FakeConnectorTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    private async Task<HttpStatusCode> SendAsync(string conversation)
    {
        using var response = await _http.PostAsync(new Uri($"{_connector.ServiceUrl}v3/conversations/{conversation}/activities"),
            new StringContent("""{"type":"message","text":"hi"}""", Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    [Fact]
    public async Task OneConversation_SevenASecond_ThenTooManyRequests()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
        {
            statuses.Add(await SendAsync("one"));
        }

        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(2, _connector.RateLimited);
    }

    [Fact]
    public async Task ManyConversations_FiftyASecondOverall()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => SendAsync($"c{i}")));

        Assert.Equal(50, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task AMessageWithNeitherTextNorAttachment_IsRefused()
    {
        using var response = await _http.PostAsync(new Uri($"{_connector.ServiceUrl}v3/conversations/c/activities"),
            new StringContent("""{"type":"message"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
