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

    /// <summary>Taken back before it went (this instance stopped leading, or is shutting down): never sent, to be sent by whoever leads next.</summary>
    public sealed record Withdrawn : ProactiveOutcome;
}

/// <summary>
/// Messages a person, or starts a thread in a channel, on the bot's own initiative ("continue
/// conversation"): finds the stored conversation, sends, and when Teams says the app was removed
/// or blocked (403) or the chat is gone (404), marks the conversation unusable so no more is sent
/// until the next install or message re-captures it.
/// </summary>
public sealed partial class ProactiveMessenger(
    ConversationStore conversations, PacedSender sender, ConnectorClient connector, TimeProvider time, ILogger<ProactiveMessenger> logger, IPersonalChatInstaller? installer = null)
{
    /// <summary>Names this instance in claims ("host/1234/ab12cd"), so a stuck claim says who held it.</summary>
    public string Claimant { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Whether a card to this person would reach them now: they have a personal chat with PmfBot that is still there.</summary>
    public async Task<bool> CanReachPersonAsync(string aadObjectId, CancellationToken cancellationToken) =>
        await conversations.GetPersonalAsync(aadObjectId, cancellationToken) is { State: ConversationState.Active };

    public async Task<ProactiveOutcome> SendToPersonAsync(string aadObjectId, Activity activity, string key, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetPersonalAsync(aadObjectId, cancellationToken);
        if (conversation is null && installer is not null)
        {
            conversation = await installer.InstallAsync(aadObjectId, cancellationToken); // they never opened PmfBot: install it for them
        }

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
            case ConnectorOutcome.Failed { Code: PacedSender.WithdrawnCode }:
                return new ProactiveOutcome.Withdrawn();
            case ConnectorOutcome.Failed failed:
                return new ProactiveOutcome.Failed($"{failed.Status} {failed.Code}: {failed.Message}");
            default:
                return new ProactiveOutcome.Failed(result.Outcome.ToString());
        }
    }

    /// <summary>
    /// Starts a new thread in a channel with <paramref name="activity"/> as its first post (a
    /// weekly digest). Few and far between, so sent at once rather than through the paced sender.
    /// </summary>
    public async Task<ProactiveOutcome> StartThreadAsync(string teamId, string channelId, Activity activity, string key, CancellationToken cancellationToken)
    {
        var channel = await conversations.GetChannelAsync(teamId, channelId, cancellationToken);
        if (channel is null)
        {
            return new ProactiveOutcome.NoConversation();
        }

        if (channel.State == ConversationState.Gone)
        {
            return new ProactiveOutcome.Gone("PmfBot was removed from the team.");
        }

        var created = await connector.CreateConversationAsync(
            channel.ServiceUrl, ConversationParameters.ChannelThread(channel.BotId, channelId, channel.TenantId, activity with { Type = ActivityTypes.Message }), cancellationToken);
        switch (created.Outcome)
        {
            case ConnectorOutcome.Sent:
                return new ProactiveOutcome.Sent(created.Value?.ActivityId, channel.ServiceUrl, created.Value?.Id ?? channelId);
            case ConnectorOutcome.RecipientGone gone:
                await conversations.MarkGoneAsync(channel, time.GetUtcNow(), cancellationToken);
                LogGone(logger, key, gone.Code);
                return new ProactiveOutcome.Gone($"Teams refused the post ({gone.Code}): PmfBot is no longer in the team.");
            case ConnectorOutcome.Throttled throttled:
                return new ProactiveOutcome.Failed($"Teams asked to wait until {throttled.RetryAt:O}.");
            case ConnectorOutcome.Failed failed:
                return new ProactiveOutcome.Failed($"{failed.Status} {failed.Code}: {failed.Message}");
            default:
                return new ProactiveOutcome.Failed(created.Outcome.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: the conversation is gone ({Code}); marked so until someone talks to the bot there again")]
    private static partial void LogGone(ILogger logger, string key, string code);
}
