using System.Globalization;
using System.Text;

namespace PmfBot.Benchmarks.Harness;

/// <summary>A figure a benchmark promises, and whether this run kept it.</summary>
public sealed record Target(string What, string Goal, string Measured, bool Met);

/// <summary>What one benchmark measured: a table of figures and the targets it was held to, written as Markdown.</summary>
public sealed class BenchReport(string name, string title, string setup)
{
    private readonly List<(string Figure, string Value)> _figures = [];
    private readonly List<Target> _targets = [];

    public string Name => name;

    public IReadOnlyList<Target> Targets => _targets;

    public BenchReport Figure(string figure, FormattableString value)
    {
        _figures.Add((figure, value.ToString(CultureInfo.InvariantCulture)));
        return this;
    }

    public BenchReport Held(string what, string goal, FormattableString measured, bool met)
    {
        _targets.Add(new Target(what, goal, measured.ToString(CultureInfo.InvariantCulture), met));
        return this;
    }

    public string ToMarkdown(DateTimeOffset at)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {title}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {at:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}. {setup}").AppendLine();
        md.AppendLine("| Figure | Value |").AppendLine("|---|---|");
        foreach (var (figure, value) in _figures)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {value} |");
        }

        if (_targets.Count > 0)
        {
            md.AppendLine().AppendLine("| Target | Goal | Measured | Kept |").AppendLine("|---|---|---|---|");
            foreach (var t in _targets)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {t.What} | {t.Goal} | {t.Measured} | {(t.Met ? "yes" : "**no**")} |");
            }
        }

        return md.ToString();
    }
}

/// <summary>Latencies, summarised the way a service level is stated.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
