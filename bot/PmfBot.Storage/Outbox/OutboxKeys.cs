using System.Globalization;
using System.Text.Json;
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

    public static FigureEvent ToDomain(OutboxEntity row) =>
        new(Enum.Parse<FigureEventKind>(row.Event), Results.StoredJson.Figure(row.Figure))
        {
            EnteredOn = row.EnteredOn is { Length: > 0 } card ? JsonSerializer.Deserialize<PressedCard>(card) : null,
        };

    public static MeasureReference MeasureOf(PendingMarkerEntity marker) => MeasureReference.Parse(marker.Measure);
}
