using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Scorecards;

/// <summary>
/// One measure on a scorecard: its latest figure and standing, its direction of travel and trend, and any escalation
/// not yet closed.
/// </summary>
/// <param name="VsPrevious">The latest figure against the period before it (not merely the figure before it: a gap is
/// "no figure to compare"); null with no figure.</param>
/// <param name="Recent">The latest figures, oldest first (at most <see cref="Scorecard.TrendLength"/>): the
/// sparkline.</param>
public sealed record ScorecardLine(
    Measure Measure,
    MeasureResult? Latest,
    Standing Standing,
    Comparison? VsPrevious,
    Trend Trend,
    IReadOnlyList<decimal> Recent,
    Escalation? Escalation
);

/// <summary>
/// A scope's measures as they stand: what "how is my service doing?" answers with, and what goes to Cabinet each
/// quarter.
/// </summary>
public sealed record Scorecard(DigestScope Scope, IReadOnlyList<ScorecardLine> Lines)
{
    public const int TrendLength = 8;

    /// <summary>The scope's activities and milestones: how many stand where, and those off track or late.</summary>
    public PlanActivityScorecard Activities { get; init; } = PlanActivityScorecard.Empty;

    public StandingCounts Counts => StandingCounts.Of(Lines.Select(l => l.Standing));

    /// <summary>
    /// Composes the scorecard from each measure's figures (any order) and the escalations not yet closed.
    /// </summary>
    /// <param name="status">The council's status policy: its stable band judges trend and direction of travel.</param>
    public static Scorecard For(
        DigestScope scope,
        IEnumerable<(Measure Measure, IReadOnlyList<MeasureResult> History)> measures,
        IEnumerable<Escalation> notClosed,
        StatusPolicy status
    )
    {
        var escalations = notClosed
            .GroupBy(e => e.Measure)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Period).First());
        var lines = measures.Select(m =>
        {
            var history = m.History.OrderBy(r => r.Period).ToList();
            var latest = history.Count > 0 ? history[^1] : null;
            var recent = history.Skip(Math.Max(0, history.Count - TrendLength)).Select(r => r.Value).ToList();
            var trend = TrendAssessment.For(m.Measure, history, status.StableBand);
            var vsPrevious = latest is null
                ? null
                : Comparison.For(
                    m.Measure,
                    latest.Period,
                    latest.Value,
                    latest.Period.Previous,
                    history.FirstOrDefault(r => r.Period == latest.Period.Previous)?.Value,
                    status.StableBand
                );
            return new ScorecardLine(
                m.Measure,
                latest,
                StandingRules.Of(latest),
                vsPrevious,
                trend,
                recent,
                escalations.GetValueOrDefault(m.Measure.Reference)
            );
        });
        return new Scorecard(
            scope,
            [
                .. lines
                    .OrderBy(l => l.Measure.ServiceCode, StringComparer.Ordinal)
                    .ThenBy(l => l.Measure.Reference.Key, StringComparer.Ordinal),
            ]
        );
    }
}

/// <summary>A scope's activities on its scorecard: counts by status, and those needing attention (off track, then
/// late), each with its latest commentary.</summary>
public sealed record PlanActivityScorecard(
    PlanActivities.PlanActivityCounts Counts,
    IReadOnlyList<PlanActivities.PlanActivityStanding> NeedingAttention
)
{
    public static PlanActivityScorecard Empty { get; } = new(new PlanActivities.PlanActivityCounts(0, 0, 0, 0, 0), []);

    /// <summary>Where each activity stands now: those off track, late or escalated need attention.</summary>
    public static PlanActivityScorecard For(
        IEnumerable<(PlanActivity PlanActivity, IReadOnlyList<PlanActivities.PlanActivityProgress> History)> activities,
        DateTimeOffset now,
        Deadlines.UpdateCyclePolicy policy,
        IReadOnlyList<Escalation>? escalations = null
    )
    {
        var standings = activities
            .Select(a => PlanActivities.PlanActivityStanding.At(a.PlanActivity, a.History, now, policy, escalations))
            .ToList();
        return new PlanActivityScorecard(
            PlanActivities.PlanActivityCounts.Of(standings),
            [
                .. standings
                    .Where(s => s.IsOffTrack || s.IsLate || s.Escalation is not null)
                    .OrderBy(s => s.IsOffTrack ? 0 : 1)
                    .ThenBy(s => s.PlanActivity.ServiceCode, StringComparer.Ordinal)
                    .ThenBy(s => s.PlanActivity.Code, StringComparer.Ordinal),
            ]
        );
    }
}
