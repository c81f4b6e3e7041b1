using PmfBot.Storage.Conversations;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Proactive;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Bot;

/// <summary>How a proactive message to a person ended. A closed set.</summary>
public abstract record ProactiveOutcome
{
    private ProactiveOutcome()
    {
    }

    /// <summary>Delivered: where, so the card can be updated in place later.</summary>
    public sealed record Sent(string? ActivityId, string ServiceUrl, string ConversationId) : ProactiveOutcome;

    /// <summary>The person has never talked to the bot: no conversation to write into (waiting for install).</summary>
    public sealed record NoConversation : ProactiveOutcome;

    /// <summary>The person removed or blocked the app; nothing is sent until they talk to the bot again.</summary>
    public sealed record Gone(string Reason) : ProactiveOutcome;

    public sealed record Failed(string Reason) : ProactiveOutcome;
}

/// <summary>
/// Messages a person on the bot's own initiative ("continue conversation"): finds their stored
/// conversation, sends through the paced sender, and when Teams says the app was removed or
/// blocked (403) or the chat is gone (404), marks the conversation unusable so no more is sent
/// until their next install or message re-captures it.
/// </summary>
public sealed partial class ProactiveMessenger(ConversationStore conversations, PacedSender sender, TimeProvider time, ILogger<ProactiveMessenger> logger)
{
    public async Task<ProactiveOutcome> SendToPersonAsync(string aadObjectId, Activity activity, string key, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetPersonalAsync(aadObjectId, cancellationToken);
        if (conversation is null)
        {
            return new ProactiveOutcome.NoConversation();
        }

        if (conversation.State == ConversationState.Gone)
        {
            return new ProactiveOutcome.Gone("The app was removed or blocked in this chat.");
        }

        var message = activity with
        {
            Type = ActivityTypes.Message,
            ServiceUrl = conversation.ServiceUrl,
            Conversation = new ConversationAccount(conversation.ConversationId, conversation.ConversationType, conversation.TenantId),
            From = new ChannelAccount(conversation.BotId),
            Recipient = conversation.UserId is null ? null : new ChannelAccount(conversation.UserId, AadObjectId: conversation.AadObjectId),
        };
        var result = await sender.SendAsync(new ProactiveMessage(conversation.ServiceUrl, conversation.ConversationId, message, key), cancellationToken);
        switch (result.Outcome)
        {
            case ConnectorOutcome.Sent sent:
                return new ProactiveOutcome.Sent(sent.ActivityId, conversation.ServiceUrl, conversation.ConversationId);
            case ConnectorOutcome.RecipientGone gone:
                await conversations.MarkGoneAsync(conversation, time.GetUtcNow(), cancellationToken);
                LogGone(logger, key, gone.Code);
                return new ProactiveOutcome.Gone(gone.Code);
            case ConnectorOutcome.Failed failed:
                return new ProactiveOutcome.Failed($"{failed.Status} {failed.Code}: {failed.Message}");
            default:
                return new ProactiveOutcome.Failed(result.Outcome.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: the person's chat is gone ({Code}); marked so until they talk to the bot again")]
    private static partial void LogGone(ILogger logger, string key, string code);
}
