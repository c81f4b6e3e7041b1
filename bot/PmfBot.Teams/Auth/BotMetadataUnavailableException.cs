namespace PmfBot.Teams.Auth;

/// <summary>
/// Bot Framework's signing keys could not be fetched and none are cached, so no token can be
/// checked: the request is answered 503 with Retry-After, never 401 (the token may be fine) or 500.
/// </summary>
public sealed class BotMetadataUnavailableException(string metadataUrl, DateTimeOffset retryAt, Exception? cause)
    : Exception(
        $"Bot Framework's signing keys could not be fetched from {metadataUrl}; trying again from {retryAt:u}.",
        cause
    )
{
    /// <summary>When the keys will next be fetched: what Retry-After says.</summary>
    public DateTimeOffset RetryAt { get; } = retryAt;
}
