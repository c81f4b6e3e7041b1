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
/// when it arrives; a window here is one segment longer than Teams', so a permit is only given
/// back once the whole of Teams' window has passed since it was taken, wherever in its segment
/// that was. With 20 segments the tenant's steady pace is 50 per 1.05 s: 47.6 a second, 95% of
/// the limit.
/// </remarks>
public sealed class TeamsRateLimits : IAsyncDisposable
{
    private const int Segments = 20;

    private static readonly (int Count, TimeSpan Window)[] PerConversation =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    private readonly PartitionedRateLimiter<HttpRequestMessage> _tenant;
    private readonly PartitionedRateLimiter<HttpRequestMessage>[] _conversation;

    public TeamsRateLimits(int tenantPerSecond = 50)
    {
        _tenant = PartitionedRateLimiter.Create<HttpRequestMessage, string>(_ =>
            RateLimitPartition.GetSlidingWindowLimiter("tenant", _ => Window(tenantPerSecond, TimeSpan.FromSeconds(1))));
        _conversation = [.. PerConversation.Select(limit =>
            PartitionedRateLimiter.Create<HttpRequestMessage, string>(request =>
                ConversationOf(request) is { } conversation
                    ? RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => Window(limit.Count, limit.Window))
                    : RateLimitPartition.GetNoLimiter(string.Empty)))];
        Limiter = PartitionedRateLimiter.CreateChained([.. _conversation, _tenant]);
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
        foreach (var limiter in _conversation)
        {
            await limiter.DisposeAsync();
        }
    }

    private static SlidingWindowRateLimiterOptions Window(int count, TimeSpan teamsWindow) => new()
    {
        PermitLimit = count,
        Window = teamsWindow + (teamsWindow / Segments),
        SegmentsPerWindow = Segments + 1,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}
