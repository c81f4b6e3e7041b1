using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Storage.Outbox;

namespace PmfBot.Storage.Results;

/// <summary>Results with their audit trail, and deadline extensions (key design in ResultEntities.cs).</summary>
/// <remarks>
/// A recorded value is never overwritten by a second recording; only a correction, with its reason
/// and audit entry, changes it. Each recording and correction writes its <see cref="FigureEvent"/>
/// to the outbox in the same transaction (see OutboxEntities.cs).
/// </remarks>
public sealed class ResultStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Results;
    private readonly TableClient _pending = tables.Outbox;

    public async Task<MeasureResult?> GetAsync(
        MeasureReference measure,
        ReportingPeriod period,
        CancellationToken cancellationToken
    )
    {
        var found = await _table.GetEntityIfExistsAsync<ResultEntity>(
            ResultMapping.PartitionOf(measure),
            ResultMapping.ResultKey(period),
            cancellationToken: cancellationToken
        );
        return found.HasValue ? ResultMapping.ToDomain(found.Value!) : null;
    }

    /// <summary>A measure's results, oldest first: one partition, one RowKey range.</summary>
    public async Task<IReadOnlyList<MeasureResult>> GetHistoryAsync(
        MeasureReference measure,
        CancellationToken cancellationToken
    )
    {
        var results = new List<MeasureResult>();
        await foreach (var e in QueryRangeAsync<ResultEntity>(measure, ResultEntity.Prefix, cancellationToken))
        {
            results.Add(ResultMapping.ToDomain(e));
        }

        return [.. results.OrderBy(r => r.Period)];
    }

    /// <summary>
    /// A measure's results (oldest first) and its extension requests, in one request: their RowKeys
    /// ("extension|…", "result|…") are neighbours, and the audit rows ("audit|…") sort before both.
    /// What the due scan, digests and the update cycle read for every measure.
    /// </summary>
    public async Task<(
        IReadOnlyList<MeasureResult> History,
        IReadOnlyList<DeadlineExtension> Extensions
    )> GetHistoryAndExtensionsAsync(MeasureReference measure, CancellationToken cancellationToken)
    {
        var filter = RowKeyPrefix.Filter(
            ResultMapping.PartitionOf(measure),
            ExtensionEntity.Prefix,
            ResultEntity.Prefix
        );
        var results = new List<MeasureResult>();
        var extensions = new List<DeadlineExtension>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(ResultEntity.Prefix, StringComparison.Ordinal))
            {
                results.Add(ResultMapping.ToDomain(TableEntityReader.As<ResultEntity>(row)));
            }
            else if (row.RowKey.StartsWith(ExtensionEntity.Prefix, StringComparison.Ordinal))
            {
                extensions.Add(ResultMapping.ToDomain(TableEntityReader.As<ExtensionEntity>(row)));
            }
        }

        return ([.. results.OrderBy(r => r.Period)], extensions);
    }

    /// <summary>Every version of one period's value, oldest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(
        MeasureReference measure,
        ReportingPeriod period,
        CancellationToken cancellationToken
    ) => AuditTrailAsync(measure, $"{AuditEntity.Prefix}{period.Code}|", cancellationToken);

    /// <summary>Every version of every period's value of one measure, by period then version.</summary>
    public Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(
        MeasureReference measure,
        CancellationToken cancellationToken
    ) => AuditTrailAsync(measure, AuditEntity.Prefix, cancellationToken);

    private async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(
        MeasureReference measure,
        string rowKeyPrefix,
        CancellationToken cancellationToken
    )
    {
        var entries = new List<AuditEntry>();
        await foreach (var e in QueryRangeAsync<AuditEntity>(measure, rowKeyPrefix, cancellationToken))
        {
            entries.Add(ResultMapping.ToDomain(e));
        }

        return entries;
    }

    /// <summary>All measures' results for one period. Cross-partition: for exports, not for a person's turn.</summary>
    public async Task<IReadOnlyList<MeasureResult>> GetForPeriodAsync(
        ReportingPeriod period,
        CancellationToken cancellationToken
    )
    {
        var results = new List<MeasureResult>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ResultMapping.ResultKey(period)}");
        await foreach (var e in _table.QueryAsync<ResultEntity>(filter, cancellationToken: cancellationToken))
        {
            results.Add(ResultMapping.ToDomain(e));
        }

        return results;
    }

    /// <summary>
    /// Records a first value with its audit entry and its event, in one transaction. A value
    /// already there is left alone and returned.
    /// </summary>
    public Task<RecordOutcome> RecordAsync(MeasureResult result, CancellationToken cancellationToken) =>
        RecordAsync(result, enteredOn: null, cancellationToken);

    /// <inheritdoc cref="RecordAsync(MeasureResult, CancellationToken)"/>
    /// <param name="enteredOn">The card it was entered on, carried by its event.</param>
    public async Task<RecordOutcome> RecordAsync(
        MeasureResult result,
        PressedCard? enteredOn,
        CancellationToken cancellationToken
    )
    {
        if (result.Version != 1)
        {
            throw new ArgumentException(
                "A first recording is version 1; use CorrectAsync to change a value.",
                nameof(result)
            );
        }

        var recorded = FigureEvent.Of(result, enteredOn);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, TableLimits.EnsureFits(ResultMapping.ToEntity(result))),
            new(
                TableTransactionActionType.Add,
                TableLimits.EnsureFits(ResultMapping.ToEntity(AuditEntry.ForRecording(result)))
            ),
            new(TableTransactionActionType.Add, TableLimits.EnsureFits(OutboxKeys.Event(recorded, result.RecordedAt))),
        ];
        var marking = MarkPendingAsync(recorded, result.RecordedAt, cancellationToken);
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            await marking;
            return new RecordOutcome.Recorded(result);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            await marking;
            var existing = await GetAsync(result.Measure, result.Period, cancellationToken);
            return existing is null
                ? throw new InvalidOperationException(
                    $"Recording {result.Measure} {result.Period} conflicted, but no value is stored.",
                    e
                )
                : new RecordOutcome.AlreadyRecorded(existing);
        }
    }

    /// <summary>
    /// Replaces a value with a correction, adding its audit entry in the same transaction, only if
    /// the stored version is still <paramref name="expectedVersion"/> (the one the person corrected).
    /// </summary>
    public async Task<CorrectionOutcome> CorrectAsync(
        MeasureResult corrected,
        AuditEntry audit,
        int expectedVersion,
        CancellationToken cancellationToken
    )
    {
        var partition = ResultMapping.PartitionOf(corrected.Measure);
        var stored = await _table.GetEntityIfExistsAsync<ResultEntity>(
            partition,
            ResultMapping.ResultKey(corrected.Period),
            cancellationToken: cancellationToken
        );
        if (!stored.HasValue)
        {
            return new CorrectionOutcome.NothingRecorded();
        }

        if (
            stored.Value!.Version != expectedVersion
            || corrected.Version != expectedVersion + 1
            || audit.Version != corrected.Version
        )
        {
            return new CorrectionOutcome.ChangedSinceRead(ResultMapping.ToDomain(stored.Value));
        }

        var correctedEvent = FigureEvent.Of(corrected);
        TableTransactionAction[] actions =
        [
            new(
                TableTransactionActionType.UpdateReplace,
                TableLimits.EnsureFits(ResultMapping.ToEntity(corrected)),
                stored.Value.ETag
            ),
            new(TableTransactionActionType.Add, TableLimits.EnsureFits(ResultMapping.ToEntity(audit))),
            new(TableTransactionActionType.Add, TableLimits.EnsureFits(OutboxKeys.Event(correctedEvent, audit.At))),
        ];
        var marking = MarkPendingAsync(correctedEvent, audit.At, cancellationToken);
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            await marking;
            return new CorrectionOutcome.Corrected(corrected);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            await marking;
            var current = await GetAsync(corrected.Measure, corrected.Period, cancellationToken);
            return new CorrectionOutcome.ChangedSinceRead(current!);
        }
    }

    /// <summary>
    /// Writes many first recordings (history, a seed) with their audit entries, in transactions of
    /// up to 100 entities per measure. Periods already recorded are skipped, never overwritten.
    /// No events: whoever imports history rebuilds those measures' standings after.
    /// Returns how many were written.
    /// </summary>
    public async Task<int> RecordManyAsync(IEnumerable<MeasureResult> results, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var measure in results.GroupBy(r => r.Measure))
        {
            var existing = (await GetHistoryAsync(measure.Key, cancellationToken)).Select(r => r.Period).ToHashSet();
            var actions = measure
                .Where(r => !existing.Contains(r.Period))
                .SelectMany(r =>
                    new[]
                    {
                        new TableTransactionAction(
                            TableTransactionActionType.Add,
                            TableLimits.EnsureFits(ResultMapping.ToEntity(r))
                        ),
                        new TableTransactionAction(
                            TableTransactionActionType.Add,
                            TableLimits.EnsureFits(ResultMapping.ToEntity(AuditEntry.ForRecording(r)))
                        ),
                    }
                )
                .ToList();

            // Pairs stay together: a batch of 100 holds 50 whole results.
            foreach (var batch in TableLimits.Batches(actions))
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
                written += batch.Count / 2;
            }
        }

        return written;
    }

    public async Task<IReadOnlyList<DeadlineExtension>> GetExtensionsAsync(
        MeasureReference measure,
        ReportingPeriod period,
        CancellationToken cancellationToken
    )
    {
        var list = new List<DeadlineExtension>();
        await foreach (
            var e in QueryRangeAsync<ExtensionEntity>(
                measure,
                $"{ExtensionEntity.Prefix}{period.Code}|",
                cancellationToken
            )
        )
        {
            list.Add(ResultMapping.ToDomain(e));
        }

        return list;
    }

    public async Task AddExtensionRequestAsync(DeadlineExtension request, CancellationToken cancellationToken) =>
        await _table.AddEntityAsync(TableLimits.EnsureFits(ResultMapping.ToEntity(request)), cancellationToken);

    /// <summary>
    /// Stores a decision, only if the request is still pending as stored (two deciders cannot both win).
    /// </summary>
    /// <returns>False when it had already been decided (or changed) by someone else.</returns>
    public async Task<bool> TryRecordExtensionDecisionAsync(
        DeadlineExtension decided,
        CancellationToken cancellationToken
    )
    {
        var stored = await _table.GetEntityIfExistsAsync<ExtensionEntity>(
            ResultMapping.PartitionOf(decided.Measure),
            ResultMapping.ExtensionKey(decided.Period, decided.Id),
            cancellationToken: cancellationToken
        );
        if (!stored.HasValue || stored.Value!.Decision != nameof(ExtensionDecision.Pending))
        {
            return false;
        }

        try
        {
            await _table.UpdateEntityAsync(
                TableLimits.EnsureFits(ResultMapping.ToEntity(decided)),
                stored.Value.ETag,
                TableUpdateMode.Replace,
                cancellationToken
            );
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes every audit entry made before <paramref name="before"/>, for every measure (the
    /// retention period has passed). The results themselves stay. A scan of the whole table, for a
    /// daily job; deletes go a partition's batch at a time, and an entry changed meanwhile is left.
    /// </summary>
    /// <returns>How many entries were deleted.</returns>
    public async Task<int> DeleteAuditEntriesBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {AuditEntity.Prefix} and RowKey lt {RowKeyPrefix.After(AuditEntity.Prefix)} and At lt {before}"
        );
        return await TableSweep.DeleteAsync(_table, filter, cancellationToken);
    }

    // The marker beside the figure's transaction: OutboxKeys.TryMarkAsync says why it never fails the recording.
    private Task MarkPendingAsync(FigureEvent pending, DateTimeOffset at, CancellationToken cancellationToken) =>
        OutboxKeys.TryMarkAsync(_pending, OutboxKeys.Marker(pending, at), cancellationToken);

    private AsyncPageable<T> QueryRangeAsync<T>(
        MeasureReference measure,
        string prefix,
        CancellationToken cancellationToken
    )
        where T : class, ITableEntity, new()
    {
        return _table.QueryAsync<T>(
            RowKeyPrefix.Filter(ResultMapping.PartitionOf(measure), prefix),
            cancellationToken: cancellationToken
        );
    }
}
