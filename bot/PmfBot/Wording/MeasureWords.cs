using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Status;

namespace PmfBot.Wording;

/// <summary>A measure's target and standing in the words every card uses.</summary>
public static class MeasureWords
{
    /// <summary>
    /// Direction of travel in words: "better than Aug 2026 (72.9%)", "no figure for Aug 2026 to compare", or for a
    /// profiled or year-to-date measure "better against its profile than …" and "not comparable with Mar 2026 …".
    /// </summary>
    public static string Against(
        Measure measure,
        ReportingPeriod period,
        decimal value,
        ReportingPeriod earlier,
        decimal? earlierValue,
        Margin stableBand
    ) => Comparison.For(measure, period, value, earlier, earlierValue, stableBand).Describe(measure);

    /// <summary>
    /// A figure's direction of travel as it was recorded (the judgement then), in words: "worse than Sep 2026 (81.0%)",
    /// or "no figure for Sep 2026 to compare" when the earlier figure is not at hand.
    /// </summary>
    public static Comparison AsRecorded(
        Measure measure,
        Domain.Results.MeasureResult figure,
        ReportingPeriod earlier,
        Domain.Results.MeasureResult? earlierFigure,
        DirectionOfTravel recorded,
        Margin stableBand
    ) =>
        Comparison.For(measure, figure.Period, figure.Value, earlier, earlierFigure?.Value, stableBand) with
        {
            Direction = earlierFigure is null ? DirectionOfTravel.NotComparable : recorded,
        };

    /// <summary>"80.0% or more (Amber down to 76.0%, Red below)".</summary>
    public static string Target(Measure measure, Thresholds thresholds) =>
        thresholds.Polarity == Polarity.LowerIsBetter
            ? $"{measure.Format(thresholds.Target)} or less "
                + $"(Amber up to {measure.Format(thresholds.AmberLimit)}, Red above)"
            : $"{measure.Format(thresholds.Target)} or more "
                + $"(Amber down to {measure.Format(thresholds.AmberLimit)}, Red below)";

    /// <summary>What a measure's latest figure was judged against, or the target now set: null with none.</summary>
    public static string? LatestTarget(Measure measure, Domain.Results.MeasureResult? latest, DateOnly today) =>
        latest?.Thresholds is { } t ? Target(measure, t)
        : measure.Targets.For(latest?.Period ?? measure.LatestEndedPeriodAsOf(today)) is { } plain
            ? measure.Format(plain)
        : null;

    /// <summary>What a scorecard or the tab says of a measure with no target.</summary>
    public const string NoTarget = "No target: reported for context";

    /// <summary>
    /// A measure without a target stands by its direction of travel: "Improving", "Worsening", "Stable".
    /// </summary>
    public static string NoTargetStatus(DirectionOfTravel direction) =>
        direction switch
        {
            DirectionOfTravel.Better => "Improving",
            DirectionOfTravel.Worse => "Worsening",
            DirectionOfTravel.Stable => "Stable",
            _ => "No target",
        };
}
