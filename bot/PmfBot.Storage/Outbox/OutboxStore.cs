using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Storage.PlanActivities;

namespace PmfBot.Storage.Outbox;

/// <summary>A progress report's pending event, as its marker names it.</summary>
public sealed record PendingProgress(string Key, string PlanActivity, ReportingPeriod Period, DateTimeOffset At);

/// <summary>A pending event, as its marker names it.</summary>
/// <param name="Refresh">For a refresh marker, what its standing takes in; null for a figure event.</param>
public sealed record PendingEvent(
    string Key,
    MeasureReference Measure,
    ReportingPeriod Period,
    int Version,
    DateTimeOffset At,
    string? Refresh = null
)
{
    /// <summary>The marker's ETag when read: a refresh marker is let go only if nobody has marked it again.</summary>
    public ETag ETag { get; init; } = ETag.All;
}

/// <summary>
/// The figure events not yet handled (key design in OutboxEntities.cs): finding them, reading
/// them, and marking them done once every handler has done its part.
/// </summary>
public sealed class OutboxStore(PmfTables tables)
{
    private readonly TableClient _results = tables.Results;
    private readonly TableClient _pending = tables.Outbox;

    /// <summary>
    /// Pending figure events and refreshes marked at or before <paramref name="markedBy"/>, oldest first: one partition
    /// read (progress reports' markers are <see cref="GetPendingProgressAsync"/>'s).
    /// </summary>
    public async Task<IReadOnlyList<PendingEvent>> GetPendingAsync(
        DateTimeOffset markedBy,
        int max,
        CancellationToken cancellationToken
    )
    {
        var (progress, afterProgress) = (
            PendingMarkerEntity.ProgressPrefix,
            RowKeyPrefix.After(PendingMarkerEntity.ProgressPrefix)
        );
        var due = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PendingMarkerEntity.Partition} and At le {markedBy}"
        );
        var notProgress = TableClient.CreateQueryFilter($"RowKey lt {progress} or RowKey ge {afterProgress}");
        var filter = $"{due} and ({notProgress})";
        var found = new List<PendingEvent>();
        var markers = _pending.QueryAsync<PendingMarkerEntity>(filter, cancellationToken: cancellationToken);
        await foreach (var marker in markers)
        {
            if (
                MeasureReference.TryParse(marker.Measure, out var measure)
                && ReportingPeriod.TryParseCode(marker.Period, out var period)
            )
            {
                found.Add(
                    new PendingEvent(marker.RowKey, measure, period, marker.Version, marker.At, marker.Refresh)
                    {
                        ETag = marker.ETag,
                    }
                );
            }
            else
            {
                // Unreadable: nothing to do.
                await DeleteAsync(_pending, marker.PartitionKey, marker.RowKey, cancellationToken);
            }

            if (found.Count == max)
            {
                break;
            }
        }

        return [.. found.OrderBy(p => p.At)];
    }

    /// <summary>Progress reports' pending events marked by <paramref name="markedBy"/>, oldest first.</summary>
    public async Task<IReadOnlyList<PendingProgress>> GetPendingProgressAsync(
        DateTimeOffset markedBy,
        int max,
        CancellationToken cancellationToken
    )
    {
        var progress = RowKeyPrefix.Filter(PendingMarkerEntity.Partition, PendingMarkerEntity.ProgressPrefix);
        var filter = $"{progress} and {TableClient.CreateQueryFilter($"At le {markedBy}")}";
        var found = new List<PendingProgress>();
        var markers = _pending.QueryAsync<PendingMarkerEntity>(filter, cancellationToken: cancellationToken);
        await foreach (var marker in markers)
        {
            if (
                marker.PlanActivity is { Length: > 0 } code
                && ReportingPeriod.TryParseCode(marker.Period, out var period)
            )
            {
                found.Add(new PendingProgress(marker.RowKey, code, period, marker.At));
            }
            else
            {
                await DeleteAsync(_pending, marker.PartitionKey, marker.RowKey, cancellationToken); // unreadable
            }

            if (found.Count == max)
            {
                break;
            }
        }

        return [.. found.OrderBy(p => p.At)];
    }

    /// <summary>
    /// Marks that <paramref name="measure"/>'s standing must take in what <paramref name="refresh"/> now holds for
    /// the period (see OutboxEntities.cs): before the change, so that the change is never missed. One marker per
    /// source, whatever the number of changes.
    /// </summary>
    public async Task<PendingEvent> MarkRefreshAsync(
        string refresh,
        MeasureReference measure,
        ReportingPeriod period,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        var marker = new PendingMarkerEntity
        {
            PartitionKey = PendingMarkerEntity.Partition,
            RowKey = $"{PendingMarkerEntity.RefreshPrefix}{refresh}|{measure.Key}|{period.Code}",
            Refresh = refresh,
            Measure = measure.Value,
            Period = period.Code,
            At = at,
        };
        var written = await _pending.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken);
        return new PendingEvent(marker.RowKey, measure, period, 0, at, refresh)
        {
            ETag = written.Headers.ETag ?? ETag.All,
        };
    }

    /// <summary>
    /// Lets a refresh marker go once its standing has taken the change in, unless it was marked again meanwhile
    /// (that change is then still to be taken in).
    /// </summary>
    public async Task ForgetRefreshAsync(PendingEvent refreshed, CancellationToken cancellationToken)
    {
        try
        {
            await _pending.DeleteEntityAsync(
                PendingMarkerEntity.Partition,
                refreshed.Key,
                refreshed.ETag,
                cancellationToken
            );
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or marked again: the next refresh takes it.
        }
    }

    /// <summary>
    /// The event a marker points at; null when there is none (handled, or its figure was never written).
    /// </summary>
    public async Task<FigureEvent?> ReadAsync(PendingEvent pending, CancellationToken cancellationToken)
    {
        var row = await _results.GetEntityIfExistsAsync<OutboxEntity>(
            pending.Measure.Key,
            OutboxKeys.EventRow(pending.Period, pending.Version),
            cancellationToken: cancellationToken
        );
        return row.HasValue ? OutboxKeys.ToDomain(row.Value!) : null;
    }

    /// <summary>
    /// Every handler has done its part: the event is deleted (it may be gone already). Its marker now points at
    /// nothing; <see cref="ForgetAllAsync"/> lets it go, with others.
    /// </summary>
    public async Task CompleteAsync(FigureEvent handled, CancellationToken cancellationToken)
    {
        var figure = handled.Figure;
        var row = OutboxKeys.EventRow(figure.Period, figure.Version);
        await DeleteAsync(_results, figure.Measure.Key, row, cancellationToken);
    }

    /// <summary>
    /// Lets go the markers of handled events (by <see cref="FigureEvent.Key"/>): a hundred to a transaction, all
    /// markers being in one partition; a transaction that finds one already gone is done one by one instead.
    /// </summary>
    public async Task ForgetAllAsync(IReadOnlyList<string> handled, CancellationToken cancellationToken)
    {
        foreach (var batch in handled.Distinct(StringComparer.Ordinal).Chunk(100))
        {
            try
            {
                await _pending.SubmitTransactionAsync(
                    batch.Select(key => new TableTransactionAction(
                        TableTransactionActionType.Delete,
                        new TableEntity(PendingMarkerEntity.Partition, key),
                        ETag.All
                    )),
                    cancellationToken
                );
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                foreach (var key in batch)
                {
                    await DeleteAsync(_pending, PendingMarkerEntity.Partition, key, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// Events left in measures' and activities' partitions without a marker (a marker deleted by hand, a restore):
    /// marked again. Scans of the whole results table, for the daily repair, never for a turn.
    /// </summary>
    /// <returns>How many were marked again.</returns>
    public async Task<int> RemarkStrayEventsAsync(CancellationToken cancellationToken) =>
        await RemarkStrayFigureEventsAsync(cancellationToken) + await RemarkStrayProgressEventsAsync(cancellationToken);

    private async Task<int> RemarkStrayProgressEventsAsync(CancellationToken cancellationToken)
    {
        var filter = RowsStartingWith(ProgressEventEntity.Prefix);
        var remarked = 0;
        var rows = _results.QueryAsync<ProgressEventEntity>(filter, cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            var marker = OutboxKeys.ProgressMarker(row.Activity, row.Period, row.At);
            remarked += await MarkIfMissingAsync(marker, cancellationToken) ? 1 : 0;
        }

        return remarked;
    }

    private async Task<int> RemarkStrayFigureEventsAsync(CancellationToken cancellationToken)
    {
        var filter = RowsStartingWith(OutboxEntity.Prefix);
        var remarked = 0;
        await foreach (var row in _results.QueryAsync<OutboxEntity>(filter, cancellationToken: cancellationToken))
        {
            var marker = OutboxKeys.Marker(OutboxKeys.ToDomain(row), row.At);
            remarked += await MarkIfMissingAsync(marker, cancellationToken) ? 1 : 0;
        }

        return remarked;
    }

    private async Task<bool> MarkIfMissingAsync(PendingMarkerEntity marker, CancellationToken cancellationToken)
    {
        var found = await _pending.GetEntityIfExistsAsync<PendingMarkerEntity>(
            marker.PartitionKey,
            marker.RowKey,
            cancellationToken: cancellationToken
        );
        if (found.HasValue)
        {
            return false;
        }

        await _pending.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    private static string RowsStartingWith(string prefix) =>
        TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {RowKeyPrefix.After(prefix)}");

    private static async Task DeleteAsync(
        TableClient table,
        string partition,
        string row,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: another run finished it.
        }
    }
}
