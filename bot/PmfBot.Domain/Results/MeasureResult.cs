using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Results;

/// <summary>
/// A measure's value for one period, with its commentary, who recorded it, and how it was judged at the time.
/// </summary>
/// <remarks>
/// <see cref="Thresholds"/>, <see cref="Rag"/> and the directions are a snapshot taken when the
/// value was recorded: changing a target later never recolours history. <see cref="Version"/>
/// starts at 1 and goes up with every correction; each version has an <see cref="AuditEntry"/>.
/// </remarks>
public sealed record MeasureResult
{
    public required MeasureReference Measure { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required decimal Value { get; init; }
    public string? Commentary { get; init; }
    public string? ActionNote { get; init; }
    public required PersonId RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public Thresholds? Thresholds { get; init; }
    public RagStatus? Rag { get; init; }
    public DirectionOfTravel VsPrevious { get; init; } = DirectionOfTravel.NotComparable;
    public DirectionOfTravel VsSamePeriodLastYear { get; init; } = DirectionOfTravel.NotComparable;
    public int Version { get; init; } = 1;

    /// <summary>The versions corrections replaced, oldest first: none for a figure never corrected.</summary>
    public FigureVersions Earlier { get; init; } = FigureVersions.None;

    /// <summary>When the period's figure was first recorded, before any correction.</summary>
    public DateTimeOffset FirstRecordedAt => Earlier.Count > 0 ? Earlier[0].RecordedAt : RecordedAt;

    /// <summary>
    /// The figure as it was known at an instant: itself if recorded by then, else the version that stood then (its
    /// words left out: only the judgement is kept), else null when nothing was recorded yet.
    /// </summary>
    public MeasureResult? AsKnownAt(DateTimeOffset at)
    {
        if (RecordedAt <= at)
        {
            return this;
        }

        return Earlier.LastOrDefault(v => v.RecordedAt <= at) is { } then
            ? this with
            {
                Version = then.Version,
                Value = then.Value,
                Rag = then.Rag,
                VsPrevious = then.VsPrevious,
                VsSamePeriodLastYear = then.VsSamePeriodLastYear,
                RecordedBy = then.RecordedBy,
                RecordedAt = then.RecordedAt,
                Commentary = null,
                ActionNote = null,
                Earlier = new FigureVersions(Earlier.Where(v => v.Version < then.Version)),
            }
            : null;
    }

    /// <summary>A first recording of a judged value.</summary>
    public static MeasureResult Record(
        Measure measure,
        ReportingPeriod period,
        decimal value,
        string? commentary,
        string? actionNote,
        Judgement judgement,
        PersonId by,
        DateTimeOffset at
    ) =>
        new()
        {
            Measure = measure.Reference,
            Period = period,
            Value = value,
            Commentary = Clean(commentary),
            ActionNote = Clean(actionNote),
            RecordedBy = by,
            RecordedAt = at,
            Thresholds = judgement.Thresholds,
            Rag = judgement.Rag,
            VsPrevious = judgement.VsPrevious.Direction,
            VsSamePeriodLastYear = judgement.VsSamePeriodLastYear.Direction,
        };

    /// <summary>Trims text, and turns text without words into null: "   " or "\u200B" is never commentary.</summary>
    public static string? Clean(string? text) => Values.WrittenText.Clean(text);
}
