using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Storage.Results;

internal static class ResultMapping
{
    public static string PartitionOf(MeasureReference measure) => measure.Key;

    public static string ResultKey(ReportingPeriod period) => ResultEntity.Prefix + period.Code;

    public static string AuditKey(ReportingPeriod period, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{AuditEntity.Prefix}{period.Code}|{version:000000}");

    public static string ExtensionKey(ReportingPeriod period, string id) =>
        $"{ExtensionEntity.Prefix}{period.Code}|{id}";

    public static ResultEntity ToEntity(MeasureResult r) =>
        new()
        {
            PartitionKey = PartitionOf(r.Measure),
            RowKey = ResultKey(r.Period),
            Measure = r.Measure.Value,
            Period = r.Period.Code,
            Value = Number(r.Value)!,
            Commentary = r.Commentary,
            ActionNote = r.ActionNote,
            RecordedBy = r.RecordedBy.Value,
            RecordedAt = r.RecordedAt,
            Version = r.Version,
            Target = Number(r.Thresholds?.Target),
            Polarity = r.Thresholds?.Polarity.ToText(),
            Tolerance = r.Thresholds?.Tolerance.ToString(),
            Rag = r.Rag?.ToString(),
            VsPrevious = r.VsPrevious.ToString(),
            VsSamePeriodLastYear = r.VsSamePeriodLastYear.ToString(),
            EarlierVersions = r.Earlier.Count == 0 ? null : FigureVersionsJson.Write(r.Earlier),
        };

    public static MeasureResult ToDomain(ResultEntity e)
    {
        Thresholds? thresholds = null;
        if (
            e.Target is not null
            && PolarityText.TryParse(e.Polarity, out var polarity)
            && Margin.TryParse(e.Tolerance, out var tolerance)
        )
        {
            thresholds = new Thresholds(ParseNumber(e.Target), polarity, tolerance);
        }

        return new MeasureResult
        {
            Measure = MeasureReference.Parse(e.Measure),
            Period = Period(e.Period),
            Value = ParseNumber(e.Value),
            Commentary = e.Commentary,
            ActionNote = e.ActionNote,
            RecordedBy = PersonId.Parse(e.RecordedBy),
            RecordedAt = e.RecordedAt,
            Version = e.Version,
            Thresholds = thresholds,
            Rag = e.Rag is null ? null : Enum.Parse<RagStatus>(e.Rag),
            VsPrevious = Enum.Parse<DirectionOfTravel>(e.VsPrevious),
            VsSamePeriodLastYear = Enum.Parse<DirectionOfTravel>(e.VsSamePeriodLastYear),
            Earlier = e.EarlierVersions is { Length: > 0 } json ? FigureVersionsJson.Read(json) : FigureVersions.None,
        };
    }

    public static AuditEntity ToEntity(AuditEntry a) =>
        new()
        {
            PartitionKey = PartitionOf(a.Measure),
            RowKey = AuditKey(a.Period, a.Version),
            Measure = a.Measure.Value,
            Period = a.Period.Code,
            Version = a.Version,
            Action = a.Action.ToString(),
            By = a.By.Value,
            At = a.At,
            OldValue = Number(a.OldValue),
            NewValue = Number(a.NewValue)!,
            OldCommentary = a.OldCommentary,
            NewCommentary = a.NewCommentary,
            OldActionNote = a.OldActionNote,
            NewActionNote = a.NewActionNote,
            Reason = a.Reason,
        };

    public static AuditEntry ToDomain(AuditEntity e) =>
        new(
            MeasureReference.Parse(e.Measure),
            Period(e.Period),
            e.Version,
            Enum.Parse<AuditAction>(e.Action),
            PersonId.Parse(e.By),
            e.At,
            e.OldValue is null ? null : ParseNumber(e.OldValue),
            ParseNumber(e.NewValue),
            e.OldCommentary,
            e.NewCommentary,
            e.OldActionNote,
            e.NewActionNote,
            e.Reason
        );

    public static ExtensionEntity ToEntity(DeadlineExtension x) =>
        new()
        {
            PartitionKey = PartitionOf(x.Measure),
            RowKey = ExtensionKey(x.Period, x.Id),
            Measure = x.Measure.Value,
            Period = x.Period.Code,
            NewDeadline = x.NewDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Reason = x.Reason,
            RequestedBy = x.RequestedBy.Value,
            RequestedAt = x.RequestedAt,
            Decision = x.Decision.ToString(),
            DecidedBy = x.DecidedBy?.Value,
            DecidedAt = x.DecidedAt,
            DecisionNote = x.DecisionNote,
        };

    public static DeadlineExtension ToDomain(ExtensionEntity e) =>
        new()
        {
            Id = e.RowKey[(e.RowKey.LastIndexOf('|') + 1)..],
            Measure = MeasureReference.Parse(e.Measure),
            Period = Period(e.Period),
            NewDeadline = DateOnly.ParseExact(e.NewDeadline, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Reason = e.Reason,
            RequestedBy = PersonId.Parse(e.RequestedBy),
            RequestedAt = e.RequestedAt,
            Decision = Enum.Parse<ExtensionDecision>(e.Decision),
            DecidedBy = e.DecidedBy is null ? null : PersonId.Parse(e.DecidedBy),
            DecidedAt = e.DecidedAt,
            DecisionNote = e.DecisionNote,
        };

    private static ReportingPeriod Period(string code) =>
        ReportingPeriod.TryParseCode(code, out var period)
            ? period
            : throw new InvalidDataException($"Stored period '{code}' is unreadable.");

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal ParseNumber(string text) =>
        decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
