namespace PmfBot.Teams.Connector;

/// <summary>How a call to the Bot Connector ended, after retries. A closed set the caller can act on.</summary>
public abstract record ConnectorOutcome
{
    private ConnectorOutcome()
    {
    }

    /// <param name="ActivityId">The id of the activity sent (keep it to update the card later), when the connector gave one.</param>
    public sealed record Sent(string? ActivityId) : ConnectorOutcome;

    /// <summary>Teams asked us to wait longer than a call may block; try again at <paramref name="RetryAt"/>.</summary>
    public sealed record Throttled(DateTimeOffset RetryAt) : ConnectorOutcome;

    /// <summary>
    /// The conversation can't be reached: the app was removed or blocked (403
    /// BotNotInConversationRoster / ConversationBlockedByUser) or the conversation is gone (404
    /// ConversationNotFound). Stop sending there until the person or team talks to the bot again.
    /// </summary>
    public sealed record RecipientGone(int Status, string Code) : ConnectorOutcome;

    /// <summary>Anything else: a 4xx that retrying won't fix, or 5xx that outlasted the retries.</summary>
    public sealed record Failed(int Status, string? Code, string Message) : ConnectorOutcome;
}
