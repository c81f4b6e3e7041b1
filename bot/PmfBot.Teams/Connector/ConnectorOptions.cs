using System.ComponentModel.DataAnnotations;

namespace PmfBot.Teams.Connector;

/// <summary>How hard a connector call tries before it reports back.</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    /// <summary>Retries after the first attempt, for 412, 429, 502, 503, 504 and network failures.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff; it doubles each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest Retry-After a call waits out itself. A longer one ends the call as
    /// <see cref="SendOutcome.Throttled"/>, so the sender can pace instead of blocking.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt's time limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole call's time limit, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Requests a second to the connector, for the app in the tenant (Teams allows 50): every
    /// request, proactive or a reply, waits for room under it and the per-conversation limits.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 50)]
    public int TenantRequestsPerSecond { get; set; } = 50;
}
