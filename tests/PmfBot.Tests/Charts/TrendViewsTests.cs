using System.Globalization;
using System.Text.Json;
using PmfBot.Cards;
using PmfBot.Cards.Charts;
using PmfBot.Cards.Model;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Domain.Standings;
using PmfBot.Domain.Status;
using PmfBot.Features.Demo;
using PmfBot.Wording;

namespace PmfBot.Tests.Charts;

/// <summary>
/// The trend chart on the prompt, recorded and escalation cards is the standing's recent series: the same figures,
/// the targets they were judged against, the council's period labels.
/// </summary>
public class TrendViewsTests
{
    private static readonly Measure Cs02 = DemoCouncil.Catalogue.FindMeasure(MeasureReference.Parse("CS 02"))!;

    private static MeasureResult Figure(Measure measure, ReportingPeriod period, decimal value) =>
        MeasureResult.Record(
            measure,
            period,
            value,
            "Said.",
            "Done.",
            StatusRules.Judge(measure, period, value, null, null, StatusPolicy.Default),
            DemoPeople.PriyaShah.Id,
            DateTimeOffset.Parse("2026-11-05T09:00:00Z", CultureInfo.InvariantCulture)
        );

    [Fact]
    public void MonthlySeries_IsTheStandingsThirteenMonths_WithGapsLeftEmpty_AndTheCouncilsLabels()
    {
        var october = ReportingPeriod.CalendarMonth(2026, 10);
        var history = Enumerable
            .Range(0, 16)
            .Select(back => Back(october, back))
            .Where(p => p != ReportingPeriod.CalendarMonth(2026, 6)) // June never reported
            .Select((p, i) => Figure(Cs02, p, 70m + i))
            .ToList();
        var standing = MeasureStanding.FromHistory(Cs02.Reference, history, [], []);

        var view = TrendViews.For(Cs02, standing.Recent, october);

        Assert.Equal(13, view.Points.Count);
        Assert.Equal("Oct 2025", view.Points[0].Period);
        Assert.Equal("Oct 2026", view.Points[^1].Period);
        foreach (var point in view.Points)
        {
            var figure = standing.Recent.SingleOrDefault(r => r.Period.ToString() == point.Period);
            Assert.Equal((double?)figure?.Value, point.Value);
            Assert.Equal(80d, point.Target);
        }

        Assert.Null(view.Points.Single(p => p.Period == "Jun 2026").Value);
        Assert.Equal("CS 02 against its target, last 13 months", view.Title);
        Assert.Equal(standing.Latest!.Rag.ToString(), view.LatestStatus);
        Assert.StartsWith("Trend, last 13 months: ", view.InWords, StringComparison.Ordinal);
        Assert.EndsWith(
            $"from {Cs02.Format(standing.Recent[0].Value)} (Oct 2025) "
                + $"to {Cs02.Format(standing.Latest.Value)} (Oct 2026)"
                + "; target 80.0%.",
            view.InWords,
            StringComparison.Ordinal
        );

        // The card draws exactly those points: 12 figures (June missing) and 13 targets.
        var chart = Assert.IsType<LineChart>(TrendChart.Build(view));
        Assert.Equal(12, chart.Data[0].Values.Count);
        Assert.Equal(13, chart.Data[1].Values.Count);
        Assert.DoesNotContain(chart.Data[0].Values, v => v.X == "Jun 2026");
        Assert.Equal(view.InWords, Assert.IsType<TextBlock>(chart.Fallback).Text);

        // The y axis hugs the figures and the target (not from zero), so a slide of a few points shows.
        var ys = chart.Data.SelectMany(d => d.Values).Select(v => v.Y).ToList();
        Assert.InRange(chart.YMin!.Value, 1, ys.Min());
        Assert.InRange(chart.YMax!.Value, ys.Max(), ys.Max() + (ys.Max() - ys.Min()));
    }

