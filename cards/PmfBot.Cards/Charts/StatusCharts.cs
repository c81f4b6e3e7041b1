using System.Globalization;
using PmfBot.Cards.Model;

namespace PmfBot.Cards.Charts;

/// <summary>How many measures stand where: "Red", 3. The standing in words is the legend, never colour alone.</summary>
public sealed record StatusCount(string Standing, int Count);

/// <summary>A service's (or the whole scope's) measures by status.</summary>
public sealed record StatusBar(string Name, IReadOnlyList<StatusCount> Counts);

/// <summary>Measures by status as Teams' charts, each with the same counts in words as its fallback.</summary>
public static class StatusCharts
{
    /// <summary>
    /// One stacked bar per service, or a donut when there is one: Green, Amber and Red in good, warning and attention.
    /// </summary>
    public static CardElement ByService(string title, IReadOnlyList<StatusBar> bars)
    {
        var words = new FactSet([.. bars.Select(b => new Fact(CardText.Plain(b.Name), Words(b.Counts)))]);
        if (bars.Count == 1)
        {
            return new DonutChart(title, Slices(bars[0].Counts), words) { ShowLegend = true, MaxWidth = "360px" };
        }

        return new StackedBarChart(title, [.. bars.Select(b => new StackedBar(b.Name, Slices(b.Counts)))], words)
        {
            ShowLegend = true,
            MaxWidth = "520px",
        };
    }

    /// <summary>
    /// The counts a week ago beside today's, one bar per status in its colour: what moved since last week.
    /// </summary>
    public static CardElement SinceLastWeek(
        string title,
        IReadOnlyList<StatusCount> weekAgo,
        IReadOnlyList<StatusCount> now
    )
    {
        int Before(StatusCount n) => weekAgo.FirstOrDefault(w => w.Standing == n.Standing)?.Count ?? 0;
        var moves = now.Select(n => $"{n.Standing} {Number(Before(n))} → {Number(n.Count)}");
        var words = new TextBlock(CardText.Plain($"A week ago → now: {string.Join(", ", moves)}.")) { Size = "Small" };
        return new GroupedBarChart(
            title,
            [
                .. now.Select(n => new ChartSeries(n.Standing, [new("A week ago", Before(n)), new("Now", n.Count)])
                {
                    Color = ChartColor.Of(n.Standing),
                }),
            ],
            words
        )
        {
            ShowLegend = true,
            ShowBarValues = true,
            MaxWidth = "520px",
        };
    }

    private static List<ChartSlice> Slices(IReadOnlyList<StatusCount> counts) =>
        [
            .. counts
                .Where(c => c.Count > 0)
                .Select(c => new ChartSlice(c.Standing, c.Count) { Color = ChartColor.Of(c.Standing) }),
        ];

    private static string Words(IReadOnlyList<StatusCount> counts)
    {
        var some = counts.Where(c => c.Count > 0).Select(c => $"{Number(c.Count)} {c.Standing}").ToList();
        return some.Count == 0 ? "No measures" : string.Join(", ", some);
    }

    private static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);
}
