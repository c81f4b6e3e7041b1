using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Tests.Digests;

public class DigestTests
{
    private static readonly DateTimeOffset To = UkTime.At(new DateOnly(2026, 11, 23), new TimeOnly(9, 0));
    private static readonly DateTimeOffset From = To.AddDays(-7);
    private static readonly ReportingPeriod Sep = ReportingPeriod.CalendarMonth(2026, 9);
    private static readonly ReportingPeriod Oct = ReportingPeriod.CalendarMonth(2026, 10);

    private static MeasureResult Figure(Measure measure, ReportingPeriod period, decimal value, RagStatus? rag, DateTimeOffset at, string? commentary = null) => new()
    {
        Measure = measure.Reference,
        Period = period,
        Value = value,
        Rag = rag,
        Commentary = commentary,
        RecordedBy = measure.Owner,
        RecordedAt = at,
    };

    private static OpenUpdate Owed(Measure measure, ReportingPeriod period, DateOnly deadline) => new(measure, period, new Deadline(deadline, null));

    [Fact]
    public void AKnownWeek_CountsMovesRedsOverdueAndEscalations()
    {
        var turnedRed = TestMeasures.Make("CS 02", frequency: Frequency.Monthly);
        var steadyGreen = TestMeasures.Make("CS 01", frequency: Frequency.Monthly);
        var firstFigure = TestMeasures.Make("IG 01", frequency: Frequency.Monthly);
        var late = TestMeasures.Make("HR 01", frequency: Frequency.Monthly);
        var dueSoon = TestMeasures.Make("FI 01", frequency: Frequency.Monthly);
        var contextOnly = TestMeasures.Make("HS 01", target: null);

        var measures = new List<MeasureFacts>
        {
            new(turnedRed, [Figure(turnedRed, Sep, 81, RagStatus.Green, From.AddDays(-30)), Figure(turnedRed, Oct, 61.5m, RagStatus.Red, From.AddDays(2), "Two advisers off sick.")], []),
            new(steadyGreen, [Figure(steadyGreen, Sep, 91, RagStatus.Green, From.AddDays(-30)), Figure(steadyGreen, Oct, 92, RagStatus.Green, From.AddDays(1))], []),
            new(firstFigure, [Figure(firstFigure, Oct, 93, RagStatus.Amber, From.AddDays(3))], []),
            new(late, [Figure(late, Sep, 9.9m, RagStatus.Red, From.AddDays(-40), "Long-term absences.")], [Owed(late, Oct, new DateOnly(2026, 11, 10))]),
            new(dueSoon, [], [Owed(dueSoon, Oct, new DateOnly(2026, 11, 27))]),
            new(contextOnly, [Figure(contextOnly, ReportingPeriod.Parse("FY2026-Q2"), 41, null, From.AddDays(-50))], []),
        };
        var opened = Escalation(turnedRed, Oct, From.AddDays(2));
        var decided = Escalation(late, Sep, From.AddDays(-20)) with
        {
            State = EscalationState.Decided,
            Decisions = [new EscalationDecision(DecisionKind.ApproveAction, TestMeasures.Chief, From.AddDays(4), "Go ahead.", null)],
        };
        var elsewhere = Escalation(TestMeasures.Make("NI 192"), ReportingPeriod.Parse("FY2026-Q2"), From.AddDays(1));

        var digest = Digest.Compose(measures, [opened, decided, elsewhere], From, To);

        Assert.Equal(6, digest.Measures);
        Assert.Equal(new StandingCounts(Green: 1, Amber: 1, Red: 2, NoTarget: 1, NoFigure: 1), digest.Now);
        Assert.Equal(new StandingCounts(Green: 2, Amber: 0, Red: 1, NoTarget: 1, NoFigure: 2), digest.WeekAgo);
        Assert.Equal(3, digest.NewFigures);
        Assert.Equal(
            [("CS 02", Standing.Green, Standing.Red), ("IG 01", Standing.NoFigure, Standing.Amber)],
            digest.Changes.Select(c => (c.Measure.Reference.Value, c.From, c.To)));
        Assert.Equal(["CS 02", "HR 01"], digest.Reds.Select(r => r.Measure.Reference.Value));
        Assert.Equal("Two advisers off sick.", digest.Reds[0].Latest.Commentary);
        Assert.Equal(["HR 01"], digest.Overdue.Select(o => o.Measure.Reference.Value));
        Assert.Equal(["FI 01"], digest.DueNextWeek.Select(o => o.Measure.Reference.Value));
        Assert.Equal(
            [new EscalationInWeek(opened, true, null), new EscalationInWeek(decided, false, decided.Decisions[0])],
            digest.Escalations);
        Assert.Equal((1, 1), (digest.Opened, digest.Decided));
        Assert.Equal(1, digest.StillOpen);
        Assert.False(digest.IsQuiet);
    }

