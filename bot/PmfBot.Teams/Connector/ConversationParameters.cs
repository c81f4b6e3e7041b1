using System.Text.Json;
using PmfBot.Teams.Schema;

namespace PmfBot.Teams.Connector;

/// <summary>The body of POST /v3/conversations: a 1:1 chat with a user, or a new thread in a channel.</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TenantId { get; init; }
    public JsonElement? ChannelData { get; init; }

    /// <summary>For a channel thread: the first post.</summary>
    public Activity? Activity { get; init; }

    /// <summary>
    /// Where the conversation is made, for Teams' per-thread limits: the channel a thread starts in, or the user a
    /// personal chat is with. Not sent.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? MadeIn { get; init; }

    /// <summary>A personal (1:1) chat between the bot and one user ("29:…" id).</summary>
    public static ConversationParameters Personal(string botId, string userId, string tenantId) =>
        new()
        {
            Bot = new ChannelAccount(botId),
            Members = [new ChannelAccount(userId)],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }, TeamsJson.Options),
            MadeIn = userId,
        };

    /// <summary>A new thread in a Teams channel, starting with <paramref name="firstPost"/>.</summary>
    public static ConversationParameters ChannelThread(
        string botId,
        string channelId,
        string tenantId,
        Activity firstPost
    ) =>
        new()
        {
            IsGroup = true,
            Bot = new ChannelAccount(botId),
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(
                new { channel = new { id = channelId }, tenant = new { id = tenantId } },
                TeamsJson.Options
            ),
            Activity = firstPost,
            MadeIn = channelId,
        };
}

/// <summary>POST /v3/conversations' answer.</summary>
/// <param name="ActivityId">For a channel thread: the first post's id (also the thread's root).</param>
public sealed record ConversationResourceResponse(string Id, string? ActivityId = null, string? ServiceUrl = null);

/// <summary>One page of GET /v3/conversations/{id}/pagedmembers.</summary>
public sealed record PagedMembers(IReadOnlyList<ChannelAccount> Members, string? ContinuationToken);
