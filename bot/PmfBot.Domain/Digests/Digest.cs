using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;

namespace PmfBot.Domain.Digests;

/// <summary>
/// What is known of one measure for a digest: its figures, and the updates it owes as of the digest's end.
/// </summary>
public sealed record MeasureFacts(
    Measure Measure,
    IReadOnlyList<MeasureResult> History,
    IReadOnlyList<OpenUpdate> Owed
);

/// <summary>A measure whose standing changed during the week ("Amber → Red").</summary>
public sealed record StandingChange(Measure Measure, Standing From, Standing To, MeasureResult Latest);

/// <summary>A measure standing at Red, with the figure that put it there (its commentary and action note).</summary>
public sealed record RedMeasure(Measure Measure, MeasureResult Latest);

/// <summary>An escalation that moved during the week, listed once however much happened to it.</summary>
/// <param name="Opened">Raised during the week.</param>
/// <param name="Decision">The decision taken during the week (not a question), if one was.</param>
public sealed record EscalationInWeek(Escalation Escalation, bool Opened, EscalationDecision? Decision);

/// <summary>A week of a scope's performance, as a management channel reads it on Monday morning.</summary>
/// <param name="From">The week's start (the previous posting time).</param>
/// <param name="To">The week's end (this posting time): standings are as known then.</param>
/// <param name="NewFigures">Figures recorded during the week.</param>
/// <param name="Overdue">Updates past their deadline, most overdue first.</param>
/// <param name="DueNextWeek">Updates whose deadline falls in the seven days from <paramref name="To"/>, soonest
/// first.</param>
/// <param name="Escalations">Escalations raised or decided during the week, each once: raised first, in order.</param>
/// <param name="StillOpen">Escalations waiting for a decision at the week's end.</param>
public sealed record Digest(
    DateTimeOffset From,
    DateTimeOffset To,
    int Measures,
    StandingCounts Now,
    StandingCounts WeekAgo,
    int NewFigures,
    IReadOnlyList<StandingChange> Changes,
    IReadOnlyList<RedMeasure> Reds,
    IReadOnlyList<OpenUpdate> Overdue,
    IReadOnlyList<OpenUpdate> DueNextWeek,
    IReadOnlyList<EscalationInWeek> Escalations,
    int StillOpen
)
{
    /// <summary>The scope's activities and milestones: late, off track, completed during the week.</summary>
    public PlanActivities.PlanActivityWeek Activities { get; init; } = PlanActivities.PlanActivityWeek.Empty;

    /// <summary>Escalations raised during the week.</summary>
    public int Opened => Escalations.Count(e => e.Opened);

    /// <summary>Escalations decided during the week (whenever they were raised).</summary>
    public int Decided => Escalations.Count(e => e.Decision is not null);

    /// <summary>Nothing happened and nothing is owed: the digest says so in one line.</summary>
    public bool IsQuiet =>
        NewFigures == 0
        && Changes.Count == 0
        && Overdue.Count == 0
        && DueNextWeek.Count == 0
        && Escalations.Count == 0
        && Activities.IsQuiet;

    /// <summary>
    /// Composes a week's digest. Pure: the caller reads the measures' figures and owed updates
    /// (as of <paramref name="to"/>) and the escalations on them that were open or changed in the week.
    /// </summary>
    public static Digest Compose(
        IReadOnlyList<MeasureFacts> measures,
        IEnumerable<Escalation> escalations,
        DateTimeOffset from,
        DateTimeOffset to
    )
    {
        var changes = new List<StandingChange>();
        var reds = new List<RedMeasure>();
        var now = new List<Standing>(measures.Count);
        var before = new List<Standing>(measures.Count);
        var newFigures = 0;
        foreach (var facts in measures)
        {
            var latest = StandingRules.LatestKnownAt(facts.History, to);
            var earlier = StandingRules.LatestKnownAt(facts.History, from);
            var (standing, was) = (StandingRules.Of(latest), StandingRules.Of(earlier));
            now.Add(standing);
            before.Add(was);
            newFigures += facts.History.Count(r => r.FirstRecordedAt > from && r.FirstRecordedAt <= to);
            if (latest is not null && standing != was)
            {
                changes.Add(new StandingChange(facts.Measure, was, standing, latest));
            }

            if (standing == Standing.Red)
            {
                reds.Add(new RedMeasure(facts.Measure, latest!));
            }
        }

        var nextWeek = UkTime.DateAt(to).AddDays(7);
        var owed = measures.SelectMany(m => m.Owed).ToList();
        var inScope = measures.Select(m => m.Measure.Reference).ToHashSet();
        var relevant = escalations.Where(e => inScope.Contains(e.Measure)).ToList();
        return new Digest(
            from,
            to,
            measures.Count,
            StandingCounts.Of(now),
            StandingCounts.Of(before),
            newFigures,
            [.. changes.OrderBy(c => Severity(c.To)).ThenBy(c => c.Measure.Reference.Key, StringComparer.Ordinal)],
            [
                .. reds.OrderByDescending(r => r.Latest.RecordedAt)
                    .ThenBy(r => r.Measure.Reference.Key, StringComparer.Ordinal),
            ],
            [
                .. owed.Where(o => o.Deadline.IsOverdueAt(to))
                    .OrderBy(o => o.Deadline.Date)
                    .ThenBy(o => o.Measure.Reference.Key, StringComparer.Ordinal),
            ],
            [
                .. owed.Where(o => !o.Deadline.IsOverdueAt(to) && o.Deadline.Date < nextWeek)
                    .OrderBy(o => o.Deadline.Date)
                    .ThenBy(o => o.Measure.Reference.Key, StringComparer.Ordinal),
            ],
            [
                .. relevant
                    .Select(e => new EscalationInWeek(
                        e,
                        e.RaisedAt > from && e.RaisedAt <= to,
                        DecisionDuring(e, from, to)
                    ))
                    .Where(e => e.Opened || e.Decision is not null)
                    .OrderBy(e => e.Opened ? 0 : 1)
                    .ThenBy(e => e.Opened ? e.Escalation.RaisedAt : e.Decision!.At)
                    .ThenBy(e => e.Escalation.Measure.Key, StringComparer.Ordinal),
            ],
            relevant.Count(e => e.State == EscalationState.Open && e.RaisedAt <= to)
        );
    }

    /// <summary>The decision taken during the week, if there was one (not a question).</summary>
    public static EscalationDecision? DecisionDuring(Escalation escalation, DateTimeOffset from, DateTimeOffset to) =>
        escalation.Decisions.LastOrDefault(d => d.Kind != DecisionKind.AskForInformation && d.At > from && d.At <= to);

    // Worse news first: a measure turning Red matters more than one turning Green.
    private static int Severity(Standing standing) =>
        standing switch
        {
            Standing.Red => 0,
            Standing.Amber => 1,
            Standing.Green => 2,
            _ => 3,
        };
}
