using Azure;
using Azure.Data.Tables;

namespace PmfBot.Storage.Digests;

// Key design (table "Digests"): PartitionKey = the subscription's key ("{channelId}|{scope key}"),
// RowKey = the ISO week of the posting ("2026-W48").
// Why: posting a week's digest is claimed by inserting exactly that key, so of any number of
// instances (or a restarted one) exactly one posts it; a subscription's history is one partition.

/// <summary>Where one week's digest for one subscription stands.</summary>
public enum DigestPostingState
{
    /// <summary>An instance is composing and posting it now.</summary>
    Claimed,

    /// <summary>In the channel: <see cref="DigestPosting.ConversationId"/> is its thread.</summary>
    Posted,

    /// <summary>Teams failed; tried again on later runs up to the configured attempts.</summary>
    Failed,

    /// <summary>
    /// The bot can't post in the channel (removed from the team): the subscription was paused. Not retried.
    /// </summary>
    Refused,
}

/// <summary>One week's digest for one subscription: claimed before it is posted, its outcome recorded after.</summary>
/// <param name="DueAt">The scheduled posting time it is for.</param>
/// <param name="Late">Posted well after <paramref name="DueAt"/> (the service was down): the digest says so.</param>
public sealed record DigestPosting(
    string Subscription,
    string Week,
    DigestPostingState State,
    string ClaimedBy,
    DateTimeOffset ClaimedAt,
    int Attempts,
    DateTimeOffset DueAt,
    bool Late = false,
    DateTimeOffset? PostedAt = null,
    string? ConversationId = null,
    string? ActivityId = null,
    string? Note = null
);

/// <summary>A claim this instance holds, with the ETag proving nobody took it over since.</summary>
public sealed record DigestClaim(DigestPosting Posting, ETag ETag);

internal sealed class DigestPostingEntity : StoredEntity
{
    public string State { get; set; } = string.Empty;
    public string ClaimedBy { get; set; } = string.Empty;
    public DateTimeOffset ClaimedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public bool Late { get; set; }
    public DateTimeOffset? PostedAt { get; set; }
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }
    public string? Note { get; set; }
}

/// <summary>Claims on weekly digest postings, so each (subscription, week) is posted exactly once.</summary>
public sealed class DigestStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Digests;

    /// <summary>
    /// Claims a week's posting. Null when it isn't this caller's: posted already, refused, held by
    /// another instance within the lease, or failed too often. A claim past its lease (its instance
    /// died) or a failure with attempts left is taken over, ETag-checked so only one taker wins.
    /// </summary>
    public async Task<DigestClaim?> TryClaimAsync(
        string subscription,
        string week,
        DateTimeOffset dueAt,
        bool late,
        ClaimTerms terms,
        CancellationToken cancellationToken
    )
    {
        var (claimant, now) = (terms.Claimant, terms.Now);
        var fresh = new DigestPosting(subscription, week, DigestPostingState.Claimed, claimant, now, 1, dueAt, late);
        var claimed = await Claims.TryClaimAsync(
            _table,
            fresh,
            ToEntity,
            ToDomain,
            existing =>
                existing.State switch
                {
                    DigestPostingState.Claimed when terms.HasLapsed(existing.ClaimedAt) => Retake(existing),
                    DigestPostingState.Failed when existing.Attempts < terms.MaxAttempts => Retake(existing),
                    _ => null,
                },
            cancellationToken
        );
        return claimed is null ? null : new DigestClaim(claimed.Record, claimed.ETag);

        DigestPosting Retake(DigestPosting existing) =>
            existing with
            {
                State = DigestPostingState.Claimed,
                ClaimedBy = claimant,
                ClaimedAt = now,
                Attempts = existing.Attempts + 1,
                Late = late,
            };
    }

    /// <summary>Records how the posting ended. False when the claim was taken over meanwhile.</summary>
    public Task<bool> RecordOutcomeAsync(
        DigestClaim claim,
        DigestPosting outcome,
        CancellationToken cancellationToken
    ) => Claims.RecordAsync(_table, ToEntity(outcome), claim.ETag, cancellationToken);

    /// <summary>A subscription's postings, oldest week first: one partition read.</summary>
    public async Task<IReadOnlyList<DigestPosting>> GetForSubscriptionAsync(
        string subscription,
        CancellationToken cancellationToken
    )
    {
        var list = new List<DigestPosting>();
        await foreach (
            var e in _table.QueryAsync<DigestPostingEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {subscription}"),
                cancellationToken: cancellationToken
            )
        )
        {
            list.Add(ToDomain(e));
        }

        return [.. list.OrderBy(p => p.Week, StringComparer.Ordinal)];
    }

    private static DigestPostingEntity ToEntity(DigestPosting p) =>
        new()
        {
            PartitionKey = p.Subscription,
            RowKey = p.Week,
            State = p.State.ToString(),
            ClaimedBy = p.ClaimedBy,
            ClaimedAt = p.ClaimedAt,
            Attempts = p.Attempts,
            DueAt = p.DueAt,
            Late = p.Late,
            PostedAt = p.PostedAt,
            ConversationId = p.ConversationId,
            ActivityId = p.ActivityId,
            Note = p.Note,
        };

    private static DigestPosting ToDomain(DigestPostingEntity e) =>
        new(
            e.PartitionKey,
            e.RowKey,
            Enum.Parse<DigestPostingState>(e.State),
            e.ClaimedBy,
            e.ClaimedAt,
            e.Attempts,
            e.DueAt,
            e.Late,
            e.PostedAt,
            e.ConversationId,
            e.ActivityId,
            e.Note
        );
}
