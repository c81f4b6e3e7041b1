using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Status;

/// <summary>This period's value against one earlier period's.</summary>
/// <param name="Against">The period compared with (the previous one, or the same period last year).</param>
/// <param name="EarlierValue">Its value, or null when there is none.</param>
public sealed record Comparison(ReportingPeriod Against, decimal? EarlierValue, DirectionOfTravel Direction)
{
    /// <summary>Compares a value with an earlier one, treating differences within the stable band as stable.</summary>
    /// <remarks>The band is measured around the earlier value: within 1% of last quarter's 48.0 is
    /// 47.52–48.48.</remarks>
    public static Comparison Of(
        decimal value,
        ReportingPeriod against,
        decimal? earlier,
        Polarity polarity,
        Margin stableBand
    )
    {
        if (earlier is not { } before)
        {
            return new Comparison(against, null, DirectionOfTravel.NotComparable);
        }

        var change = value - before;
        if (Math.Abs(change) <= stableBand.WidthAround(before))
        {
            return new Comparison(against, before, DirectionOfTravel.Stable);
        }

        var direction = polarity switch
        {
            Polarity.HigherIsBetter => change > 0 ? DirectionOfTravel.Better : DirectionOfTravel.Worse,
            Polarity.LowerIsBetter => change < 0 ? DirectionOfTravel.Better : DirectionOfTravel.Worse,
            _ => change > 0 ? DirectionOfTravel.Higher : DirectionOfTravel.Lower,
        };
        return new Comparison(against, before, direction);
    }

    /// <summary>
    /// "better than Q1 2026/27 (48.0%)", "about the same as Oct 2025 (95.1%)", "no figure for Q1 2026/27 to compare".
    /// </summary>
    public string Describe(Measure measure) =>
        EarlierValue is not { } before
            ? $"no figure for {Against} to compare"
            : Direction switch
            {
                DirectionOfTravel.Better => $"better than {Against} ({measure.Format(before)})",
                DirectionOfTravel.Worse => $"worse than {Against} ({measure.Format(before)})",
                DirectionOfTravel.Higher => $"higher than {Against} ({measure.Format(before)})",
                DirectionOfTravel.Lower => $"lower than {Against} ({measure.Format(before)})",
                _ => $"about the same as {Against} ({measure.Format(before)})",
            };
}
