using PmfBot.Cards.Charts;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Standings;
using PmfBot.Wording;

namespace PmfBot.Features.PerformanceTab;

/// <summary>What is due next for a measure: "Oct 2026 due by 10 Nov 2026", and whether that day has passed.</summary>
public sealed record TabDue(string Period, string Text, bool Overdue);

/// <summary>One measure on the tab: where it stands, in words and as a trend.</summary>
/// <param name="Status">"Green", "Amber", "Red", "No target", "No figure": the filter's values, said in words.</param>
public sealed record TabMeasure(
    string Reference,
    string Title,
    string Service,
    string ServiceName,
    string Department,
    IReadOnlyList<string> Priorities,
    string Status,
    string? Latest,
    string Target,
    string? Direction,
    string? Commentary,
    string? ActionNote,
    TabDue? Due,
    string? Escalation,
    TrendView Trend
);

/// <summary>What the signed-in person sees, and what of it they may filter by (or pin a channel's tab to).</summary>
/// <param name="Reach">"your measures", "your service", "your department", "the council".</param>
public sealed record TabMeasures(
    string Person,
    string Reach,
    string AsAt,
    IReadOnlyList<TabMeasure> Measures,
    IReadOnlyList<TabChoice> Services,
    IReadOnlyList<TabChoice> Departments,
    IReadOnlyList<TabChoice> Priorities
);

public sealed record TabChoice(string Code, string Name);

/// <summary>Measures in the tab's words, from their standings. No I/O.</summary>
public static class TabRows
{
    public static TabMeasure Of(
        ScorecardLine line,
        MeasureStanding standing,
        CouncilCatalogue council,
        CouncilRules rules,
        DateTimeOffset now
    )
    {
        var (measure, latest) = (line.Measure, line.Latest);
        var today = UkTime.DateAt(now);
        var due = OpenUpdates
            .For(
                measure,
                (_, p) => standing.ResultFor(p) is not null,
                (_, p) => standing.Extensions.Where(e => e.Period == p),
                now,
                rules.Cycle
            )
            .FirstOrDefault();
        return new TabMeasure(
            measure.Reference.Value,
            measure.Title,
            measure.ServiceCode,
            council.ServiceNameOf(measure.ServiceCode),
            council.FindService(measure.ServiceCode)?.DepartmentCode ?? string.Empty,
            measure.PriorityCodes,
            line.Standing.Words(),
            latest is null ? null : $"{measure.Format(latest.Value)} for {latest.Period}",
            MeasureWords.LatestTarget(measure, latest, today) ?? MeasureWords.NoTarget,
            line.VsPrevious?.Describe(measure),
            latest?.Commentary,
            latest?.ActionNote,
            due is null
                ? null
                : new TabDue(
                    due.Period.ToString(),
                    $"{due.Period} due by {Dates.ShortDate(due.Deadline.Date)}"
                        + (due.Deadline.IsOverdueAt(now) ? " (overdue)" : string.Empty),
                    due.Deadline.IsOverdueAt(now)
                ),
            line.Escalation is { } x ? Said.EscalationStanding(x, council) : null,
            TrendViews.For(measure, standing.Recent, latest?.Period ?? measure.LatestEndedPeriodAsOf(today))
        );
    }

    public static string ReachWords(SightReach reach) =>
        reach switch
        {
            SightReach.Council => "the council",
            SightReach.Department => "your department",
            SightReach.Service => "your service",
            _ => "your measures",
        };
}
