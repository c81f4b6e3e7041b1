using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PmfBot.Teams.Auth;

/// <summary>
/// Bot Framework's OpenID metadata and signing keys, cached. Refreshed every 12 hours, and when a
/// token names a key id we don't have (a key rotation) — at most once per
/// <see cref="MinimumForcedRefreshInterval"/>, so random key ids cannot make us hammer the endpoint.
/// A failed refresh keeps the keys we had. With none to keep, the failure is remembered for
/// <see cref="RetryAfterFailure"/> (requests meanwhile fail at once, with when to come back) and
/// the next request after it fetches again: the keys come back without a restart.
/// </summary>
internal sealed class BotFrameworkMetadata(string metadataUrl, bool requireHttps, HttpClient http, TimeProvider time)
    : IConfigurationManager<OpenIdConnectConfiguration>,
        IDisposable
{
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;
    private (DateTimeOffset RetryAt, Exception Cause)? _failed;
    private volatile bool _stale;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (IsFresh(_current))
        {
            return _current!;
        }

        if (_current is null && _failed is var (retryAt, cause) && time.GetUtcNow() < retryAt)
        {
            throw new BotMetadataUnavailableException(metadataUrl, retryAt, cause);
        }

        await _gate.WaitAsync(cancel);
        try
        {
            if (IsFresh(_current))
            {
                return _current!;
            }

            try
            {
                var retriever = new HttpDocumentRetriever(http) { RequireHttps = requireHttps };
                _current = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, cancel);
                _failed = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                if (_current is null)
                {
                    _failed = (time.GetUtcNow() + RetryAfterFailure, e);
                    throw new BotMetadataUnavailableException(metadataUrl, _failed.Value.RetryAt, e);
                }

                // Keep serving the keys we have; try again on the next forced or automatic refresh.
            }

            _fetchedAt = time.GetUtcNow();
            _stale = false;
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void RequestRefresh()
    {
        var now = time.GetUtcNow();
        if (now - _lastForcedRefresh >= MinimumForcedRefreshInterval)
        {
            _lastForcedRefresh = now;
            _stale = true;
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(OpenIdConnectConfiguration? configuration) =>
        configuration is not null && !_stale && time.GetUtcNow() - _fetchedAt < AutomaticRefreshInterval;
}
