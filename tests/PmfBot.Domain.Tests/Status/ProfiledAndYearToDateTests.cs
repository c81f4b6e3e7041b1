using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Tests.Status;

/// <summary>
/// Council tax collected in year (cumulative), with a collection profile: 11.1% by April, 20.4% by May, 29.7% by
/// June … 97.5% by March. It grows all year and starts again each April, so its direction of travel is judged
/// against the profile and within the financial year.
/// </summary>
public class ProfiledAndYearToDateTests
{
    private static readonly decimal[] Profile =
    [
        11.1m,
        20.4m,
        29.7m,
        39.0m,
        48.3m,
        57.7m,
        67.0m,
        76.3m,
        85.6m,
        94.7m,
        98.1m,
        97.5m,
    ];

    private static ReportingPeriod Month(int year, int number) =>
        ReportingPeriod.Month(new FinancialYear(year), number);

    private static Measure CouncilTax(Accumulation accumulation = Accumulation.YearToDate)
    {
        var targets = TargetSchedule.Of(97.5m);
        for (var year = 2025; year <= 2026; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                targets = targets.ForPeriod(Month(year, month), Profile[month - 1]);
            }
        }

        return TestMeasures.Make(
            "RB 03",
            frequency: Frequency.Monthly,
            target: null,
            tolerance: Margin.Absolute(1)
        ) with
        {
            Targets = targets,
            Accumulation = accumulation,
        };
    }

    private static Judgement Judge(
        Measure measure,
        ReportingPeriod period,
        decimal value,
        decimal? previous,
        decimal? lastYear = null
    ) => StatusRules.Judge(measure, period, value, previous, lastYear, StatusPolicy.Default);

    [Fact]
    public void April_IsNotComparedWithMarchsYearEndTotal_ButWithLastApril()
    {
        var april = Judge(CouncilTax(), Month(2026, 1), 11.4m, previous: 97.3m, lastYear: 11.0m);

        Assert.Equal(
            (DirectionOfTravel.NotComparable, ComparisonBasis.NewYear),
            (april.VsPrevious.Direction, april.VsPrevious.Basis)
        );
        Assert.Equal(DirectionOfTravel.Better, april.VsSamePeriodLastYear.Direction);
        Assert.Equal(
            "not comparable with Mar 2026 (97.3%): the year-to-date count starts again in April",
            april.VsPrevious.Describe(CouncilTax())
        );
    }

    [Fact]
    public void APerPeriodMeasure_StillComparesAprilWithMarch()
    {
        var april = Judge(TestMeasures.Make("CS 02", frequency: Frequency.Monthly), Month(2026, 1), 48m, previous: 52m);

        Assert.Equal(
            (DirectionOfTravel.Worse, ComparisonBasis.Value),
            (april.VsPrevious.Direction, april.VsPrevious.Basis)
        );
    }

    [Theory]
    [InlineData(11.6, 21.9, DirectionOfTravel.Better)] // 0.5 ahead of profile, then 1.5 ahead
    [InlineData(11.6, 19.0, DirectionOfTravel.Worse)] // rose by 7.4 points, but fell 1.4 behind the profile
    [InlineData(11.6, 20.9, DirectionOfTravel.Stable)] // as far ahead of the profile as before
    public void WithinTheYear_ThePathAgainstTheProfileDecides_NotTheRiseAlongIt(
        double april,
        double may,
        DirectionOfTravel expected
    )
    {
        var judged = Judge(CouncilTax(), Month(2026, 2), (decimal)may, previous: (decimal)april);

        Assert.Equal((expected, ComparisonBasis.Profile), (judged.VsPrevious.Direction, judged.VsPrevious.Basis));
    }

    [Fact]
    public void TheTrend_IsTheYearSoFarAgainstTheProfile()
    {
        var measure = CouncilTax();
        // Last year ends well ahead; this year starts behind the profile and falls further behind every month.
        MeasureResult[] history =
        [
            Figure(Month(2025, 11), 99.0m),
            Figure(Month(2025, 12), 98.4m),
            Figure(Month(2026, 1), 10.9m),
            Figure(Month(2026, 2), 19.9m),
            Figure(Month(2026, 3), 28.7m),
        ];

        Assert.Equal(Trend.Worsening, TrendAssessment.For(measure, history, Margin.DefaultStableBand));
        // Read as plain values, the same figures "improve" from 10.9 to 28.7 (and the reset would drag them down).
        Assert.Equal(
            Trend.Improving,
            TrendAssessment.Assess([10.9m, 19.9m, 28.7m], Polarity.HigherIsBetter, Margin.DefaultStableBand)
        );
        // Two figures this year: too few for a trend, whatever last year did.
        Assert.Equal(Trend.NotEnoughData, TrendAssessment.For(measure, history[..4], Margin.DefaultStableBand));

        MeasureResult Figure(ReportingPeriod period, decimal value) =>
            new()
            {
                Measure = measure.Reference,
                Period = period,
                Value = value,
                RecordedBy = measure.Owner,
                RecordedAt = DateTimeOffset.UnixEpoch,
            };
    }

    [Theory]
    [InlineData("year to date", Accumulation.YearToDate)]
    [InlineData("YTD", Accumulation.YearToDate)]
    [InlineData("Yes", Accumulation.YearToDate)]
    [InlineData("", Accumulation.PerPeriod)]
    [InlineData("per-period", Accumulation.PerPeriod)]
    public void TheCataloguesCumulativeCell_IsRead(string text, Accumulation expected)
    {
        Assert.True(AccumulationText.TryParse(text, out var read));
        Assert.Equal(expected, read);
        Assert.True(AccumulationText.TryParse(read.ToText(), out var again));
        Assert.Equal(read, again);
    }

    [Fact]
    public void AnUnknownCumulativeCell_IsRefused() => Assert.False(AccumulationText.TryParse("sometimes", out _));
}
