using System.Text.Json;
using System.Text.Json.Serialization;

namespace PmfBot.Teams.Schema;

/// <summary>A user or bot in a conversation: <c>from</c>, <c>recipient</c>, <c>membersAdded</c>.</summary>
/// <param name="Id">The channel's id for the account ("29:…" for a Teams user, "28:…" for a bot).</param>
/// <param name="AadObjectId">The user's Entra object id (Teams users only).</param>
public sealed record ChannelAccount(string Id, string? Name = null, string? AadObjectId = null, string? Role = null);

/// <summary>The conversation an activity belongs to.</summary>
/// <param name="ConversationType">"personal", "groupChat" or "channel" in Teams.</param>
public sealed record ConversationAccount(
    string Id,
    string? ConversationType = null,
    string? TenantId = null,
    string? Name = null,
    bool? IsGroup = null
);

/// <summary>An attachment; for PmfBot, an Adaptive Card (<see cref="AdaptiveCardContentType"/>).</summary>
public sealed record Attachment(
    string ContentType,
    JsonElement? Content = null,
    string? ContentUrl = null,
    string? Name = null
)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>An Adaptive Card attachment from a card's JSON.</summary>
    public static Attachment AdaptiveCard(JsonElement card) => new(AdaptiveCardContentType, card);
}

/// <summary>
/// An entity attached to an activity: a mention (<c>type: "mention"</c>), client info, and others kept as they came.
/// </summary>
public sealed record Entity
{
    public const string MentionType = "mention";

    public required string Type { get; init; }

    /// <summary>For a mention: who.</summary>
    public ChannelAccount? Mentioned { get; init; }

    /// <summary>For a mention: the markup in the text, e.g. "&lt;at&gt;PmfBot&lt;/at&gt;".</summary>
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }
}
