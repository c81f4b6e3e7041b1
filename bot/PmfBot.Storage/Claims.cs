using Azure;
using Azure.Data.Tables;

namespace PmfBot.Storage;

/// <summary>
/// A claim won: what was stored, the ETag that proves nobody has taken it over since, and what it was taken over from.
/// </summary>
internal sealed record Claimed<T>(T Record, ETag ETag, T? Previous);

/// <summary>
/// Claims for things done exactly once (a prompt's step, a week's digest): whoever inserts the
/// row first holds the claim; a row already there may be taken over when <c>takeOver</c> says so
/// (its holder died, or it failed and may be tried again), ETag-checked so only one taker wins;
/// the outcome is written back only if the claim is still the writer's.
/// </summary>
internal static class Claims
{
    /// <param name="takeOver">Given the stored record, the claim to put in its place, or null when it isn't this
    /// caller's.</param>
    public static Task<Claimed<T>?> TryClaimAsync<T, TEntity>(
        TableClient table,
        T fresh,
        Func<T, TEntity> toEntity,
        Func<TEntity, T> toRecord,
        Func<T, T?> takeOver,
        CancellationToken cancellationToken
    )
        where T : class
        where TEntity : class, ITableEntity, new() =>
        TryClaimAsync(
            table,
            fresh,
            toEntity,
            toRecord,
            (existing, _) => ValueTask.FromResult(takeOver(existing)),
            cancellationToken
        );

    /// <param name="takeOver">Given the stored record, the claim to put in its place, or null when it isn't this
    /// caller's; it may look something up first (the update is ETag-checked all the same).</param>
    public static async Task<Claimed<T>?> TryClaimAsync<T, TEntity>(
        TableClient table,
        T fresh,
        Func<T, TEntity> toEntity,
        Func<TEntity, T> toRecord,
        Func<T, CancellationToken, ValueTask<T?>> takeOver,
        CancellationToken cancellationToken
    )
        where T : class
        where TEntity : class, ITableEntity, new()
    {
        // A write is not cancelled once sent: storage may have applied it without our hearing, which
        // would leave a claim nobody records, held from the next leader for a whole claim lease.
        // Cancellation is honoured before each write instead.
        var entity = toEntity(fresh);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var added = await table.AddEntityAsync(TableLimits.EnsureFits(entity), CancellationToken.None);
            return new Claimed<T>(fresh, added.Headers.ETag ?? ETag.All, null);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Claimed before: may it be taken over?
        }

        var stored = await table.GetEntityIfExistsAsync<TEntity>(
            entity.PartitionKey,
            entity.RowKey,
            cancellationToken: cancellationToken
        );
        if (!stored.HasValue)
        {
            return null; // deleted between the two calls: the next run claims it afresh
        }

        var existing = toRecord(stored.Value!);
        if (await takeOver(existing, cancellationToken) is not { } taken)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var updated = await table.UpdateEntityAsync(
                TableLimits.EnsureFits(toEntity(taken)),
                stored.Value!.ETag,
                TableUpdateMode.Replace,
                CancellationToken.None
            );
            return new Claimed<T>(taken, updated.Headers.ETag ?? ETag.All, existing);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null; // another instance took it over first
        }
    }

    /// <summary>
    /// Writes a claim's outcome. False when the claim was taken over meanwhile (the writer overran its lease).
    /// </summary>
    public static async Task<bool> RecordAsync<TEntity>(
        TableClient table,
        TEntity outcome,
        ETag claim,
        CancellationToken cancellationToken
    )
        where TEntity : class, ITableEntity
    {
        try
        {
            await table.UpdateEntityAsync(
                TableLimits.EnsureFits(outcome),
                claim,
                TableUpdateMode.Replace,
                cancellationToken
            );
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }
}

/// <summary>On what terms a claim is made, and when someone else's may be taken over.</summary>
/// <param name="Claimant">Who claims: an instance's name.</param>
/// <param name="Lease">How long a claim protects work in progress: one older than this was left by an instance that
/// died.</param>
/// <param name="MaxAttempts">How many times failed work is tried in all.</param>
/// <param name="AbandonedBefore">
/// When this claimant's tenure as scheduler leader began: a claim made before then was the
/// previous leader's, whose tenure is over, so it is abandoned whatever its lease says.
/// </param>
/// <param name="RetryWaitingEvery">
/// How long a step waiting for its recipient to install PmfBot rests before it is tried again, unless they can be
/// reached sooner.
/// </param>
public sealed record ClaimTerms(
    string Claimant,
    DateTimeOffset Now,
    TimeSpan Lease,
    int MaxAttempts,
    DateTimeOffset? AbandonedBefore = null,
    TimeSpan RetryWaitingEvery = default
)
{
    /// <summary>Whether a claim made at <paramref name="claimedAt"/>, never finished, may be taken over.</summary>
    public bool HasLapsed(DateTimeOffset claimedAt) => Now - claimedAt >= Lease || claimedAt < AbandonedBefore;
}
