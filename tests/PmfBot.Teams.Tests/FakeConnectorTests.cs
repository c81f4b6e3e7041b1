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
    public async Task OneConversation_NeverMoreThanSevenInASecond_AndRefusesTheRest()
    {
        await SendAsync("warm-up"); // the first request pays for JIT and the connection

        for (var i = 0; i < 12; i++)
        {
            await SendAsync("one");
        }

        var calls = _connector.CallsTo("one");
        AssertNoWindowExceeds([.. calls.Where(c => c.Status == 201).Select(c => c.At)], 7, TimeSpan.FromSeconds(1));
        if (calls[7].At - calls[0].At < TimeSpan.FromSeconds(1))
        {
            Assert.Equal(429, calls[7].Status); // the eighth inside a second is refused, with Retry-After
        }

        Assert.True(_connector.RateLimited > 0, "twelve back-to-back sends must meet the limit");
    }

    [Fact]
    public async Task ManyConversations_NeverMoreThanFiftyInASecondOverall()
    {
        await SendAsync("warm-up");
        var before = _connector.Calls.Count;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => SendAsync($"c{i}")));

        var calls = _connector.Calls.Skip(before).ToList();
        AssertNoWindowExceeds([.. _connector.Calls.Where(c => c.Status == 201).Select(c => c.At)], 50, TimeSpan.FromSeconds(1));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.TooManyRequests), calls.Count(c => c.Status == 429));
    }

    /// <summary>No <paramref name="limit"/> + 1 accepted requests fall inside any window of that length.</summary>
    private static void AssertNoWindowExceeds(List<DateTimeOffset> accepted, int limit, TimeSpan window)
    {
        accepted.Sort();
        for (var i = 0; i + limit < accepted.Count; i++)
        {
            Assert.True(accepted[i + limit] - accepted[i] >= window, $"{limit + 1} accepted within {(accepted[i + limit] - accepted[i]).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task AMessageWithNeitherTextNorAttachment_IsRefused()
    {
        using var response = await _http.PostAsync(new Uri($"{_connector.ServiceUrl}v3/conversations/c/activities"),
            new StringContent("""{"type":"message"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
