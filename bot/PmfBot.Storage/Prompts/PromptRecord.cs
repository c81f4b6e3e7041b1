using Azure;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Storage.Prompts;

/// <summary>Where one step of the update cycle (a prompt, reminder, overdue chaser or chase) stands.</summary>
public enum PromptState
{
    /// <summary>An instance has claimed it and is sending it now.</summary>
    Claimed,

    /// <summary>Delivered; <see cref="PromptRecord.ActivityId"/> is the card, for updating it in place.</summary>
    Sent,

    /// <summary>
    /// The person has never opened the bot, so there is no chat to write into yet. Retried every scan.
    /// </summary>
    WaitingForInstall,

    /// <summary>The person removed or blocked the app. Not retried.</summary>
    Gone,

    /// <summary>Teams refused or failed; retried on later scans up to the configured attempts.</summary>
    Failed,
}

/// <summary>
/// One step of one measure's period for one person: claimed before it is sent, its outcome recorded after.
/// </summary>
/// <param name="Step">The reminder step's key: "prompt", "reminder-3", "due-today", "overdue-1", "chase-7".</param>
/// <param name="ClaimedBy">Which instance holds (or last held) the claim.</param>
public sealed record PromptRecord(
    PromptSubject Subject,
    ReportingPeriod Period,
    string Step,
    PersonId Recipient,
    PromptState State,
    string ClaimedBy,
    DateTimeOffset ClaimedAt,
    int Attempts,
    DateTimeOffset? SentAt = null,
    string? ServiceUrl = null,
    string? ConversationId = null,
    string? ActivityId = null,
    string? Note = null
);

/// <summary>A claim this instance holds: the record and the ETag that proves no one has taken it over since.</summary>
/// <param name="Previous">The state it was taken over from; null for a first claim.</param>
public sealed record PromptClaim(PromptRecord Record, ETag ETag, PromptState? Previous = null);
