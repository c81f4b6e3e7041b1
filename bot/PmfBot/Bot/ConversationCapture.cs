using PmfBot.Storage.Conversations;
using PmfBot.Teams.Schema;

namespace PmfBot.Bot;

/// <summary>
/// Keeps a conversation reference for every person and channel that talks to the bot, refreshed
/// (serviceUrl included) on every inbound activity, so proactive messages can reach them.
/// </summary>
public sealed class ConversationCapture(ConversationStore store, TimeProvider time)
{
    /// <returns>True when this is a first meeting, or a return after the app was removed: the moment to welcome.</returns>
    public async Task<bool> CaptureAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ToStored(activity) is not { } conversation)
        {
            return false; // a group chat, or an activity without enough to write back to
        }

        var before = conversation.ConversationType == ConversationTypes.Channel
            ? await store.GetChannelAsync(conversation.TeamId!, conversation.ChannelId!, cancellationToken)
            : await store.GetPersonalAsync(conversation.AadObjectId!, cancellationToken);
        var removed = activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action == "remove";
        await store.SaveAsync(conversation with { State = removed ? ConversationState.Gone : ConversationState.Active }, cancellationToken);
        return !removed && (before is null || before.State == ConversationState.Gone);
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
                return new StoredConversation(activity.ServiceUrl, channel, tenant, activity.Recipient.Id, ConversationTypes.Channel,
                    null, null, team, channel, ConversationState.Active, now);
            case null or ConversationTypes.Personal when activity.From?.AadObjectId is { Length: > 0 } aad:
                return new StoredConversation(activity.ServiceUrl, activity.Conversation.Id, tenant, activity.Recipient.Id, ConversationTypes.Personal,
                    activity.From.Id, aad, null, null, ConversationState.Active, now);
            default:
                return null;
        }
    }
}
