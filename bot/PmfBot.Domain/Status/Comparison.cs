using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Status;

/// <summary>How a comparison was read.</summary>
public enum ComparisonBasis
{
    /// <summary>Value against value.</summary>
    Value,

    /// <summary>
    /// Each value against its own (profiled) target: where the target moves period by period, the gap to it says
    /// whether performance got better, not the value's rise or fall along the profile.
    /// </summary>
    Profile,

    /// <summary>A year-to-date figure against one from another financial year: the count restarted in April.</summary>
    NewYear,
}

/// <summary>This period's value against one earlier period's.</summary>
/// <param name="Against">The period compared with (the previous one, or the same period last year).</param>
/// <param name="EarlierValue">Its value, or null when there is none.</param>
public sealed record Comparison(ReportingPeriod Against, decimal? EarlierValue, DirectionOfTravel Direction)
{
    public ComparisonBasis Basis { get; init; } = ComparisonBasis.Value;

    /// <summary>
    /// A measure's figure for a period against an earlier period's, as the framework reads it: within the financial
    /// year for a year-to-date measure (or against the same point of last year), and against the profile where the
    /// two periods' targets differ.
    /// </summary>
    public static Comparison For(
        Measure measure,
        ReportingPeriod period,
        decimal value,
        ReportingPeriod against,
        decimal? earlier,
        Margin stableBand
    )
    {
        if (earlier is not { } before)
        {
            return new Comparison(against, null, DirectionOfTravel.NotComparable);
        }

        if (
            measure.Accumulation == Accumulation.YearToDate
            && against.Year != period.Year
            && against != period.SamePeriodLastYear
        )
        {
            return new Comparison(against, before, DirectionOfTravel.NotComparable) { Basis = ComparisonBasis.NewYear };
        }

        var (target, earlierTarget) = (measure.Targets.For(period), measure.Targets.For(against));
        if (measure.Polarity != Polarity.None && target is { } t && earlierTarget is { } e && t != e)
        {
            var gapChange = (value - t) - (before - e);
            return new Comparison(against, before, DirectionOf(gapChange, before, measure.Polarity, stableBand))
            {
                Basis = ComparisonBasis.Profile,
            };
        }

        return new Comparison(against, before, DirectionOf(value - before, before, measure.Polarity, stableBand));
    }

    /// <remarks>The stable band is measured around the earlier value: within 1% of last quarter's 48.0 is
    /// 47.52–48.48.</remarks>
    private static DirectionOfTravel DirectionOf(decimal change, decimal before, Polarity polarity, Margin stableBand)
    {
        if (Math.Abs(change) <= stableBand.WidthAround(before))
        {
            return DirectionOfTravel.Stable;
        }

        return polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? DirectionOfTravel.Better : DirectionOfTravel.Worse,
            Polarity.LowerIsBetter => change < 0 ? DirectionOfTravel.Better : DirectionOfTravel.Worse,
            _ => change > 0 ? DirectionOfTravel.Higher : DirectionOfTravel.Lower,
        };
    }

    /// <summary>
    /// "better than Q1 2026/27 (48.0%)", "about the same as Oct 2025 (95.1%)", "no figure for Q1 2026/27 to compare".
    /// </summary>
    public string Describe(Measure measure) =>
        EarlierValue is not { } before ? $"no figure for {Against} to compare"
        : Basis == ComparisonBasis.NewYear
            ? $"not comparable with {Against} ({measure.Format(before)}): the year-to-date count starts again in April"
        : Basis == ComparisonBasis.Profile
            ? Direction switch
            {
                DirectionOfTravel.Better => $"better against its profile than {Against} ({measure.Format(before)})",
                DirectionOfTravel.Worse => $"worse against its profile than {Against} ({measure.Format(before)})",
                _ => $"about as close to its profile as {Against} ({measure.Format(before)})",
            }
        : Direction switch
        {
            DirectionOfTravel.Better => $"better than {Against} ({measure.Format(before)})",
            DirectionOfTravel.Worse => $"worse than {Against} ({measure.Format(before)})",
            DirectionOfTravel.Higher => $"higher than {Against} ({measure.Format(before)})",
            DirectionOfTravel.Lower => $"lower than {Against} ({measure.Format(before)})",
            _ => $"about the same as {Against} ({measure.Format(before)})",
        };
}
