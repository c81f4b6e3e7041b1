namespace PmfBot.Cards.Model;

/// <summary>
/// A chart Teams draws in an Adaptive Card (its "Chart.*" elements, card version 1.5). Teams mobile, older clients
/// and the official renderer don't know them, so every chart carries a fallback that says the same in words.
/// </summary>
/// <remarks>
/// The property names and values follow Microsoft's own Teams card types (npm <c>@microsoft/teams.cards</c>), which
/// the card tests type-check each chart against.
/// </remarks>
public abstract record Chart : CardElement
{
    protected Chart(string title, CardElement fallback)
    {
        if (fallback is Chart)
        {
            throw new ArgumentException("A chart's fallback must be words, not another chart.", nameof(fallback));
        }

        Title = title;
        Fallback = fallback;
    }

    /// <summary>Says what the chart shows, in words: "CS 02 against its target, last 13 months".</summary>
    public string Title { get; }

    public bool ShowTitle { get; init; } = true;

    public bool? ShowLegend { get; init; }

    /// <summary>"480px": keeps a chart readable in a wide chat.</summary>
    public string? MaxWidth { get; init; }

    /// <summary>What a client that can't draw charts shows instead.</summary>
    public CardElement Fallback { get; }
}

/// <summary>
/// Colour names Teams' charts know. Meaning first: good, warning and attention are Green, Amber and Red.
/// </summary>
public static class ChartColor
{
    public const string Good = "good";
    public const string Warning = "warning";
    public const string Attention = "attention";
    public const string Neutral = "neutral";
    public const string Blue = "categoricalBlue";
    public const string Purple = "categoricalPurple";

    /// <summary>The colour for a status in words ("Green", "Amber", "Red"); neutral for anything else.</summary>
    public static string Of(string? status) =>
        status switch
        {
            "Green" => Good,
            "Amber" => Warning,
            "Red" => Attention,
            _ => Neutral,
        };
}

/// <summary>One point of a line or bar: its category ("Oct 2026", "A week ago") and value.</summary>
public sealed record ChartPoint(string X, double Y);

/// <summary>A named run of points: a line of a line chart, or one colour of a grouped bar chart.</summary>
public sealed record ChartSeries(string Legend, IReadOnlyList<ChartPoint> Values)
{
    public string? Color { get; init; }
}

/// <summary>"Chart.Line": a measure's figures against its target over time.</summary>
public sealed record LineChart : Chart
{
    public LineChart(string title, IReadOnlyList<ChartSeries> data, CardElement fallback)
        : base(title, fallback) => Data = data;

    public IReadOnlyList<ChartSeries> Data { get; }

    public string? XAxisTitle { get; init; }

    public string? YAxisTitle { get; init; }

    /// <summary>The y axis' range: close around the figures, so a slide of a few points shows as one.</summary>
    public double? YMin { get; init; }

    public double? YMax { get; init; }
}

/// <summary>A part of a whole: "Red", 3.</summary>
public sealed record ChartSlice(string Legend, double Value)
{
    public string? Color { get; init; }
}

/// <summary>"Chart.Donut": how a whole splits, e.g. a service's measures by status.</summary>
public sealed record DonutChart : Chart
{
    public DonutChart(string title, IReadOnlyList<ChartSlice> data, CardElement fallback)
        : base(title, fallback) => Data = data;

    public IReadOnlyList<ChartSlice> Data { get; }
}

/// <summary>One bar of a stacked bar chart: "Waste", its measures by status.</summary>
public sealed record StackedBar(string Title, IReadOnlyList<ChartSlice> Data);

/// <summary>"Chart.HorizontalBar.Stacked": one bar per service, split by status.</summary>
public sealed record StackedBarChart : Chart
{
    public StackedBarChart(string title, IReadOnlyList<StackedBar> data, CardElement fallback)
        : base(title, fallback) => Data = data;

    public IReadOnlyList<StackedBar> Data { get; }
}

/// <summary>"Chart.VerticalBar.Grouped": the same categories side by side, e.g. a week ago and now.</summary>
public sealed record GroupedBarChart : Chart
{
    public GroupedBarChart(string title, IReadOnlyList<ChartSeries> data, CardElement fallback)
        : base(title, fallback) => Data = data;

    public IReadOnlyList<ChartSeries> Data { get; }

    public bool? ShowBarValues { get; init; }
}