    [Fact]
    public void AnEscalationOpenedAndDecidedInTheWeek_IsListedOnce_WithItsDecision()
    {
        var measure = TestMeasures.Make("CS 02", frequency: Frequency.Monthly);
        var decision = new EscalationDecision(
            DecisionKind.ApproveAction, TestMeasures.Chief, From.AddDays(3), "Go ahead.", null);
        var question = new EscalationDecision(
            DecisionKind.AskForInformation, TestMeasures.Chief, From.AddDays(2), "How long?", null);
        var escalation = Escalation(measure, Sep, From.AddDays(1)) with
        {
            State = EscalationState.Decided,
            Decisions = [question, decision],
        };

        var digest = Digest.Compose([new MeasureFacts(measure, [], [])], [escalation], From, To);

        Assert.Equal([new EscalationInWeek(escalation, true, decision)], digest.Escalations);
        Assert.Equal((1, 1, 0), (digest.Opened, digest.Decided, digest.StillOpen));
    }

    [Fact]
    public void AWeekWithNothingNew_IsQuiet()
    {
        var measure = TestMeasures.Make("CS 01", frequency: Frequency.Monthly);
        var digest = Digest.Compose([new MeasureFacts(measure, [Figure(measure, Sep, 91, RagStatus.Green, From.AddDays(-30))], [])], [], From, To);

        Assert.True(digest.IsQuiet);
        Assert.Empty(digest.Changes);
        Assert.Equal(1, digest.Now.Green);
    }

    [Fact]
    public void AFigureRecordedAfterTheWeekEnds_WaitsForNextWeek()
    {
        var measure = TestMeasures.Make("CS 02", frequency: Frequency.Monthly);
        var digest = Digest.Compose([new MeasureFacts(measure, [Figure(measure, Oct, 50, RagStatus.Red, To.AddMinutes(1))], [])], [], From, To);

        Assert.Equal(0, digest.NewFigures);
        Assert.Equal(1, digest.Now.NoFigure);
        Assert.Empty(digest.Reds);
    }

    [Fact]
    public void ASparkline_RunsFromLowestToHighest()
    {
        Assert.Equal("▁▃▅█", Sparkline.Of([10m, 13m, 16m, 20m]));
        Assert.Equal("▄▄▄", Sparkline.Of([5m, 5m, 5m]));
        Assert.Equal(string.Empty, Sparkline.Of([]));
    }

    private static Escalation Escalation(Measure measure, ReportingPeriod period, DateTimeOffset raised) => new()
    {
        Subject = measure.Reference,
        Period = period,
        Trigger = EscalationTrigger.Red,
        EscalationOwner = TestMeasures.Chief,
        Owner = TestMeasures.Owner,
        RaisedAt = raised,
    };

