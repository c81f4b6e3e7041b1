using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Tests.Status;

public class StatusRulesTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("Q2 2026/27");

    private static Judgement Judge(Measure measure, decimal value, decimal? previous = null, decimal? lastYear = null, StatusPolicy? policy = null) =>
        StatusRules.Judge(measure, Q2, value, previous, lastYear, policy ?? StatusPolicy.Default);

    // Higher is better, target 50, tolerance 5% → amber down to 47.5.
    [Theory]
    [InlineData(55, RagStatus.Green)]
    [InlineData(50, RagStatus.Green)]   // exactly on target
    [InlineData(49.9, RagStatus.Amber)]
    [InlineData(47.5, RagStatus.Amber)] // exactly on the amber limit
    [InlineData(47.49, RagStatus.Red)]
    [InlineData(0, RagStatus.Red)]
    public void Rag_HigherIsBetter_PercentTolerance(decimal value, RagStatus expected) =>
        Assert.Equal(expected, Judge(TestMeasures.Make(), value).Rag);

    // Lower is better, target 20 days, tolerance 5% → amber up to 21.
    [Theory]
    [InlineData(15, RagStatus.Green)]
    [InlineData(20, RagStatus.Green)]
    [InlineData(20.5, RagStatus.Amber)]
    [InlineData(21, RagStatus.Amber)]
    [InlineData(21.01, RagStatus.Red)]
    public void Rag_LowerIsBetter_PercentTolerance(decimal value, RagStatus expected) =>
        Assert.Equal(expected, Judge(TestMeasures.Make("RB 01", Polarity.LowerIsBetter, target: 20, unit: MeasureUnit.Days), value).Rag);

    // Lower is better with an absolute tolerance of 10 (missed bins per 100,000, target 80).
    [Theory]
    [InlineData(80, RagStatus.Green)]
    [InlineData(90, RagStatus.Amber)]
    [InlineData(90.1, RagStatus.Red)]
    public void Rag_LowerIsBetter_AbsoluteTolerance(decimal value, RagStatus expected) =>
        Assert.Equal(expected, Judge(TestMeasures.Make("WM 03", Polarity.LowerIsBetter, target: 80, tolerance: Margin.Absolute(10), unit: MeasureUnit.Number), value).Rag);

    // Target of zero: a percentage tolerance is zero wide, so any miss is Red; an absolute one still gives an Amber band.
    [Theory]
    [InlineData(0, "5%", RagStatus.Green)]
    [InlineData(1, "5%", RagStatus.Red)]
    [InlineData(1, "2", RagStatus.Amber)]
    [InlineData(3, "2", RagStatus.Red)]
    public void Rag_TargetOfZero_LowerIsBetter(decimal value, string tolerance, RagStatus expected)
    {
        Assert.True(Margin.TryParse(tolerance, out var margin));
        Assert.Equal(expected, Judge(TestMeasures.Make("HS 1", Polarity.LowerIsBetter, target: 0, tolerance: margin, unit: MeasureUnit.Number), value).Rag);
    }

    [Fact]
    public void Rag_ProfiledTarget_UsesThePeriodsOwnTarget()
    {
        var measure = TestMeasures.Make("RB 03", frequency: Frequency.Monthly, target: 97.5m) with
        {
            Targets = TargetSchedule.Of(97.5m).ForPeriod(ReportingPeriod.Parse("Sep 2026"), 56m),
        };
        var september = StatusRules.Judge(measure, ReportingPeriod.Parse("Sep 2026"), 55.5m, null, null, StatusPolicy.Default);
        Assert.Equal(56m, september.Thresholds!.Target);
        Assert.Equal(RagStatus.Amber, september.Rag);
    }

    [Fact]
    public void TargetSchedule_MostSpecificWins()
    {
        var schedule = TargetSchedule.Of(50).ForYear(new FinancialYear(2026), 52).ForPeriod(ReportingPeriod.Parse("Q4 2026/27"), 55);
        Assert.Equal(55, schedule.For(ReportingPeriod.Parse("Q4 2026/27")));
        Assert.Equal(52, schedule.For(ReportingPeriod.Parse("Q1 2026/27")));
        Assert.Equal(50, schedule.For(ReportingPeriod.Parse("Q1 2027/28")));
        Assert.Null(TargetSchedule.None.For(ReportingPeriod.Parse("Q1 2027/28")));
    }

    [Theory]
    [InlineData(52, 50, DirectionOfTravel.Better)]
    [InlineData(48, 50, DirectionOfTravel.Worse)]
    [InlineData(50.4, 50, DirectionOfTravel.Stable)] // within 1% of 50 (0.5)
    [InlineData(49.5, 50, DirectionOfTravel.Stable)] // exactly on the band's edge
    [InlineData(49.4, 50, DirectionOfTravel.Worse)]
    public void VsPrevious_HigherIsBetter(decimal value, decimal previous, DirectionOfTravel expected) =>
        Assert.Equal(expected, Judge(TestMeasures.Make(), value, previous).VsPrevious.Direction);

    [Theory]
    [InlineData(18, 20, DirectionOfTravel.Better)] // fewer days is better
    [InlineData(22, 20, DirectionOfTravel.Worse)]
    public void VsPrevious_LowerIsBetter_DownIsBetter(decimal value, decimal previous, DirectionOfTravel expected) =>
        Assert.Equal(expected, Judge(TestMeasures.Make("RB 01", Polarity.LowerIsBetter, target: 20, unit: MeasureUnit.Days), value, previous).VsPrevious.Direction);

    [Fact]
    public void VsPrevious_MissingPreviousPeriod_IsNotComparable()
    {
        var judgement = Judge(TestMeasures.Make(), 50, previous: null, lastYear: 45);
        Assert.Equal(DirectionOfTravel.NotComparable, judgement.VsPrevious.Direction);
        Assert.Equal(ReportingPeriod.Parse("Q1 2026/27"), judgement.VsPrevious.Against);
        Assert.Equal(DirectionOfTravel.Better, judgement.VsSamePeriodLastYear.Direction);
        Assert.Equal(ReportingPeriod.Parse("Q2 2025/26"), judgement.VsSamePeriodLastYear.Against);
    }

    [Fact]
    public void Describe_UsesBetterAndWorseWithThePeriodAndValue()
    {
        var measure = TestMeasures.Make();
        Assert.Equal("worse than Q1 2026/27 (52.0%)", Judge(measure, 48, previous: 52).VsPrevious.Describe(measure));
        Assert.Equal("no figure for Q2 2025/26 to compare", Judge(measure, 48).VsSamePeriodLastYear.Describe(measure));
    }

    [Fact]
    public void NoTarget_NoRag_StatusFromDirection_WorseningNeedsAnActionNote()
    {
        var measure = TestMeasures.Make("HS 02", target: null);
        var worse = Judge(measure, 40, previous: 45);
        Assert.Null(worse.Rag);
        Assert.Null(worse.Thresholds);
        Assert.True(worse.IsOffTrack);
        Assert.True(worse.Requirements.ActionNoteRequired);
        Assert.Equal("Worse than Q1 2026/27 with no target set: an action note is required.", worse.Requirements.ActionNoteReason);

        var better = Judge(measure, 50, previous: 45);
        Assert.False(better.IsOffTrack);
        Assert.False(better.Requirements.ActionNoteRequired);
    }

    [Fact]
    public void ContextOnly_NoRag_NoBetterOrWorse_NeverNeedsAnActionNote()
    {
        var measure = TestMeasures.Make("HS 01", Polarity.None, target: 100, unit: MeasureUnit.Number);
        var judgement = Judge(measure, 140, previous: 100);
        Assert.Null(judgement.Rag);
        Assert.Equal(DirectionOfTravel.Higher, judgement.VsPrevious.Direction);
        Assert.False(judgement.Requirements.ActionNoteRequired);
        Assert.True(judgement.Requirements.CommentaryRequired);
    }

    [Theory]
    [InlineData(50, false, null)]
    [InlineData(49, true, "Below target (50.0%): an action note is required.")]
    [InlineData(30, true, "Below target (50.0%): an action note is required.")]
    public void Requirements_BelowTarget_NeedsAnActionNote(decimal value, bool required, string? reason)
    {
        var requirements = Judge(TestMeasures.Make(), value).Requirements;
        Assert.Equal(required, requirements.ActionNoteRequired);
        Assert.Equal(reason, requirements.ActionNoteReason);
    }

    [Fact]
    public void Requirements_CommentaryWhenOffTargetOnly_NotRequiredWhenGreen()
    {
        var policy = StatusPolicy.Default with { Commentary = CommentaryPolicy.WhenOffTarget };
        Assert.False(Judge(TestMeasures.Make(), 55, policy: policy).Requirements.CommentaryRequired);
        Assert.True(Judge(TestMeasures.Make(), 45, policy: policy).Requirements.CommentaryRequired);
    }

    [Fact]
    public void ProblemsWith_StatesEachMissingText()
    {
        var requirements = Judge(TestMeasures.Make(), 40).Requirements;
        Assert.Equal(
            ["Commentary is required: say what lies behind this figure.", "Below target (50.0%): an action note is required."],
            requirements.ProblemsWith("  ", null));
        Assert.Empty(requirements.ProblemsWith("Two crews off sick", "Agency cover from Monday"));
        Assert.Contains(requirements.ProblemsWith(new string('x', 4001), "ok"), p => p.StartsWith("Commentary is 4,001 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 40.0, 42, 44, 46 }, Trend.Improving)]
    [InlineData(new[] { 46.0, 44, 42, 40 }, Trend.Worsening)]
    [InlineData(new[] { 50.0, 50.1, 49.9, 50 }, Trend.Stable)]
    [InlineData(new[] { 50.0, 60 }, Trend.NotEnoughData)]
    [InlineData(new[] { 10.0, 10, 10, 10, 10, 10, 40, 42, 44, 46, 48, 50 }, Trend.Improving)] // only the last six count
    public void Trend_HigherIsBetter(double[] values, Trend expected) =>
        Assert.Equal(expected, TrendAssessment.Assess(values.Select(v => (decimal)v).ToList(), Polarity.HigherIsBetter, Margin.DefaultStableBand));

    [Fact]
    public void Trend_LowerIsBetter_FallingIsImproving() =>
        Assert.Equal(Trend.Improving, TrendAssessment.Assess([25m, 23m, 21m, 19m], Polarity.LowerIsBetter, Margin.DefaultStableBand));

    [Fact]
    public void Trend_ContextOnly_RisingNotBetter() =>
        Assert.Equal(Trend.Rising, TrendAssessment.Assess([100m, 110m, 120m], Polarity.None, Margin.DefaultStableBand));
}
