using PmfBot.Teams.Connector;
using PmfBot.Teams.Schema;

namespace PmfBot.Teams.Proactive;

/// <summary>A message to post on the bot's own initiative into an existing conversation.</summary>
/// <param name="Key">The caller's name for it (e.g. "NI 192|FY2026-Q2|prompt"), for logs.</param>
public sealed record ProactiveMessage(string ServiceUrl, string ConversationId, Activity Activity, string? Key = null);

/// <summary>
/// How a proactive send ended: the connector's final outcome (never Throttled) and how many attempts it took.
/// </summary>
public sealed record ProactiveResult(SendOutcome Outcome, int Attempts)
{
    public bool Sent => Outcome is SendOutcome.Sent;
}
