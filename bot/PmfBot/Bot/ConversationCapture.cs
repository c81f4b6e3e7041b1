using PmfBot.Storage.Conversations;
using PmfBot.Teams.Schema;

namespace PmfBot.Bot;

/// <summary>
/// Keeps a conversation reference for every person and channel that talks to the bot, refreshed
/// (serviceUrl included) on every inbound activity, so proactive messages can reach them.
/// </summary>
public sealed partial class ConversationCapture(
    ConversationStore store,
    TimeProvider time,
    ILogger<ConversationCapture> logger
)
{
    /// <returns>
    /// True for the install that should be welcomed: the first, or the first after the app was
    /// removed. Claimed atomically in storage, so the pair of events Teams sends for one install
    /// (conversationUpdate and installationUpdate, at once) welcomes once.
    /// </returns>
    public async Task<bool> CaptureAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ToStored(activity) is not { } conversation)
        {
            return false; // a group chat, or an activity without enough to write back to
        }

        try
        {
            return await SaveAsync(activity, conversation, cancellationToken);
        }
        catch (Exception e) when (Storage.StorageFault.Is(e))
        {
            // The reference we have still works (Teams keeps serviceUrls for long), and the next activity refreshes it.
            LogNotCaptured(logger, e, conversation.ConversationId);
            return false;
        }
    }

    private async Task<bool> SaveAsync(
        Activity activity,
        StoredConversation conversation,
        CancellationToken cancellationToken
    )
    {
        var install = activity.IsType(ActivityTypes.InstallationUpdate);
        var removed = install && activity.Action == "remove";
        await store.SaveAsync(
            conversation with
            {
                State = removed ? ConversationState.Gone : ConversationState.Active,
            },
            cancellationToken
        );
        if (removed)
        {
            await store.ClearWelcomeAsync(conversation, cancellationToken);
            return false;
        }

        return install && await store.TryClaimWelcomeAsync(conversation, cancellationToken);
    }

    private StoredConversation? ToStored(Activity activity)
    {
        if (activity.ServiceUrl is null || activity.Conversation is null || activity.Recipient is null)
        {
            return null;
        }

        var tenant = activity.TenantId ?? string.Empty;
        var now = time.GetUtcNow();
        switch (activity.Conversation.ConversationType)
        {
            case ConversationTypes.Channel when activity.TeamsData is { Team.Id: { } team, Channel.Id: { } channel }:
                // Proactive posts start a new thread in the channel, so the channel (not this thread) is what we keep.
                return new StoredConversation(
                    activity.ServiceUrl,
                    channel,
                    tenant,
                    activity.Recipient.Id,
                    ConversationTypes.Channel,
                    null,
                    null,
                    team,
                    channel,
                    ConversationState.Active,
                    now
                );
            case null or ConversationTypes.Personal when activity.From?.AadObjectId is { Length: > 0 } aad:
                return new StoredConversation(
                    activity.ServiceUrl,
                    activity.Conversation.Id,
                    tenant,
                    activity.Recipient.Id,
                    ConversationTypes.Personal,
                    activity.From.Id,
                    aad,
                    null,
                    null,
                    ConversationState.Active,
                    now
                );
            default:
                return null;
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Storage failed: the reference for {ConversationId} was not refreshed; the turn goes on"
    )]
    private static partial void LogNotCaptured(ILogger logger, Exception exception, string conversationId);
}
