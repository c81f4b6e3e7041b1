using System.Text;
using PmfBot.Cards;
using PmfBot.Cards.Digests;
using PmfBot.Cards.Scorecards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Status;
using PmfBot.Features.Digests;
using PmfBot.Features.Scorecards;

namespace PmfBot.Tests.Digests;

/// <summary>The whole council's digest and scorecard stay under Teams' size limit however big the council.</summary>
public class DigestSizeTests
{
    /// <summary>Teams takes messages of about 100 KB; PmfBot keeps every card under 80 KB.</summary>
    private const int CardLimit = 80 * 1024;

    private static readonly DateTimeOffset To = UkTime.At(new DateOnly(2026, 11, 9), new TimeOnly(9, 0));
    private static readonly DateTimeOffset From = To.AddDays(-7);

    /// <summary>2,000 monthly measures in 40 services, five years of history each, the worst week imaginable: every one Red this week, with long commentary, overdue, and escalated.</summary>
    private static (CouncilCatalogue Council, List<MeasureFacts> Facts, List<Escalation> Escalations) WorstCouncil()
    {
        var chief = PersonId.Parse("chief@demo.gov.uk");
        var departments = Enumerable.Range(0, 4).Select(d => new Department($"dept-{d}", $"Department {d}", chief)).ToList();
        var services = Enumerable.Range(0, 40).Select(s => new Service($"service-{s}", $"Service number {s}", $"dept-{s % 4}")).ToList();
        var people = Enumerable.Range(0, 200).Select(p => new Person(PersonId.Parse($"person{p}@demo.gov.uk"), $"Person With A Long Name {p}")).ToList();
        var measures = Enumerable.Range(0, 2000).Select(i => new Measure
        {
            Reference = MeasureReference.Parse($"PI {i:0000}"),
            Title = $"A long measure title that says exactly what is counted and how, number {i}, as councils write them",
            ServiceCode = $"service-{i % 40}",
            Unit = MeasureUnit.Percentage,
            Polarity = Polarity.HigherIsBetter,
            Frequency = Frequency.Monthly,
            Targets = TargetSchedule.Of(80m),
            Owner = people[i % 200].Id,
            EscalationOwner = chief,
        }).ToList();
        var council = new CouncilCatalogue(
            departments, services, [], [.. people, new Person(chief, "Chief")], measures, []);

        var commentary = new string('x', 1900) + " the end.";
        var october = ReportingPeriod.CalendarMonth(2026, 10);
        var facts = measures.Select(m =>
        {
            var history = Enumerable.Range(0, 60).Select(back => new MeasureResult
            {
                Measure = m.Reference,
                Period = ReportingPeriod.Containing(new DateOnly(2026, 9, 1).AddMonths(-back), PeriodKind.Month),
                Value = 85m,
                Rag = RagStatus.Green,
                RecordedBy = m.Owner,
                RecordedAt = From.AddDays(-30 * (back + 1)),
            }).ToList();
            history.Add(new MeasureResult
            {
                Measure = m.Reference, Period = october, Value = 41.3m, Rag = RagStatus.Red, Commentary = commentary, ActionNote = commentary,
                RecordedBy = m.Owner, RecordedAt = From.AddDays(1),
            });
            return new MeasureFacts(m, history, [new OpenUpdate(m, ReportingPeriod.CalendarMonth(2026, 8), new Deadline(new DateOnly(2026, 9, 10), null))]);
        }).ToList();
        var escalations = measures.Select(m => new Escalation
        {
            Subject = m.Reference, Period = october, Trigger = EscalationTrigger.Red,
            EscalationOwner = chief, Owner = m.Owner, RaisedAt = From.AddDays(1),
        }).ToList();
        return (council, facts, escalations);
    }

    [Fact]
    public void TheWholeCouncilsDigest_StaysUnderTheLimit_AndCountsWhatItLeavesOff()
    {
        var (council, facts, escalations) = WorstCouncil();

        var digest = Digest.Compose(facts, escalations, From, To);
        var view = DigestViews.Of(digest, DigestScope.WholeCouncil, council, "Northmere District Council", late: false);
        var json = CardJson.ToJson(DigestCard.Build(view));

        Assert.Equal(2000, digest.Reds.Count);
        Assert.All(view.Sections, s => Assert.True(s.Items.Count <= DigestViews.MaxLinesPerSection));
        Assert.Equal(2000 - DigestViews.MaxLinesPerSection, view.Sections.Single(s => s.Heading == "Red (2000)").More);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, CardLimit);
    }

    [Fact]
    public void TheWholeCouncilsScorecard_StaysUnderTheLimit()
    {
        var (council, facts, escalations) = WorstCouncil();

        var scorecard = Scorecard.For(
            DigestScope.WholeCouncil, facts.Select(f => (f.Measure, f.History)), escalations, Domain.Status.StatusPolicy.Default);
        var view = ScorecardViews.Of(scorecard, "Northmere District Council scorecard", council, To);
        var json = CardJson.ToJson(ScorecardCard.Build(view));

        Assert.Equal(2000 - ScorecardViews.MaxLines, view.More);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, CardLimit);
    }
}
