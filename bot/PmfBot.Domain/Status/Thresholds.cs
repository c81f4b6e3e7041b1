using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Status;

/// <summary>
/// The target and tolerance a value is judged against, captured with the result so history never recolours.
/// </summary>
/// <remarks>
/// Higher is better: Green at or above <see cref="Target"/>, Amber down to <see cref="AmberLimit"/>
/// (target less the tolerance width), Red below. Lower is better: the mirror image. Boundaries
/// are inclusive on the better side: a value exactly on the target is Green, exactly on the
/// amber limit is Amber. A percentage tolerance of a zero target is zero wide: any miss is Red.
/// </remarks>
public sealed record Thresholds(decimal Target, Polarity Polarity, Margin Tolerance)
{
    /// <summary>The worst value that is still Amber.</summary>
    public decimal AmberLimit =>
        Polarity == Polarity.LowerIsBetter
            ? Target + Tolerance.WidthAround(Target)
            : Target - Tolerance.WidthAround(Target);

    /// <summary>
    /// Thresholds for a measure's period, or null where there is nothing to judge against (no target, or no better
    /// direction).
    /// </summary>
    public static Thresholds? For(Measure measure, Calendar.ReportingPeriod period) =>
        measure.Polarity != Polarity.None && measure.Targets.For(period) is { } target
            ? new Thresholds(target, measure.Polarity, measure.Tolerance)
            : null;

    public RagStatus Rate(decimal value) =>
        Polarity switch
        {
            Polarity.HigherIsBetter => value >= Target ? RagStatus.Green
            : value >= AmberLimit ? RagStatus.Amber
            : RagStatus.Red,
            Polarity.LowerIsBetter => value <= Target ? RagStatus.Green
            : value <= AmberLimit ? RagStatus.Amber
            : RagStatus.Red,
            _ => throw new InvalidOperationException("A measure with no better direction has no RAG status."),
        };

    /// <summary>True when the value misses the target (Amber or Red).</summary>
    public bool IsBelowTarget(decimal value) => Rate(value) != RagStatus.Green;
}
