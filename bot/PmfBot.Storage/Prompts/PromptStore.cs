using Azure.Data.Tables;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Storage.Prompts;

// Key design (table "Prompts"): PartitionKey = the measure reference upper-cased ("CS 02"),
// RowKey = "{period code}|{step}" ("FY2026-M07|reminder-3").
// Why: claiming a step is an insert of exactly that key, so of any number of schedulers exactly
// one wins; when an answer lands, every card sent for the period is one partition range read,
// so each can be updated in place. "Waiting for install" is a cross-partition filter on State:
// an occasional report for the performance team, never on a person's turn.

internal sealed class PromptEntity : StoredEntity
{
    /// <summary>The subject's label: a measure's reference, or "activity {code}".</summary>
    public string Measure { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;
    public string Step { get; set; } = string.Empty;
    public string Recipient { get; set; } = string.Empty;
    public string State { get; set; } = string.Empty;
    public string ClaimedBy { get; set; } = string.Empty;
    public DateTimeOffset ClaimedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Claims on the update cycle's steps, so each goes out once: claimed (insert-if-absent) before
/// it is sent, its outcome recorded after. A claim left unfinished (the instance died between
/// claim and send) can be taken over once its lease has run out, so nothing is lost either.
/// </summary>
public sealed class PromptStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Prompts;

    /// <summary>
    /// Claims a step on the given terms. Null when it is not this caller's to send: already sent
    /// (or the person is gone), claimed by someone else and not lapsed, failed too often, or still
    /// waiting for its recipient to install PmfBot. A lapsed claim (its instance died, or its leader's
    /// tenure ended) or a failure with attempts left is taken over (ETag-checked, so only one taker
    /// wins); so is a step waiting for install once <paramref name="recipientReachable"/> says they can be
    /// reached now, or when it has rested for <see cref="ClaimTerms.RetryWaitingEvery"/>.
    /// </summary>
    /// <param name="recipientReachable">Asked only for a step that waits for install: one read, not a send.</param>
    public async Task<PromptClaim?> TryClaimAsync(
        PromptSubject subject,
        ReportingPeriod period,
        string step,
        PersonId recipient,
        ClaimTerms terms,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task<bool>>? recipientReachable = null
    )
    {
        var (claimant, now) = (terms.Claimant, terms.Now);
        var fresh = new PromptRecord(subject, period, step, recipient, PromptState.Claimed, claimant, now, Attempts: 1);
        var claimed = await Claims.TryClaimAsync(
            _table,
            fresh,
            ToEntity,
            ToDomain,
            async (existing, ct) =>
            {
                var mayTakeOver = existing.State switch
                {
                    PromptState.Claimed => terms.HasLapsed(existing.ClaimedAt),
                    PromptState.Failed => existing.Attempts < terms.MaxAttempts,
                    PromptState.WaitingForInstall => now - existing.ClaimedAt >= terms.RetryWaitingEvery
                        || (recipientReachable is not null && await recipientReachable(ct)),
                    _ => false,
                };
                return mayTakeOver
                    ? existing with
                    {
                        State = PromptState.Claimed,
                        ClaimedBy = claimant,
                        ClaimedAt = now,
                        Recipient = recipient,
                        Attempts =
                            existing.State == PromptState.WaitingForInstall ? existing.Attempts : existing.Attempts + 1,
                    }
                    : null;
            },
            cancellationToken
        );
        return claimed is null ? null : new PromptClaim(claimed.Record, claimed.ETag, claimed.Previous?.State);
    }

    /// <summary>
    /// Records how the send ended. False when the claim was taken over meanwhile (this instance overran its lease).
    /// </summary>
    public Task<bool> RecordOutcomeAsync(
        PromptClaim claim,
        PromptRecord outcome,
        CancellationToken cancellationToken
    ) => Claims.RecordAsync(_table, ToEntity(outcome), claim.ETag, cancellationToken);

    /// <summary>
    /// Deletes the records of steps claimed before an instant (retention): who was prompted and where their card was.
    /// </summary>
    public Task<int> DeleteClaimedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        TableSweep.DeleteAsync(_table, TableClient.CreateQueryFilter($"ClaimedAt lt {before}"), cancellationToken);

    /// <summary>Every step sent or attempted for a measure's period: one partition range read.</summary>
    public async Task<IReadOnlyList<PromptRecord>> GetForPeriodAsync(
        PromptSubject subject,
        ReportingPeriod period,
        CancellationToken cancellationToken
    )
    {
        var records = new List<PromptRecord>();
        await foreach (
            var e in _table.QueryAsync<PromptEntity>(
                RowKeyPrefix.Filter(subject.Key, period.Code + "|"),
                cancellationToken: cancellationToken
            )
        )
        {
            records.Add(ToDomain(e));
        }

        return records;
    }

    /// <summary>
    /// Steps in a given state across all measures (e.g. who is waiting for install). Cross-partition: for reports.
    /// </summary>
    public async Task<IReadOnlyList<PromptRecord>> GetInStateAsync(
        PromptState state,
        CancellationToken cancellationToken
    )
    {
        var records = new List<PromptRecord>();
        await foreach (
            var e in _table.QueryAsync<PromptEntity>(
                TableClient.CreateQueryFilter($"State eq {state.ToString()}"),
                cancellationToken: cancellationToken
            )
        )
        {
            records.Add(ToDomain(e));
        }

        return records;
    }

    private static string RowKey(ReportingPeriod period, string step) => $"{period.Code}|{step}";

    private static PromptEntity ToEntity(PromptRecord r) =>
        new()
        {
            PartitionKey = r.Subject.Key,
            RowKey = RowKey(r.Period, r.Step),
            Measure = r.Subject.Label,
            Period = r.Period.Code,
            Step = r.Step,
            Recipient = r.Recipient.Value,
            State = r.State.ToString(),
            ClaimedBy = r.ClaimedBy,
            ClaimedAt = r.ClaimedAt,
            Attempts = r.Attempts,
            SentAt = r.SentAt,
            ServiceUrl = r.ServiceUrl,
            ConversationId = r.ConversationId,
            ActivityId = r.ActivityId,
            Note = r.Note,
        };

    private static PromptRecord ToDomain(PromptEntity e) =>
        new(
            new PromptSubject(e.PartitionKey, e.Measure),
            ReportingPeriod.TryParseCode(e.Period, out var period)
                ? period
                : throw new FormatException(
                    $"Stored prompt {e.PartitionKey}/{e.RowKey} has an unreadable period \"{e.Period}\"."
                ),
            e.Step,
            PersonId.Parse(e.Recipient),
            Enum.Parse<PromptState>(e.State),
            e.ClaimedBy,
            e.ClaimedAt,
            e.Attempts,
            e.SentAt,
            e.ServiceUrl,
            e.ConversationId,
            e.ActivityId,
            e.Note
        );
}
