using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;

namespace PmfBot.Storage.Outbox;

internal static class OutboxKeys
{
    public static string EventRow(ReportingPeriod period, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{OutboxEntity.Prefix}{period.Code}|{version:000000}");

    public static OutboxEntity Event(FigureEvent figureEvent, DateTimeOffset at) =>
        new()
        {
            PartitionKey = figureEvent.Figure.Measure.Key,
            RowKey = EventRow(figureEvent.Figure.Period, figureEvent.Figure.Version),
            Event = figureEvent.Kind.ToString(),
            Figure = Results.StoredJson.Figure(figureEvent.Figure),
            At = at,
            EnteredOn = figureEvent.EnteredOn is { } card ? JsonSerializer.Serialize(card) : null,
        };

    public static PendingMarkerEntity Marker(FigureEvent figureEvent, DateTimeOffset at) =>
        new()
        {
            PartitionKey = PendingMarkerEntity.Partition,
            RowKey = figureEvent.Key,
            Measure = figureEvent.Figure.Measure.Value,
            Period = figureEvent.Figure.Period.Code,
            Version = figureEvent.Figure.Version,
            At = at,
        };

    /// <summary>A progress report's marker: "progress|ACT-01|FY2026-Q2".</summary>
    public static PendingMarkerEntity ProgressMarker(string activityCode, string periodCode, DateTimeOffset at) =>
        new()
        {
            PartitionKey = PendingMarkerEntity.Partition,
            RowKey = Domain.PlanActivities.ProgressReported.KeyOf(activityCode, periodCode),
            PlanActivity = activityCode,
            Period = periodCode,
            At = at,
        };

    /// <summary>
    /// Marks an event pending at the same time as the transaction that writes it (neither waits for the other). A
    /// marker whose transaction failed points at nothing and the outbox run lets it go; should the marker alone fail,
    /// the turn still handles the event, and the daily repair marks any event left unmarked. Never fails the write.
    /// </summary>
    public static async Task TryMarkAsync(
        TableClient pending,
        PendingMarkerEntity marker,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await pending.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Storage refused the marker: the event's own transaction says whether anything was written.
        }
    }

    public static FigureEvent ToDomain(OutboxEntity row) =>
        new(Enum.Parse<FigureEventKind>(row.Event), Results.StoredJson.Figure(row.Figure))
        {
            EnteredOn = row.EnteredOn is { Length: > 0 } card ? JsonSerializer.Deserialize<PressedCard>(card) : null,
        };

    public static MeasureReference MeasureOf(PendingMarkerEntity marker) => MeasureReference.Parse(marker.Measure);
}
