namespace PmfBot.Teams.Connector;

/// <summary>
/// How a send to Teams ended: a call to the Bot Connector after its retries, a paced proactive
/// message, a card update. One closed set from the wire up, so every caller acts on the same cases.
/// </summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    /// <summary>What happened, for a person reading a log or a claim's note.</summary>
    public abstract string Why { get; }

    /// <param name="ActivityId">The id of the activity sent (keep it to update the card later), when the connector gave
    /// one.</param>
    public sealed record Sent(string? ActivityId) : SendOutcome
    {
        /// <summary>Where it went, once the proactive messenger has found the conversation.</summary>
        public string? ServiceUrl { get; init; }

        /// <inheritdoc cref="ServiceUrl"/>
        public string? ConversationId { get; init; }

        public override string Why => "Sent.";
    }

    /// <summary>Teams asked us to wait longer than a call may block; try again at <paramref name="RetryAt"/>.</summary>
    public sealed record Throttled(DateTimeOffset RetryAt) : SendOutcome
    {
        public override string Why => $"Teams asked to wait until {RetryAt:O}.";
    }

    /// <summary>
    /// The conversation can't be reached: the app was removed or blocked (403
    /// BotNotInConversationRoster / ConversationBlockedByUser) or the conversation is gone (404
    /// ConversationNotFound). Stop sending there until the person or team talks to the bot again.
    /// </summary>
    public sealed record RecipientGone(int Status, string Code) : SendOutcome
    {
        public override string Why => $"The app was removed or blocked there ({Status} {Code}).";
    }

    /// <summary>Anything else: a 4xx that retrying won't fix, or 5xx that outlasted the retries.</summary>
    public sealed record Failed(int Status, string? Code, string Message) : SendOutcome
    {
        public override string Why => $"{Status} {Code}: {Message}";
    }

    /// <summary>
    /// Taken back before it went (this instance stopped leading, or is shutting down): never sent,
    /// not a failure, for whoever leads next to send.
    /// </summary>
    public sealed record Withdrawn(string Reason) : SendOutcome
    {
        public override string Why => $"Withdrawn before it was sent: {Reason}";
    }

    /// <summary>
    /// No conversation with the recipient is known (they have never opened PmfBot): nothing was sent.
    /// </summary>
    public sealed record NoConversation : SendOutcome
    {
        public override string Why => "Has never opened PmfBot in Teams: no chat to write into yet.";
    }
}
