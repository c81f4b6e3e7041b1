using System.ComponentModel.DataAnnotations;

namespace PmfBot.Teams.Proactive;

/// <summary>How fast the proactive sender goes. Teams allows 50 requests a second per app per tenant.</summary>
public sealed class PacedSenderOptions
{
    public const string SectionName = "ProactiveSender";

    /// <summary>
    /// Sends per second across all conversations: just below Teams' 50, so replies and card updates
    /// (which Teams counts too, and which retry on a 429) still have room at quarter end.
    /// </summary>
    [Range(1, 50)]
    public int TenantSendsPerSecond { get; set; } = 48;

    /// <summary>Sends in flight at once (each takes a round trip, so pacing at 48/s needs several).</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>How many times a send Teams throttles is tried before it is given up (and reported).</summary>
    [Range(1, 100)]
    public int MaxThrottledAttempts { get; set; } = 6;
}
