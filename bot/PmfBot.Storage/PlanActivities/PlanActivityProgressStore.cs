using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.PlanActivities;
using PmfBot.Domain.Results;
using PmfBot.Storage.Outbox;

namespace PmfBot.Storage.PlanActivities;

// Key design (table "Results", beside the measures): a partition per activity,
// PartitionKey = "activity|" + the code upper-cased, RowKey = "progress|FY2026-Q2".
// Why: an activity's history is one partition range read; one report per quarter is enforced
// by the key (insert-if-absent), so a second press can't write twice.
// A report is an event too: "outbox-progress|FY2026-Q2" in the same partition, written in the
// same transaction as the report and deleted once handled, with a marker in the Outbox table's
// "pending" partition ("progress|ACT-01|FY2026-Q2", see OutboxEntities.cs) written alongside.

public sealed class PlanActivityProgressEntity : StoredEntity
{
    public const string Prefix = "progress|";

    public string Activity { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public int? PercentComplete { get; set; }
    public string Commentary { get; set; } = string.Empty;
    public string? ActionNote { get; set; }
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>How recording a quarter's report ended.</summary>
public abstract record ProgressOutcome
{
    public sealed record Recorded(PlanActivityProgress Progress) : ProgressOutcome;

    public sealed record AlreadyRecorded(PlanActivityProgress Existing) : ProgressOutcome;
}

/// <summary>A report's event until handled: when it was reported, and the card it was entered on (JSON).</summary>
public sealed class ProgressEventEntity : StoredEntity
{
    public const string Prefix = "outbox-progress|";

    public string Activity { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
    public string? EnteredOn { get; set; }
}

public sealed class PlanActivityProgressStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Results;
    private readonly TableClient _pending = tables.Outbox;

    public static string PartitionOf(string activityCode) => $"activity|{activityCode.ToUpperInvariant()}";

    /// <summary>
    /// Records a quarter's report with its event, in one transaction: both or neither. A quarter already reported is
    /// left as it was, and returned.
    /// </summary>
    public async Task<ProgressOutcome> RecordAsync(ProgressReported reported, CancellationToken cancellationToken)
    {
        var progress = reported.Progress;
        var at = progress.RecordedAt;
        var evented = new ProgressEventEntity
        {
            PartitionKey = PartitionOf(progress.ActivityCode),
            RowKey = ProgressEventEntity.Prefix + progress.Period.Code,
            Activity = progress.ActivityCode,
            Period = progress.Period.Code,
            At = at,
            EnteredOn = reported.EnteredOn is { } card ? JsonSerializer.Serialize(card) : null,
        };
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, TableLimits.EnsureFits(ToEntity(progress))),
            new(TableTransactionActionType.Add, evented),
        ];

        var marker = OutboxKeys.ProgressMarker(progress.ActivityCode, progress.Period.Code, at);
        var marked = OutboxKeys.TryMarkAsync(_pending, marker, cancellationToken);
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            await marked;
            return new ProgressOutcome.Recorded(progress);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            await marked;
            return await AlreadyRecordedAsync(progress, cancellationToken);
        }
    }

    /// <summary>A reported event still to be handled, read whole; null once handled (or never written).</summary>
    public async Task<ProgressReported?> ReadEventAsync(
        string activityCode,
        ReportingPeriod period,
        CancellationToken cancellationToken
    )
    {
        var partition = PartitionOf(activityCode);
        var evented = await _table.GetEntityIfExistsAsync<ProgressEventEntity>(
            partition,
            ProgressEventEntity.Prefix + period.Code,
            cancellationToken: cancellationToken
        );
        if (!evented.HasValue)
        {
            return null;
        }

        var progress = await _table.GetEntityAsync<PlanActivityProgressEntity>(
            partition,
            PlanActivityProgressEntity.Prefix + period.Code,
            cancellationToken: cancellationToken
        );
        return new ProgressReported(ToDomain(progress.Value))
        {
            EnteredOn = evented.Value!.EnteredOn is { Length: > 0 } card
                ? JsonSerializer.Deserialize<PressedCard>(card)
                : null,
        };
    }

    /// <summary>Every handler has done its part: the event is deleted (it may be gone already).</summary>
    public async Task CompleteEventAsync(ProgressReported handled, CancellationToken cancellationToken)
    {
        var progress = handled.Progress;
        try
        {
            await _table.DeleteEntityAsync(
                PartitionOf(progress.ActivityCode),
                ProgressEventEntity.Prefix + progress.Period.Code,
                ETag.All,
                cancellationToken
            );
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already handled by another run.
        }
    }

    /// <summary>
    /// Reports written as history (the demo seed): no event, nothing follows. Returns how many were new.
    /// </summary>
    public async Task<int> RecordManyAsync(
        IEnumerable<PlanActivityProgress> reports,
        CancellationToken cancellationToken
    )
    {
        var written = 0;
        foreach (var report in reports)
        {
            try
            {
                await _table.AddEntityAsync(TableLimits.EnsureFits(ToEntity(report)), cancellationToken);
                written++;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Seeded before.
            }
        }

        return written;
    }

    private async Task<ProgressOutcome> AlreadyRecordedAsync(
        PlanActivityProgress progress,
        CancellationToken cancellationToken
    )
    {
        var existing = await _table.GetEntityAsync<PlanActivityProgressEntity>(
            PartitionOf(progress.ActivityCode),
            PlanActivityProgressEntity.Prefix + progress.Period.Code,
            cancellationToken: cancellationToken
        );
        return new ProgressOutcome.AlreadyRecorded(ToDomain(existing.Value));
    }

    /// <summary>An activity's reports, oldest quarter first: one partition range read.</summary>
    public async Task<IReadOnlyList<PlanActivityProgress>> GetHistoryAsync(
        string activityCode,
        CancellationToken cancellationToken
    )
    {
        var list = new List<PlanActivityProgress>();
        await foreach (
            var e in _table.QueryAsync<PlanActivityProgressEntity>(
                RowKeyPrefix.Filter(PartitionOf(activityCode), PlanActivityProgressEntity.Prefix),
                cancellationToken: cancellationToken
            )
        )
        {
            list.Add(ToDomain(e));
        }

        return [.. list.OrderBy(p => p.Period)];
    }

    /// <summary>
    /// Every activity's reports, by activity code (upper-cased), oldest quarter first: one query over the activities'
    /// partitions (they sort together, "activity|…"), for a digest or scorecard — a council has tens of activities
    /// and a few reports each, so this is a page or two, not a request per activity.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PlanActivityProgress>>> GetAllHistoriesAsync(
        CancellationToken cancellationToken
    )
    {
        var (from, to) = (PartitionOf(string.Empty), RowKeyPrefix.After(PartitionOf(string.Empty)));
        var (first, last) = (PlanActivityProgressEntity.Prefix, RowKeyPrefix.After(PlanActivityProgressEntity.Prefix));
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and RowKey ge {first} and RowKey lt {last}"
        );
        var all = new Dictionary<string, List<PlanActivityProgress>>(StringComparer.OrdinalIgnoreCase);
        await foreach (
            var e in _table.QueryAsync<PlanActivityProgressEntity>(filter, cancellationToken: cancellationToken)
        )
        {
            var progress = ToDomain(e);
            (all.TryGetValue(progress.ActivityCode, out var list) ? list : all[progress.ActivityCode] = []).Add(
                progress
            );
        }

        return all.ToDictionary(
            a => a.Key,
            a => (IReadOnlyList<PlanActivityProgress>)[.. a.Value.OrderBy(p => p.Period)],
            StringComparer.OrdinalIgnoreCase
        );
    }

    private static PlanActivityProgressEntity ToEntity(PlanActivityProgress p) =>
        new()
        {
            PartitionKey = PartitionOf(p.ActivityCode),
            RowKey = PlanActivityProgressEntity.Prefix + p.Period.Code,
            Activity = p.ActivityCode,
            Period = p.Period.Code,
            Status = p.Status.ToString(),
            PercentComplete = p.PercentComplete,
            Commentary = p.Commentary,
            ActionNote = p.ActionNote,
            RecordedBy = p.RecordedBy.Value,
            RecordedAt = p.RecordedAt,
        };

    private static PlanActivityProgress ToDomain(PlanActivityProgressEntity e) =>
        new(
            e.Activity,
            ReportingPeriod.TryParseCode(e.Period, out var period)
                ? period
                : throw new FormatException(
                    $"Stored progress {e.PartitionKey}/{e.RowKey} has an unreadable period \"{e.Period}\"."
                ),
            Enum.Parse<PlanActivityStatus>(e.Status),
            e.PercentComplete,
            e.Commentary,
            e.ActionNote,
            PersonId.Parse(e.RecordedBy),
            e.RecordedAt
        );
}
