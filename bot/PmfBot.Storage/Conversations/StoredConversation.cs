namespace PmfBot.Storage.Conversations;

/// <summary>Whether the bot can still post to a conversation.</summary>
public enum ConversationState
{
    Active,

    /// <summary>
    /// The app was removed or blocked (403); don't send until the person or team talks to the bot again.
    /// </summary>
    Gone,
}

/// <summary>
/// What the bot needs to message a person or a channel proactively (a Bot Framework conversation
/// reference), captured from the latest inbound activity there.
/// </summary>
/// <param name="ServiceUrl">Opaque: stored exactly as received and refreshed on every inbound activity.</param>
/// <param name="UserId">The person's Teams id ("29:…"); null for a channel.</param>
/// <param name="AadObjectId">The person's Entra object id; null for a channel.</param>
public sealed record StoredConversation(
    string ServiceUrl,
    string ConversationId,
    string TenantId,
    string BotId,
    string ConversationType,
    string? UserId,
    string? AadObjectId,
    string? TeamId,
    string? ChannelId,
    ConversationState State,
    DateTimeOffset UpdatedAt
);