    [Fact]
    public void ProfiledTarget_IsDrawnPeriodByPeriod_AndAFigureKeepsTheTargetItWasJudgedAgainst()
    {
        var q1 = ReportingPeriod.Quarter(new FinancialYear(2026), 1);
        var q2 = q1.Next;
        var judgedThen = Cs02 with { Targets = TargetSchedule.Of(80).ForPeriod(q1, 60).ForPeriod(q2, 70) };
        var figures = new[] { Figure(judgedThen, q1, 62), Figure(judgedThen, q2, 71) };

        // The catalogue's target for Q2 has since been raised: the recorded figure keeps 70, the next quarter shows 85.
        var now = judgedThen with { Targets = judgedThen.Targets.ForPeriod(q2, 75).ForPeriod(q2.Next, 85) };
        var view = TrendViews.For(now, figures, q2.Next);

        Assert.Equal(8, view.Points.Count);
        Assert.Equal(["Q1 2026/27", "Q2 2026/27", "Q3 2026/27"], view.Points.TakeLast(3).Select(p => p.Period));
        Assert.Equal([60d, 70d, 85d], view.Points.TakeLast(3).Select(p => p.Target!.Value));
        Assert.Equal("Target (profiled)", view.TargetLegend);
        Assert.Contains("target for Q3 2026/27 85.0%", view.InWords, StringComparison.Ordinal);
    }

    [Fact]
    public void AYearToDateMeasure_MarksTheAprilReset_AndDrawsEachYearAsItsOwnLine()
    {
        var rb03 = DemoCouncil.Catalogue.FindMeasure(MeasureReference.Parse("RB 03"))!;
        Assert.Equal(Accumulation.YearToDate, rb03.Accumulation);
        var june = ReportingPeriod.CalendarMonth(2026, 6);
        var figures = Enumerable.Range(0, 6)
            .Select(i => Back(june, i))
            .Select(p => Figure(rb03, p, p.Number * 8.1m))
            .ToList();

        var view = TrendViews.For(rb03, figures, june);

        var april = Assert.Single(view.Points, p => p.StartsYear);
        Assert.Equal("Apr 2026 (new year)", april.Period);
        Assert.Contains(
            "Counts the financial year to date, starting again each April.", view.InWords, StringComparison.Ordinal);
        var chart = JsonDocument.Parse(JsonSerializer.Serialize(TrendChart.Build(view), CardJson.Options)).RootElement;
        var lines = chart.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("legend").GetString());
        Assert.Equal(
            ["RB 03 figure from Jan 2026", "RB 03 figure from Apr 2026 (new year)", "Target (profiled)"], lines);
        var cs02Figures = figures.Select(f => f with { Measure = Cs02.Reference });
        var cs02Chart = JsonSerializer.Serialize(
            TrendChart.Build(TrendViews.For(Cs02, cs02Figures, june)), CardJson.Options);
        Assert.DoesNotContain("new year", cs02Chart, StringComparison.Ordinal); // a per-period measure runs on
        // The tab's data names only the points that start a year: a department's 6,500 points stay as small as before.
        var (marked, plain) = (JsonSerializer.Serialize(april, JsonSerializerOptions.Web),
            JsonSerializer.Serialize(view.Points[0], JsonSerializerOptions.Web));
        Assert.Contains("\"startsYear\":true", marked, StringComparison.Ordinal);
        Assert.DoesNotContain("startsYear", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerThanTwoFigures_GiveWordsAlone_NotAnEmptyChart()
    {
        var october = ReportingPeriod.CalendarMonth(2026, 10);
        var one = TrendViews.For(Cs02, [Figure(Cs02, october, 73.7m)], october);
        var none = TrendViews.For(Cs02, [], october);

        Assert.Equal("Only one figure in the last 13 months: 73.7% (Oct 2026); target 80.0%.", one.InWords);
        Assert.Equal("No figures in the last 13 months.", none.InWords);
        Assert.IsType<TextBlock>(TrendChart.Build(one));
        var json = JsonSerializer.Serialize(TrendChart.Build(none), CardJson.Options);
        Assert.DoesNotContain("Chart.", json, StringComparison.Ordinal);
    }

    private static ReportingPeriod Back(ReportingPeriod period, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            period = period.Previous;
        }

        return period;
    }
}
