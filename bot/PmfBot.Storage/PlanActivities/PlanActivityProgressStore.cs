using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.PlanActivities;

namespace PmfBot.Storage.PlanActivities;

// Key design (table "Results", beside the measures): a partition per activity,
// PartitionKey = "activity|" + the code upper-cased, RowKey = "progress|FY2026-Q2".
// Why: an activity's history is one partition range read; one report per quarter is enforced
// by the key (insert-if-absent), so a second press can't write twice.

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

public sealed class PlanActivityProgressStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Results;

    public static string PartitionOf(string activityCode) => $"activity|{activityCode.ToUpperInvariant()}";

    public async Task<ProgressOutcome> RecordAsync(PlanActivityProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(TableLimits.EnsureFits(ToEntity(progress)), cancellationToken);
            return new ProgressOutcome.Recorded(progress);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await _table.GetEntityAsync<PlanActivityProgressEntity>(
                PartitionOf(progress.ActivityCode),
                PlanActivityProgressEntity.Prefix + progress.Period.Code,
                cancellationToken: cancellationToken
            );
            return new ProgressOutcome.AlreadyRecorded(ToDomain(existing.Value));
        }
    }

    public async Task<int> RecordManyAsync(
        IEnumerable<PlanActivityProgress> reports,
        CancellationToken cancellationToken
    )
    {
        var written = 0;
        foreach (var report in reports)
        {
            written += await RecordAsync(report, cancellationToken) is ProgressOutcome.Recorded ? 1 : 0;
        }

        return written;
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
