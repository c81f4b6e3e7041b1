using PmfBot.Storage.Conversations;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Proactive;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Bot;

/// <summary>
/// Messages a person, or starts a thread in a channel, on the bot's own initiative ("continue
/// conversation"): finds the stored conversation, sends, and when Teams says the app was removed
/// or blocked (403) or the chat is gone (404), marks the conversation unusable so no more is sent
/// until the next install or message re-captures it.
/// </summary>
public sealed partial class ProactiveMessenger(
    ConversationStore conversations,
    PacedSender sender,
    ConnectorClient connector,
    TimeProvider time,
    ILogger<ProactiveMessenger> logger,
    IPersonalChatInstaller? installer = null
)
{
    /// <summary>A conversation already known to be gone: the app was removed or blocked there.</summary>
    private static readonly SendOutcome.RecipientGone Gone = new(403, "KnownGone");

    /// <summary>Names this instance in claims ("host/1234/ab12cd"), so a stuck claim says who held it.</summary>
    public string Claimant { get; } =
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// Whether a card to this person would reach them now: they have a personal chat with PmfBot that is still there.
    /// </summary>
    public async Task<bool> CanReachPersonAsync(string aadObjectId, CancellationToken cancellationToken) =>
        await conversations.GetPersonalAsync(aadObjectId, cancellationToken) is { State: ConversationState.Active };

    public async Task<SendOutcome> SendToPersonAsync(
        string aadObjectId,
        Activity activity,
        string key,
        CancellationToken cancellationToken
    )
    {
        var conversation = await conversations.GetPersonalAsync(aadObjectId, cancellationToken);
        if (conversation is null && installer is not null)
        {
            // they never opened PmfBot: install it for them
            conversation = await installer.InstallAsync(aadObjectId, cancellationToken);
        }

        if (conversation is null)
        {
            return new SendOutcome.NoConversation();
        }

        if (conversation.State == ConversationState.Gone)
        {
            return Gone; // known since an earlier send: nothing is sent until they talk to PmfBot again
        }

        var message = activity with
        {
            Type = ActivityTypes.Message,
            ServiceUrl = conversation.ServiceUrl,
            Conversation = new ConversationAccount(
                conversation.ConversationId,
                conversation.ConversationType,
                conversation.TenantId
            ),
            From = new ChannelAccount(conversation.BotId),
            Recipient = conversation.UserId is null
                ? null
                : new ChannelAccount(conversation.UserId, AadObjectId: conversation.AadObjectId),
        };
        var result = await sender.SendAsync(
            new ProactiveMessage(conversation.ServiceUrl, conversation.ConversationId, message, key),
            cancellationToken
        );
        switch (result.Outcome)
        {
            case SendOutcome.Sent sent:
                return sent with { ServiceUrl = conversation.ServiceUrl, ConversationId = conversation.ConversationId };
            case SendOutcome.RecipientGone gone:
                await conversations.MarkGoneAsync(conversation, time.GetUtcNow(), cancellationToken);
                LogGone(logger, key, gone.Code);
                return gone;
            default:
                return result.Outcome;
        }
    }

    /// <summary>
    /// Starts a new thread in a channel with <paramref name="activity"/> as its first post (a
    /// weekly digest). Few and far between, so sent at once rather than through the paced sender.
    /// </summary>
    public async Task<SendOutcome> StartThreadAsync(
        string teamId,
        string channelId,
        Activity activity,
        string key,
        CancellationToken cancellationToken
    )
    {
        var channel = await conversations.GetChannelAsync(teamId, channelId, cancellationToken);
        if (channel is null)
        {
            return new SendOutcome.NoConversation();
        }

        if (channel.State == ConversationState.Gone)
        {
            return Gone;
        }

        var created = await connector.CreateConversationAsync(
            channel.ServiceUrl,
            ConversationParameters.ChannelThread(
                channel.BotId,
                channelId,
                channel.TenantId,
                activity with
                {
                    Type = ActivityTypes.Message,
                }
            ),
            cancellationToken
        );
        switch (created.Outcome)
        {
            case SendOutcome.Sent:
                return new SendOutcome.Sent(created.Value?.ActivityId)
                {
                    ServiceUrl = channel.ServiceUrl,
                    ConversationId = created.Value?.Id ?? channelId,
                };
            case SendOutcome.RecipientGone gone:
                await conversations.MarkGoneAsync(channel, time.GetUtcNow(), cancellationToken);
                LogGone(logger, key, gone.Code);
                return gone;
            default:
                return created.Outcome;
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Key}: the conversation is gone ({Code}); marked so until someone talks to the bot there again"
    )]
    private static partial void LogGone(ILogger logger, string key, string code);
}
