using Microsoft.Extensions.Time.Testing;
using PmfBot.Teams.Auth;
using PmfBot.Testing;

namespace PmfBot.Teams.Tests;

public class BotFrameworkMetadataTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T09:00:00Z"));
    private readonly HttpClient _http = new();
    private BotFrameworkLogin _login = null!;

    public async Task InitializeAsync()
    {
        _login = await BotFrameworkLogin.StartAsync();
        _login.AddKey("msteams");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _login.DisposeAsync();
    }

    private BotFrameworkMetadata Metadata() => new(_login.MetadataUrl, requireHttps: false, _http, _time);

    [Fact]
    public async Task GetConfiguration_IsCached_UntilTwelveHoursPass()
    {
        using var metadata = Metadata();
        await metadata.GetConfigurationAsync(default);
        await metadata.GetConfigurationAsync(default);
        Assert.Equal(1, _login.KeyFetches);

        _time.Advance(TimeSpan.FromHours(12));
        await metadata.GetConfigurationAsync(default);

        Assert.Equal(2, _login.KeyFetches);
    }

    [Fact]
    public async Task RequestRefresh_FetchesTheNewKeys_ButAtMostOnceEveryThirtySeconds()
    {
        using var metadata = Metadata();
        await metadata.GetConfigurationAsync(default);
        var rotated = _login.AddKey("msteams");

        metadata.RequestRefresh();
        var refreshed = await metadata.GetConfigurationAsync(default);
        metadata.RequestRefresh(); // a flood of unknown key ids…
        await metadata.GetConfigurationAsync(default);
        _time.Advance(TimeSpan.FromSeconds(29));
        metadata.RequestRefresh();
        await metadata.GetConfigurationAsync(default);

        Assert.Contains(refreshed.JsonWebKeySet.Keys, k => k.Kid == rotated.KeyId);
        Assert.Equal(2, _login.KeyFetches); // …fetches once

        _time.Advance(TimeSpan.FromSeconds(1));
        metadata.RequestRefresh();
        await metadata.GetConfigurationAsync(default);
        Assert.Equal(3, _login.KeyFetches);
    }

    [Fact]
    public async Task Refresh_WhenTheEndpointIsDown_KeepsTheKeysItHad()
    {
        using var metadata = Metadata();
        var before = await metadata.GetConfigurationAsync(default);
        await _login.DisposeAsync();

        _time.Advance(TimeSpan.FromHours(13));
        var after = await metadata.GetConfigurationAsync(default);

        Assert.Same(before, after);
    }

    [Fact]
    public async Task FirstFetch_WhenTheEndpointIsDown_Throws()
    {
        await _login.DisposeAsync();
        using var metadata = new BotFrameworkMetadata("http://127.0.0.1:9/v1/.well-known/openidconfiguration", false, _http, _time);

        await Assert.ThrowsAnyAsync<Exception>(() => metadata.GetConfigurationAsync(default));
    }
}
