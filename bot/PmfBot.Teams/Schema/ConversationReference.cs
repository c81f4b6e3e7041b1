namespace PmfBot.Teams.Schema;

/// <summary>
/// Everything needed to continue a conversation later (a proactive message), as Bot Framework names it.
/// </summary>
/// <param name="Bot">The bot's account in the conversation (the inbound activity's recipient).</param>
/// <param name="User">Who wrote (absent for some conversation events).</param>
/// <param name="ActivityId">The inbound activity's id, to reply to it.</param>
public sealed record ConversationReference(
    string ServiceUrl,
    string ChannelId,
    ConversationAccount Conversation,
    ChannelAccount Bot,
    ChannelAccount? User,
    string? ActivityId,
    string? TenantId
);
