using PmfBot.Cards.Charts;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Standings;
using PmfBot.Domain.Status;

namespace PmfBot.Wording;

/// <summary>A measure's recent figures against its target, for the trend chart on its cards. No I/O.</summary>
public static class TrendViews
{
    /// <summary>
    /// The standing's span of periods (13 months, 8 quarters, 4 halves, 3 years) ending with <paramref name="upTo"/>:
    /// each figure as recorded, and the target it was judged against (the catalogue's where there is no figure).
    /// </summary>
    public static TrendView For(Measure measure, IEnumerable<MeasureResult> figures, ReportingPeriod upTo)
    {
        var periods = Span(upTo);
        var byPeriod = figures
            .Where(f => f.Period.Kind == upTo.Kind && f.Period >= periods[0] && f.Period <= upTo)
            .ToDictionary(f => f.Period);
        var points = periods
            .Select(p =>
            {
                var figure = byPeriod.GetValueOrDefault(p);
                var target = figure is null ? Thresholds.For(measure, p)?.Target : figure.Thresholds?.Target;
                var startsYear = measure.Accumulation == Accumulation.YearToDate && p.Previous.Year != p.Year;
                return new TrendPoint(
                    startsYear ? $"{p} (new year)" : p.ToString(),
                    (double?)figure?.Value,
                    (double?)target
                )
                {
                    StartsYear = startsYear,
                };
            })
            .ToList();
        var recorded = periods.Where(byPeriod.ContainsKey).Select(p => byPeriod[p]).ToList();
        var span = $"last {periods.Count} {Plural(upTo.Kind)}";
        var hasTarget = points.Any(p => p.Target is not null);
        var profiled = points.Select(p => p.Target).Where(t => t is not null).Distinct().Count() > 1;

        return new TrendView(
            hasTarget ? $"{measure.Reference} against its target, {span}" : $"{measure.Reference}, {span}",
            points,
            $"{measure.Reference} figure",
            profiled ? "Target (profiled)" : "Target",
            recorded.LastOrDefault()?.Rag?.ToString(),
            InWords(measure, recorded, span, points[^1], profiled)
        );
    }

    private static string InWords(
        Measure measure,
        List<MeasureResult> recorded,
        string span,
        TrendPoint newest,
        bool profiled
    )
    {
        var yearToDate =
            measure.Accumulation == Accumulation.YearToDate
                ? " Counts the financial year to date, starting again each April."
                : string.Empty;
        var target =
            newest.Target is not { } t ? string.Empty
            : profiled ? $"; target for {newest.Period} {measure.Format((decimal)t)}"
            : $"; target {measure.Format((decimal)t)}";
        return recorded.Count switch
        {
            0 => $"No figures in the {span}.",
            1 => $"Only one figure in the {span}: {Figure(measure, recorded[0])}{target}.{yearToDate}",
            _ => $"Trend, {span}: {Sparkline.Of([.. recorded.Select(r => r.Value)])} "
                + $"from {Figure(measure, recorded[0])} to {Figure(measure, recorded[^1])}{target}.{yearToDate}",
        };
    }

    private static string Figure(Measure measure, MeasureResult figure) =>
        $"{measure.Format(figure.Value)} ({figure.Period})";

    private static List<ReportingPeriod> Span(ReportingPeriod upTo)
    {
        var periods = new List<ReportingPeriod> { upTo };
        while (periods.Count < MeasureStanding.SeriesLength(upTo.Kind))
        {
            periods.Insert(0, periods[0].Previous);
        }

        return periods;
    }

    private static string Plural(PeriodKind kind) =>
        kind switch
        {
            PeriodKind.Month => "months",
            PeriodKind.Quarter => "quarters",
            PeriodKind.Half => "halves",
            _ => "years",
        };
}
