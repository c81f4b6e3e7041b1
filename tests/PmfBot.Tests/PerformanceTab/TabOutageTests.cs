using System.Net;
using PmfBot.Testing;

namespace PmfBot.Tests.PerformanceTab;

/// <summary>Storage down while the tab asks: a 503 with words the page shows, and it answers again once back.</summary>
public class TabOutageTests : TabHost
{
    private TcpRelay? _relay;

    [Fact]
    public async Task StorageDown_TheTabIsToldSo_AndAnswersAgainOnceItIsBack()
    {
        var endpoint = Storage
            .ConnectionString.Split(';')
            .Single(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal));
        _relay = TcpRelay.Start(new Uri(endpoint["TableEndpoint=".Length..]).Port);
        await StartAsync("--Storage:ConnectionString", _relay.Through(Storage.ConnectionString));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/tab/measures", Demo("priya.shah"))).Status);

        _relay.Cut();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the catalogue's recheck: storage is asked again
        var (status, body) = await GetAsync("/api/tab/measures", Demo("priya.shah"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("storage isn't answering", body.GetProperty("message").GetString(), StringComparison.Ordinal);

        _relay.Restore();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/tab/measures", Demo("priya.shah"))).Status);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_relay is not null)
        {
            await _relay.DisposeAsync();
        }
    }
}