    [Fact]
    public void AFigureCorrectedAfterLastWeeksDigest_IsComparedWithWhatThatDigestSaw()
    {
        var measure = TestMeasures.Make("CS 02", frequency: Frequency.Monthly);
        var sep = Figure(measure, Sep, 74, RagStatus.Red, From.AddDays(-40));
        var published = Figure(measure, Oct, 81.2m, RagStatus.Green, From.AddDays(-2)); // last week's digest saw Green
        var (corrected, _) = Correction.Apply(
            published, measure, 78, "Logger read for the wrong month.", null,
            Judged(RagStatus.Amber),
            measure.Owner, From.AddDays(1), "The call logger was read for the wrong month.");

        var digest = Digest.Compose([new(measure, [sep, corrected], [])], [], From, To);

        var change = Assert.Single(digest.Changes);
        Assert.Equal((Standing.Green, Standing.Amber), (change.From, change.To)); // not Red (September) → Amber
        Assert.Equal(1, digest.WeekAgo.Green);
        Assert.Equal(0, digest.NewFigures); // a correction is not a new figure
    }

    [Fact]
    public void AsKnownAt_GivesEachVersionForItsOwnTime_AndNothingBeforeTheFirst()
    {
        var measure = TestMeasures.Make("CS 02", frequency: Frequency.Monthly);
        var v1 = Figure(measure, Oct, 61.5m, RagStatus.Red, From, "Two advisers off sick.");
        MeasureResult Corrected(MeasureResult current, decimal value, RagStatus rag, int days, string why) =>
            Correction.Apply(current, measure, value, null, null, Judged(rag), measure.Owner, From.AddDays(days), why)
                .Corrected;
        var v2 = Corrected(v1, 81.2m, RagStatus.Green, 2, "Double-counted.");
        var v3 = Corrected(v2, 78m, RagStatus.Amber, 4, "Wrong month.");

        Assert.Null(v3.AsKnownAt(From.AddMinutes(-1)));
        Assert.Equal((1, 61.5m, RagStatus.Red, (string?)null), Seen(v3.AsKnownAt(From.AddDays(1))!));
        Assert.Equal((2, 81.2m, RagStatus.Green, (string?)null), Seen(v3.AsKnownAt(From.AddDays(3))!));
        Assert.Same(v3, v3.AsKnownAt(From.AddDays(5)));
        Assert.Equal([1, 2], v3.Earlier.Select(v => v.Version));
        Assert.Equal(From, v3.FirstRecordedAt);

        static (int, decimal, RagStatus?, string?) Seen(MeasureResult r) => (r.Version, r.Value, r.Rag, r.Commentary);
    }

    private static Judgement Judged(RagStatus rag) =>
        new(
            null,
            rag,
            new Comparison(Sep, null, DirectionOfTravel.NotComparable),
            new Comparison(Sep, null, DirectionOfTravel.NotComparable),
            new UpdateRequirements(false, false, null));
}

public class ScorecardTests
{
    private static MeasureResult Figure(Measure measure, ReportingPeriod period, decimal value) => new()
    {
        Measure = measure.Reference, Period = period, Value = value, Rag = RagStatus.Green, RecordedBy = measure.Owner, RecordedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void DirectionOfTravel_IsAgainstThePeriodBefore_NotTheFigureBefore()
    {
        var measure = TestMeasures.Make("CS 02", frequency: Frequency.Monthly);
        var (jul, aug, sep) = (ReportingPeriod.CalendarMonth(2026, 7), ReportingPeriod.CalendarMonth(2026, 8), ReportingPeriod.CalendarMonth(2026, 9));

        var waste = DigestScope.OfService("waste");
        var gap = Scorecard.For(
            waste, [(measure, [Figure(measure, jul, 90), Figure(measure, sep, 60)])], [], StatusPolicy.Default).Lines[0];
        var run = Scorecard.For(
            waste, [(measure, [Figure(measure, aug, 90), Figure(measure, sep, 60)])], [], StatusPolicy.Default).Lines[0];

        Assert.Equal((aug, (decimal?)null, DirectionOfTravel.NotComparable), (gap.VsPrevious!.Against, gap.VsPrevious.EarlierValue, gap.VsPrevious.Direction));
        Assert.Equal((aug, (decimal?)90, DirectionOfTravel.Worse), (run.VsPrevious!.Against, run.VsPrevious.EarlierValue, run.VsPrevious.Direction));
        Assert.Null(Scorecard.For(waste, [(measure, [])], [], StatusPolicy.Default).Lines[0].VsPrevious);
    }

}
