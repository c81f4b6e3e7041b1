using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Status;

/// <summary>The trend over the last several periods.</summary>
public enum Trend
{
    Improving,
    Stable,
    Worsening,

    /// <summary>Fewer than three values: too few to call a trend.</summary>
    NotEnoughData,

    /// <summary>A context-only measure moving: rising or falling, but neither better nor worse.</summary>
    Rising,
    Falling,
}

/// <summary>Assesses the trend of a run of values (oldest first) by the slope of their least-squares line.</summary>
/// <remarks>
/// The fitted change across the window is compared with the stable band around the window's mean:
/// a fitted change within the band is stable. At most <see cref="Window"/> latest values are used,
/// so one bad year long ago does not colour today's trend.
/// </remarks>
public static class TrendAssessment
{
    public const int Window = 6;

    public static Trend Assess(IReadOnlyList<decimal> valuesOldestFirst, Polarity polarity, Margin stableBand) =>
        Assess(valuesOldestFirst, polarity, stableBand, null);

    /// <summary>
    /// A measure's trend over its latest figures (oldest first), as the framework reads it: for a year-to-date
    /// measure only this financial year's figures count (the count starts again in April), and where the targets
    /// move period by period (a profile) the trend is of each figure's gap to its target.
    /// </summary>
    public static Trend For(Measure measure, IReadOnlyList<Results.MeasureResult> historyOldestFirst, Margin stableBand)
    {
        var recent = historyOldestFirst.Skip(Math.Max(0, historyOldestFirst.Count - Window)).ToList();
        if (measure.Accumulation == Accumulation.YearToDate && recent.Count > 0)
        {
            recent = [.. recent.Where(r => r.Period.Year == recent[^1].Period.Year)];
        }

        var values = recent.Select(r => r.Value).ToList();
        var targets = recent.Select(r => measure.Targets.For(r.Period)).ToList();
        var profiled =
            measure.Polarity != Polarity.None && targets.All(t => t is not null) && targets.Distinct().Count() > 1;
        return profiled && values.Count > 0
            ? Assess([.. values.Zip(targets, (v, t) => v - t!.Value)], measure.Polarity, stableBand, values.Average())
            : Assess(values, measure.Polarity, stableBand, null);
    }

    /// <param name="bandAround">What the stable band is measured around: the values' mean unless given (a series of
    /// gaps to target sits near zero, so its band is measured around the figures themselves).</param>
    private static Trend Assess(
        IReadOnlyList<decimal> valuesOldestFirst,
        Polarity polarity,
        Margin stableBand,
        decimal? bandAround
    )
    {
        var values = valuesOldestFirst.Skip(Math.Max(0, valuesOldestFirst.Count - Window)).ToArray();
        if (values.Length < 3)
        {
            return Trend.NotEnoughData;
        }

        var n = values.Length;
        var meanX = (n - 1) / 2m;
        var meanY = values.Average();
        decimal numerator = 0,
            denominator = 0;
        for (var i = 0; i < n; i++)
        {
            numerator += (i - meanX) * (values[i] - meanY);
            denominator += (i - meanX) * (i - meanX);
        }

        var fittedChange = numerator / denominator * (n - 1);
        if (Math.Abs(fittedChange) <= stableBand.WidthAround(bandAround ?? meanY))
        {
            return Trend.Stable;
        }

        return polarity switch
        {
            Polarity.HigherIsBetter => fittedChange > 0 ? Trend.Improving : Trend.Worsening,
            Polarity.LowerIsBetter => fittedChange < 0 ? Trend.Improving : Trend.Worsening,
            _ => fittedChange > 0 ? Trend.Rising : Trend.Falling,
        };
    }
}
