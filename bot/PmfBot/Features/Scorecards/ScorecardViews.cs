using System.Globalization;
using PmfBot.Cards.Charts;
using PmfBot.Cards.Scorecards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Status;
using PmfBot.Wording;

namespace PmfBot.Features.Scorecards;

/// <summary>
/// A scorecard in words: each measure's latest figure, target, status, direction of travel, trend and escalation.
/// </summary>
public static class ScorecardViews
{
    /// <summary>
    /// Measures shown on one card; beyond this the card says how many more and how to narrow it down.
    /// </summary>
    public const int MaxLines = 30;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static ScorecardView Of(Scorecard scorecard, string title, CouncilCatalogue council, DateTimeOffset now)
    {
        var counts = scorecard.Counts;
        var standing = string.Join(
            ", ",
            Enum.GetValues<Standing>().Where(s => counts[s] > 0).Select(s => $"{counts[s]} {s.Words()}")
        );
        var summary =
            $"As at {UkTime.DateAt(now).ToString("d MMMM yyyy", English)} · "
            + (scorecard.Lines.Count == 1 ? "1 measure" : $"{scorecard.Lines.Count} measures")
            + (standing.Length > 0 ? ": " + standing : string.Empty);
        var shown = scorecard.Lines.Take(MaxLines).ToList();
        var byService = shown.GroupBy(l => l.Measure.ServiceCode).ToList();
        var groups = byService
            .Select(g => new ScorecardGroup(
                byService.Count > 1 || scorecard.Scope.Kind != ScopeKind.Service ? council.ServiceNameOf(g.Key) : null,
                [.. g.Select(l => Item(l, council, UkTime.DateAt(now)))]
            ))
            .ToList();
        var more = scorecard.Lines.Count - shown.Count;
        return new ScorecardView(
            title,
            summary,
            groups,
            more,
            more > 0 ? "Ask for one service, e.g. \"how is Waste doing\", or one measure, e.g. \"show NI 192\"." : null
        )
        {
            ByStatus =
            [
                .. scorecard
                    .Lines.GroupBy(l => l.Measure.ServiceCode)
                    .Select(g => new StatusBar(
                        council.ServiceNameOf(g.Key),
                        [
                            .. Enum.GetValues<Standing>()
                                .Select(s => new StatusCount(s.Words(), g.Count(l => l.Standing == s))),
                        ]
                    )),
            ],
            Activities = Activities(scorecard.Activities, council, now),
        };
    }

    /// <summary>The activities section: how many stand where, then each one off track or late.</summary>
    private static ScorecardActivities? Activities(
        PlanActivityScorecard activities,
        CouncilCatalogue council,
        DateTimeOffset now
    )
    {
        var counts = activities.Counts;
        if (counts.Total == 0)
        {
            return null;
        }

        var parts = new (int Count, string Words)[]
        {
            (counts.OnTrack, "on track"),
            (counts.AtRisk, "at risk"),
            (counts.OffTrack, "off track"),
            (counts.NotStarted, "not started"),
            (counts.Finished, "completed or stopped"),
        }
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Words}");
        var summary =
            $"{(counts.Total == 1 ? "1 activity" : $"{counts.Total} activities")}: {string.Join(", ", parts)}";
        return new ScorecardActivities(
            summary,
            [
                .. activities.NeedingAttention.Select(a => new ScorecardActivity(
                    PlanActivityWords.Title(a),
                    PlanActivityWords.StatusWords(a.Status),
                    string.Join(
                        " · ",
                        new[]
                        {
                            a.IsLate ? PlanActivityWords.WhyLate(a, now) : null,
                            a.Latest?.PercentComplete is { } p ? $"{p}% complete" : null,
                            council.NameOf(a.PlanActivity.Owner),
                        }.OfType<string>()
                    ),
                    PlanActivityWords.Notes(a, council, text => text)
                )),
            ]
        );
    }

    public static ScorecardItem Item(ScorecardLine line, CouncilCatalogue council, DateOnly today)
    {
        var (measure, latest) = (line.Measure, line.Latest);
        var target = MeasureWords.LatestTarget(measure, latest, today) is { } set
            ? $"Target {set}"
            : MeasureWords.NoTarget;
        var direction = line.VsPrevious is { } vs ? $"{Arrow(vs.Direction)} {vs.Describe(measure)}" : null;

        var trend =
            line.Recent.Count < 2
                ? null
                : $"{Sparkline.Of(line.Recent)}  {TrendWords(line.Trend)} over the last {line.Recent.Count} figures";
        return new ScorecardItem(
            measure.Reference.Value,
            measure.Title,
            latest is null ? null : $"{measure.Format(latest.Value)} for {latest.Period}",
            target,
            line.Standing.Words(),
            direction,
            trend,
            line.Escalation is { } x ? Said.EscalationStanding(x, council) : null
        );
    }

    private static string Arrow(DirectionOfTravel direction) =>
        direction switch
        {
            DirectionOfTravel.Better => "↗",
            DirectionOfTravel.Worse => "↘",
            DirectionOfTravel.Higher => "↑",
            DirectionOfTravel.Lower => "↓",
            DirectionOfTravel.Stable => "→",
            _ => "·",
        };

    private static string TrendWords(Trend trend) =>
        trend switch
        {
            Trend.Improving => "improving",
            Trend.Worsening => "worsening",
            Trend.Stable => "stable",
            Trend.Rising => "rising",
            Trend.Falling => "falling",
            _ => "too few figures to call a trend",
        };
}
