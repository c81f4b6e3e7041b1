using System.Threading.RateLimiting;

namespace PmfBot.Teams.Connector;

/// <summary>
/// Teams' limits for a bot as one limiter every request to the connector passes: 50 a second
/// for the app in the tenant, and per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 an
/// hour. A request over a limit waits for room (oldest first) instead of earning a 429, so a
/// quarter-end fan-out, a digest morning and people answering at once share the budget.
/// </summary>
/// <remarks>
/// Each limit is an <see cref="ArrivalWindowRateLimiter"/>, whose permits come back a window after the request
/// is done, so a request that reaches Teams late can't be counted in the next request's second. In front of the
/// tenant's window, a token bucket spreads a burst over its second. (Sliding windows counted from when a request
/// took its permit let 10 responses of 429 in 10,345 through in the mixed run, arrivals being up to tens of
/// milliseconds late on a busy machine; a window wide enough to absorb that would have cost more than 5% of
/// the rate.)
/// </remarks>
public sealed class TeamsRateLimits : IAsyncDisposable
{
    private const int AtOnce = 2;

    private static readonly (int Count, TimeSpan Window)[] PerConversation =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    private readonly PartitionedRateLimiter<HttpRequestMessage> _tenant;
    private readonly PartitionedRateLimiter<HttpRequestMessage> _tenantPace;
    private readonly PartitionedRateLimiter<HttpRequestMessage> _conversation;

    /// <param name="time">The real clock unless a test says otherwise: these are real requests' arrivals.</param>
    public TeamsRateLimits(int tenantPerSecond = 50, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        // RateLimitPartition.Get keeps a partition's limiter until it has idled: for a conversation, an hour after
        // its last request.
        _tenant = PartitionedRateLimiter.Create<HttpRequestMessage, string>(_ =>
            RateLimitPartition.Get("tenant", _ => new ArrivalWindowRateLimiter(
                time,
                (tenantPerSecond, TimeSpan.FromSeconds(1))
            ))
        );
        _conversation = PartitionedRateLimiter.Create<HttpRequestMessage, string>(request =>
            ConversationOf(request) is { } conversation
                ? RateLimitPartition.Get(conversation, _ => new ArrivalWindowRateLimiter(time, PerConversation))
                : RateLimitPartition.GetNoLimiter(string.Empty)
        );
        // One every 1/50 s (a few at once at most): a burst (120 replies, a batch of card updates) goes out spread
        // over its second instead of 50 at one instant and then nothing until their permits come back.
        _tenantPace = PartitionedRateLimiter.Create<HttpRequestMessage, string>(_ =>
            RateLimitPartition.Get("tenant-pace", _ => new TokenBucketRateLimiter(
                new TokenBucketRateLimiterOptions
                {
                    TokenLimit = AtOnce,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / tenantPerSecond),
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }
            ))
        );
        Limiter = PartitionedRateLimiter.CreateChained(_conversation, _tenantPace, _tenant);
    }

    /// <summary>
    /// The chained limiter: a request has a permit when its conversation's windows and the tenant's all have room.
    /// </summary>
    public PartitionedRateLimiter<HttpRequestMessage> Limiter { get; }

    /// <summary>For a request that makes a conversation: the channel or user it is made in.</summary>
    public static readonly HttpRequestOptionsKey<string> MadeIn = new("PmfBot.Teams.MadeIn");

    /// <summary>
    /// The thread a connector request counts against: the conversation it is sent into
    /// ("v3/conversations/{id}/activities…"), or for making a conversation, the channel or user it is made in
    /// (<see cref="MadeIn"/>; counted apart from the conversations themselves). Null when neither is known:
    /// the tenant's limit only.
    /// </summary>
    public static string? ConversationOf(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(MadeIn, out var madeIn))
        {
            return $"made in {madeIn}";
        }

        var segments = request.RequestUri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var at = Array.IndexOf(segments, "conversations");
        return at >= 0 && at + 1 < segments.Length ? Uri.UnescapeDataString(segments[at + 1]) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Limiter.DisposeAsync();
        await _tenant.DisposeAsync();
        await _tenantPace.DisposeAsync();
        await _conversation.DisposeAsync();
    }
}
