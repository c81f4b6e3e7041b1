using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Domain.Standings;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Tests.Standings;

public class MeasureStandingTests
{
    private static readonly MeasureReference Ni192 = MeasureReference.Parse("NI 192");
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static MeasureResult Figure(
        ReportingPeriod period, decimal value, int version = 1, string? commentary = "As expected.") => new()
    {
        Measure = Ni192,
        Period = period,
        Value = value,
        Commentary = commentary,
        ActionNote = value < 50 ? "Recovery plan." : null,
        RecordedBy = TestMeasures.Owner,
        RecordedAt = Start.AddDays(version),
        Rag = value < 50 ? RagStatus.Red : RagStatus.Green,
        Version = version,
    };

    private static DeadlineExtension Extension(
        ReportingPeriod period, string id, ExtensionDecision decision = ExtensionDecision.Pending) => new()
    {
        Id = id,
        Measure = Ni192,
        Period = period,
        NewDeadline = period.DayAfterEnd.AddDays(40),
        Reason = "Data late from the contractor.",
        RequestedBy = TestMeasures.Owner,
        RequestedAt = Start,
        Decision = decision,
        DecidedBy = decision == ExtensionDecision.Pending ? null : TestMeasures.Chief,
    };

    /// <summary>
    /// The standing's promise: after any sequence of recordings and corrections, delivered in any
    /// order and any number of times, it equals the standing computed from the final history.
    /// </summary>
    [Theory]
    [InlineData(PeriodKind.Month, 1)]
    [InlineData(PeriodKind.Month, 2)]
    [InlineData(PeriodKind.Month, 3)]
    [InlineData(PeriodKind.Quarter, 4)]
    [InlineData(PeriodKind.Half, 5)]
    [InlineData(PeriodKind.Year, 6)]
    public void AnySequenceOfEvents_InAnyOrder_EndsWhereHistoryDoes(PeriodKind kind, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var first = kind switch
            {
                PeriodKind.Month => ReportingPeriod.CalendarMonth(2024, 1 + random.Next(12)),
                PeriodKind.Quarter => ReportingPeriod.Parse("FY2023-Q1"),
                PeriodKind.Half => ReportingPeriod.Parse("FY2021-H1"),
                _ => ReportingPeriod.Parse("2018/19"),
            };
            var periods = new List<ReportingPeriod> { first };
            for (var i = 1; i < 30; i++)
            {
                periods.Add(Next(periods[^1]));
            }

            // Events: first recordings of some periods, then corrections of some of them.
            var events = new List<MeasureResult>();
            var history = new Dictionary<ReportingPeriod, MeasureResult>();
            foreach (var period in periods.Where(_ => random.Next(4) > 0))
            {
                var figure = Figure(period, random.Next(20, 90));
                events.Add(figure);
                history[period] = figure;
                for (var v = 2; random.Next(3) == 0 && v < 5; v++)
                {
                    figure = Figure(period, random.Next(20, 90), v, random.Next(2) == 0 ? null : $"Corrected (v{v}).");
                    events.Add(figure);
                    history[period] = figure;
                }
            }

            var delivered = events.Concat(events.Where(_ => random.Next(5) == 0)).OrderBy(_ => random.Next()).ToList();
            var folded = delivered.Aggregate(MeasureStanding.Empty(Ni192), (s, e) => s.With(e));
            var truth = MeasureStanding.FromHistory(Ni192, history.Values, [], []);

            Assert.True(truth.SameAs(folded), $"Round {round}: {Describe(folded)} ≠ {Describe(truth)}");
            Assert.True(truth.Recent.Count <= MeasureStanding.SeriesLength(kind));
            if (history.Count > 0)
            {
                Assert.Equal(history.Values.MaxBy(r => r.Period), truth.Latest);
            }
        }
    }

    [Fact]
    public void AnOlderVersion_ArrivingAfterANewerOne_ChangesNothing()
    {
        var october = ReportingPeriod.CalendarMonth(2026, 10);
        var corrected = MeasureStanding.Empty(Ni192).With(Figure(october, 74.1m, version: 2));

        var after = corrected.With(Figure(october, 85m, version: 1));

        Assert.Same(corrected, after);
        Assert.Equal(74.1m, after.Latest!.Value);
    }

    [Fact]
    public void TheSameEventTwice_ChangesNothing_TheSecondTime()
    {
        var once = MeasureStanding.Empty(Ni192).With(Figure(ReportingPeriod.CalendarMonth(2026, 10), 60m));

        Assert.Same(once, once.With(Figure(ReportingPeriod.CalendarMonth(2026, 10), 60m)));
    }

    [Fact]
    public void ThirteenMonths_AreKept_AndOnlyTheNewestKeepTheirCommentary()
    {
        var standing = MeasureStanding.Empty(Ni192);
        var period = ReportingPeriod.CalendarMonth(2024, 11);
        for (var i = 0; i < 24; i++, period = Next(period))
        {
            standing = standing.With(Figure(period, 60m + i));
        }

        Assert.Equal(13, standing.Recent.Count);
        Assert.Equal(ReportingPeriod.CalendarMonth(2026, 10), standing.Latest!.Period);
        Assert.Equal(ReportingPeriod.CalendarMonth(2025, 10), standing.Recent[0].Period); // the same month last year
        Assert.Equal(
            [.. Enumerable.Repeat<string?>(null, 10), "As expected.", "As expected.", "As expected."],
            standing.Recent.Select(r => r.Commentary));
    }

    [Fact]
    public void AFigureForAPeriodOlderThanTheSeries_ChangesNothing()
    {
        var standing = MeasureStanding.Empty(Ni192).With(Figure(ReportingPeriod.CalendarMonth(2026, 10), 60m));

        Assert.Same(standing, standing.With(Figure(ReportingPeriod.CalendarMonth(2025, 1), 70m)));
    }

    [Fact]
    public void ADecidedExtension_IsNeverUndone_ByItsRequestArrivingLate()
    {
        var october = ReportingPeriod.CalendarMonth(2026, 10);
        var decided = MeasureStanding.Empty(Ni192).With(Extension(october, "x1", ExtensionDecision.Approved));

        var after = decided.With(Extension(october, "x1"));

        Assert.Same(decided, after);
        Assert.Equal(ExtensionDecision.Approved, Assert.Single(after.Extensions).Decision);
    }

    [Fact]
    public void ItsOpenUpdates_AreHistorys_AsOfAnyInstant()
    {
        var measure = TestMeasures.Make(frequency: Frequency.Monthly);
        var september = ReportingPeriod.CalendarMonth(2026, 9);
        var standing = MeasureStanding.Empty(Ni192).With(Figure(september, 55m))
            .With(Extension(september.Previous, "x2", ExtensionDecision.Approved));
        var policy = UpdateCyclePolicy.Default;
        var now = new DateTimeOffset(2026, 11, 7, 9, 0, 0, TimeSpan.Zero);

        var owed = standing.OpenAt(measure, now, policy).Select(o => o.Period).ToList();
        var fromHistory = OpenUpdates.For(
            measure, (_, p) => p == september, (_, p) => standing.ExtensionsFor(p), now, policy).Select(o => o.Period);

        Assert.Equal(fromHistory, owed);
        Assert.Contains(ReportingPeriod.CalendarMonth(2026, 10), owed);
        Assert.DoesNotContain(september, owed);
    }

    /// <summary>An escalation on a period, at a revision: decided once, then closed.</summary>
    private static Escalation EscalationAt(ReportingPeriod period, int revision)
    {
        var raised = new Escalation
        {
            Subject = Ni192, Period = period, Trigger = EscalationTrigger.Red,
            EscalationOwner = TestMeasures.Chief, Owner = TestMeasures.Owner, RaisedAt = Start,
        };
        var decided = revision < 1 ? raised : raised.Decide(
            new EscalationDecision(DecisionKind.ApproveAction, TestMeasures.Chief, Start.AddDays(1), "Agreed.", null));
        return revision < 2
            ? decided
            : decided.Close(new EscalationClosure(Start.AddDays(30), "Back within tolerance."));
    }

    [Fact]
    public void EscalationChanges_InAnyOrder_EndAtTheNewestRevisionOfEach()
    {
        var random = new Random(7);
        var periods = new List<ReportingPeriod> { ReportingPeriod.CalendarMonth(2025, 1) };
        while (periods.Count < 20)
        {
            periods.Add(periods[^1].Next);
        }

        for (var round = 0; round < 200; round++)
        {
            var finals = periods.Where(_ => random.Next(3) == 0).ToDictionary(p => p, _ => random.Next(3));
            var changes = finals.SelectMany(f => Enumerable.Range(0, f.Value + 1).Select(r => EscalationAt(f.Key, r)))
                .OrderBy(_ => random.Next()).ToList();
            var figure = Figure(periods[^1], 60m);

            var folded = changes.Aggregate(MeasureStanding.Empty(Ni192).With(figure), (s, x) => s.With(x));
            var truth = MeasureStanding.FromHistory(
                Ni192, [figure], [], finals.Select(f => EscalationAt(f.Key, f.Value)));

            Assert.True(truth.SameAs(folded), $"Round {round}");
            Assert.All(folded.Escalations, x => Assert.Equal(finals[x.Period], x.Revision));
        }
    }

    [Fact]
    public void AnOlderRevision_ArrivingAfterTheClosure_DoesNotReopenIt()
    {
        var october = ReportingPeriod.CalendarMonth(2026, 10);
        var closed = MeasureStanding.Empty(Ni192).With(EscalationAt(october, 2));

        Assert.Same(closed, closed.With(EscalationAt(october, 0)));
        Assert.Empty(closed.NotClosed);
    }

    [Fact]
    public void BeyondTheSeries_AClosedEscalationKeepsItsFactsWithoutItsWords_AndOneNotClosedIsKeptWhole()
    {
        var old = ReportingPeriod.CalendarMonth(2025, 2);
        var standing = MeasureStanding.Empty(Ni192)
            .With(EscalationAt(old, 1))
            .With(EscalationAt(old.Previous, 2))
            .With(Figure(ReportingPeriod.CalendarMonth(2026, 10), 60m));

        Assert.Equal(old, Assert.Single(standing.NotClosed).Period);
        Assert.Equal("Agreed.", standing.NotClosed.Single().Outcome!.Note);
        var closed = standing.Escalations.Single(x => x.State == EscalationState.Closed);
        Assert.Equal((old.Previous, 2, null), (closed.Period, closed.Revision, closed.Outcome!.Note));
        Assert.Same(standing, standing.With(EscalationAt(old.Previous, 0))); // a late copy doesn't reopen it
    }

    [Fact]
    public void BeyondTheSeries_AReopenedEscalationsEarlierRounds_LoseTheirWordsToo()
    {
        var old = ReportingPeriod.CalendarMonth(2025, 2);
        var reopened = EscalationAt(old, 2).Reopen(EscalationTrigger.Red, Start.AddDays(31), "Hire two drivers.")
            .Close(new EscalationClosure(Start.AddDays(60), "Back within tolerance again."));

        var standing = MeasureStanding.Empty(Ni192)
            .With(reopened)
            .With(Figure(ReportingPeriod.CalendarMonth(2026, 10), 60m));

        var kept = Assert.Single(standing.Escalations);
        var round = Assert.Single(kept.EarlierRounds);
        Assert.Equal(
            (DecisionKind.ApproveAction, (string?)null, string.Empty),
            (round.Decisions[0].Kind, round.Decisions[0].Note, round.Closure.Why));
        Assert.Equal(reopened.Revision, kept.Revision); // the facts stay, so a late copy still can't undo it
    }

    private static ReportingPeriod Next(ReportingPeriod period) => period.Next;

    private static string Describe(MeasureStanding s) =>
        string.Join(", ", s.Recent.Select(r => $"{r.Period.Code} v{r.Version}={r.Value}"));

    /// <summary>What a report may print from the standing alone, and what it must ask history for.</summary>
    [Theory]
    [InlineData("Oct 2026", true, "60")] // the newest figure
    [InlineData("Aug 2026", true, "58")] // the third newest: still with its commentary
    [InlineData("Jul 2026", false, null)] // within the 13 months, but its commentary is history's now
    [InlineData("Nov 2026", true, null)] // newer than any figure: no return
    [InlineData("Sep 2025", false, null)] // before the standing's 13 months
    public void AReport_TakesFromTheStanding_OnlyWhatItHoldsInFull(string period, bool says, string? value)
    {
        var (history, month) = (new List<MeasureResult>(), ReportingPeriod.Parse("Jul 2025"));
        for (var i = 0; i < 16; i++, month = month.Next)
        {
            history.Add(Figure(month, 45 + i)); // Jul 2025 to Oct 2026
        }

        var standing = MeasureStanding.FromHistory(Ni192, history, [], []);

        var told = standing.TryGetFigure(ReportingPeriod.Parse(period), out var figure);

        Assert.Equal(says, told);
        Assert.Equal(value, figure?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(figure is null || figure.Commentary is not null);
    }
}
