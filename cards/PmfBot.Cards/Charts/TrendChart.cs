using PmfBot.Cards.Model;

namespace PmfBot.Cards.Charts;

/// <summary>One period on a trend: its label in the council's words, its figure and target (null: none).</summary>
public sealed record TrendPoint(string Period, double? Value, double? Target)
{
    /// <summary>A year-to-date measure's count starts again here (April): the line doesn't run on from the point
    /// before, and the label says so. Left out of JSON when false (the tab's data carries thousands of points).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(
        Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault
    )]
    public bool StartsYear { get; init; }
}

/// <summary>A measure's recent figures against its target, as a chart and in words.</summary>
/// <param name="Title">"CS 02 against its target, last 13 months".</param>
/// <param name="ValueLegend">"Calls answered (%)": what the figures are.</param>
/// <param name="TargetLegend">"Target", or "Target (profiled)" when it changes period by period.</param>
/// <param name="LatestStatus">"Green", "Amber", "Red", or null: colours the figures' line by its meaning.</param>
/// <param name="InWords">The same in words for clients that can't draw charts: "▂▃▅▇ from 72.0% (Oct 2025) to
/// 81.0% (Oct 2026); target 80.0%".</param>
public sealed record TrendView(
    string Title,
    IReadOnlyList<TrendPoint> Points,
    string ValueLegend,
    string TargetLegend,
    string? LatestStatus,
    string InWords
);

/// <summary>A measure's trend: Teams' line chart, with a line of words as its fallback.</summary>
public static class TrendChart
{
    /// <summary>Under this many figures there is no line to draw: the words alone say it.</summary>
    public const int FewestFigures = 2;

    public static CardElement Build(TrendView view)
    {
        var words = new TextBlock(CardText.Plain(view.InWords)) { Size = "Small", Spacing = "Small" };
        var figures = view.Points.Where(p => p.Value is not null).ToList();
        if (figures.Count < FewestFigures)
        {
            return words;
        }

        // A year-to-date count starts again each April: each financial year is its own line, so none runs from
        // March's total down to April's first month.
        var years = new List<List<TrendPoint>> { new() };
        foreach (var point in figures)
        {
            if (point.StartsYear && years[^1].Count > 0)
            {
                years.Add([]);
            }

            years[^1].Add(point);
        }

        var colour = view.LatestStatus is null ? ChartColor.Blue : ChartColor.Of(view.LatestStatus);
        var series = years
            .Select(
                (year, i) =>
                    new ChartSeries(
                        years.Count == 1 ? view.ValueLegend : $"{view.ValueLegend} from {year[0].Period}",
                        [.. year.Select(p => new ChartPoint(p.Period, p.Value!.Value))]
                    )
                    {
                        Color = i == years.Count - 1 ? colour : ChartColor.Purple,
                    }
            )
            .ToList();
        var targets = view.Points.Where(p => p.Target is not null).ToList();
        if (targets.Count > 0)
        {
            series.Add(
                new(view.TargetLegend, [.. targets.Select(p => new ChartPoint(p.Period, p.Target!.Value))])
                {
                    Color = ChartColor.Neutral,
                }
            );
        }

        var (low, high) = Range(series.SelectMany(s => s.Values).Select(v => v.Y).ToList());
        return new LineChart(view.Title, series, words)
        {
            ShowLegend = true,
            MaxWidth = "520px",
            Spacing = "Small",
            YMin = low,
            YMax = high,
        };
    }

    /// <summary>
    /// The figures' and targets' span with a margin, on round numbers; never below zero for figures that aren't.
    /// </summary>
    private static (double Low, double High) Range(List<double> ys)
    {
        var (min, max) = (ys.Min(), ys.Max());
        var margin = max > min ? (max - min) * 0.2 : Math.Max(Math.Abs(max) * 0.1, 1);
        var step = Math.Pow(10, Math.Floor(Math.Log10(margin)));
        var low = Math.Floor((min - margin) / step) * step;
        return (min >= 0 ? Math.Max(0, low) : low, Math.Ceiling((max + margin) / step) * step);
    }
}
