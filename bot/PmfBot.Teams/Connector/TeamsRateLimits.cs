using System.Threading.RateLimiting;

namespace PmfBot.Teams.Connector;

/// <summary>
/// Teams' limits for a bot as one limiter every request to the connector passes: 50 a second
/// for the app in the tenant, and per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 an
/// hour. A request over a limit waits for room (oldest first) instead of earning a 429, so a
/// quarter-end fan-out, a digest morning and people answering at once share the budget.
/// </summary>
/// <remarks>
/// Built from System.Threading.RateLimiting's sliding windows, chained. Teams counts a request
/// when it arrives. The tenant's window is 40 segments of 25 ms plus two more, on its own timer:
/// a permit comes back 1.025 to 1.05 s after it was taken, so a request may reach Teams up to
/// 25 ms later than one taken a second before it and still not be the 51st in Teams' second; the
/// steady pace is 50 per 1.05 s, 47.6 a second, 95% of the limit. (Inside a PartitionedRateLimiter,
/// windows made by GetSlidingWindowLimiter are moved on by its shared 100 ms heartbeat, one
/// segment a beat, whatever their length: short segments then slide slowly, and a tenant window of
/// 50 ms segments let through only 24 a second. The conversations' windows, thousands of them,
/// stay on that heartbeat with segments of at least 100 ms and one spare: a late beat only ever
/// makes them slower, never faster.)
/// </remarks>
public sealed class TeamsRateLimits : IAsyncDisposable
{
    private const int TenantSegments = 40;
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
    private readonly PartitionedRateLimiter<HttpRequestMessage>[] _conversation;

    public TeamsRateLimits(int tenantPerSecond = 50)
    {
        // RateLimitPartition.Get keeps the limiter's own timer; a new one replaces it after it has idled.
        _tenant = PartitionedRateLimiter.Create<HttpRequestMessage, string>(_ =>
            RateLimitPartition.Get("tenant", _ => new SlidingWindowRateLimiter(
                Window(tenantPerSecond, TimeSpan.FromSeconds(1), TenantSegments, extraSegments: 2)
            ))
        );
        _conversation =
        [
            .. PerConversation.Select(limit =>
                PartitionedRateLimiter.Create<HttpRequestMessage, string>(request =>
                    ConversationOf(request) is { } conversation
                        ? RateLimitPartition.GetSlidingWindowLimiter(conversation, _ =>
                            Window(limit.Count, limit.Window, HeartbeatSegments(limit.Window))
                        )
                        : RateLimitPartition.GetNoLimiter(string.Empty)
                )
            ),
        ];
        // One every 1/50 s (a few at once at most): a burst (120 replies, a batch of card updates)
        // goes out spread over its second instead of all at once, so queueing on the way can't bunch
        // its arrivals into the next second's. Before the window, so a request takes its window
        // permit only as it is about to go.
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
        Limiter = PartitionedRateLimiter.CreateChained([.. _conversation, _tenantPace, _tenant]);
    }

    /// <summary>
    /// The chained limiter: a request has a permit when its conversation's windows and the tenant's all have room.
    /// </summary>
    public PartitionedRateLimiter<HttpRequestMessage> Limiter { get; }

    /// <summary>
    /// The conversation a connector request is sent into ("v3/conversations/{id}/activities…");
    /// null for creating a conversation, which counts against the tenant only.
    /// </summary>
    public static string? ConversationOf(HttpRequestMessage request)
    {
        var segments = request.RequestUri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var at = Array.IndexOf(segments, "conversations");
        return at >= 0 && at + 1 < segments.Length ? Uri.UnescapeDataString(segments[at + 1]) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Limiter.DisposeAsync();
        await _tenant.DisposeAsync();
        await _tenantPace.DisposeAsync();
        foreach (var limiter in _conversation)
        {
            await limiter.DisposeAsync();
        }
    }

    /// <summary>Segments of at least the partitioned limiter's 100 ms heartbeat (at most 60 a window).</summary>
    private static int HeartbeatSegments(TimeSpan window) =>
        (int)Math.Clamp(window / TimeSpan.FromMilliseconds(100), 1, 60);

    /// <param name="extraSegments">Segments beyond Teams' window: one makes sure a whole window has passed.</param>
    private static SlidingWindowRateLimiterOptions Window(
        int count,
        TimeSpan teamsWindow,
        int segments,
        int extraSegments = 1
    ) =>
        new()
        {
            PermitLimit = count,
            Window = teamsWindow + (teamsWindow / segments * extraSegments),
            SegmentsPerWindow = segments + extraSegments,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
}
