using PmfBot.Cards.Questions;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Questions;
using PmfBot.Domain.Results;
using PmfBot.Domain.Standings;
using PmfBot.Domain.Status;
using PmfBot.Wording;

namespace PmfBot.Features.Questions;

/// <summary>What a list question found: its lines, most pressing first, and how many measures it looked at.</summary>
/// <param name="Considered">Measures that could answer: with a figure in the time asked, or reported at all.</param>
public sealed record ListAnswer(IReadOnlyList<AnswerLine> Lines, int Considered);

/// <summary>
/// The list questions answered from standings, no I/O: worse, better, off track, overdue, not yet updated. Without a
/// time, "worse" and "better" read each latest figure's direction of travel as recorded; with one, the newest figure
/// in it against the last before it (or the first in it), as the framework compares any two periods.
/// </summary>
public static class QuestionLists
{
    public static ListAnswer For(
        Question question,
        IReadOnlyList<(Measure Measure, MeasureStanding Standing)> measures,
        CouncilCatalogue council,
        CouncilRules rules,
        DateTimeOffset now
    ) =>
        question.Intent switch
        {
            QuestionIntent.Worse => Moved(question.Time, measures, council, rules, DirectionOfTravel.Worse),
            QuestionIntent.Better => Moved(question.Time, measures, council, rules, DirectionOfTravel.Better),
            QuestionIntent.OffTrack => OffTrack(question.Time, measures, council),
            QuestionIntent.Overdue => Owed(question.Time, measures, council, rules, now, overdueOnly: true),
            QuestionIntent.NotUpdated => Owed(question.Time, measures, council, rules, now, overdueOnly: false),
            _ => throw new ArgumentException($"{question.Intent} is not a list question.", nameof(question)),
        };

    private static ListAnswer Moved(
        AskedTime? time,
        IReadOnlyList<(Measure Measure, MeasureStanding Standing)> measures,
        CouncilCatalogue council,
        CouncilRules rules,
        DirectionOfTravel wanted
    )
    {
        var considered = 0;
        var found = new List<(AnswerLine Line, int Rank)>();
        foreach (var (measure, standing) in measures)
        {
            if (Compared(measure, standing, time, rules) is not var (newest, comparison))
            {
                continue;
            }

            considered++;
            if (comparison.Direction == wanted)
            {
                var detail = $"{measure.Format(newest.Value)} for {newest.Period}: {comparison.Describe(measure)}";
                found.Add((Line(measure, newest, detail, council), Rank(newest)));
            }
        }

        return new ListAnswer([.. found.OrderBy(f => f.Rank).Select(f => f.Line)], considered);
    }

    /// <summary>The newest figure asked about and what it is compared with; null with nothing to compare.</summary>
    private static (MeasureResult Newest, Comparison Comparison)? Compared(
        Measure measure,
        MeasureStanding standing,
        AskedTime? time,
        CouncilRules rules
    )
    {
        if (time is null)
        {
            return standing.Latest is { } latest && latest.VsPrevious != DirectionOfTravel.NotComparable
                ? (
                    latest,
                    MeasureWords.AsRecorded(
                        measure,
                        latest,
                        latest.Period.Previous,
                        standing.ResultFor(latest.Period.Previous),
                        latest.VsPrevious,
                        rules.Status.StableBand
                    )
                )
                : null;
        }

        var inTime = standing.Recent.Where(r => time.Holds(r.Period)).ToList();
        if (inTime.Count == 0)
        {
            return null;
        }

        var newest = inTime[^1];
        var baseline = standing.Recent.LastOrDefault(r => r.Period < inTime[0].Period)
            ?? (inTime.Count > 1 ? inTime[0] : null);
        if (baseline is null)
        {
            return null;
        }

        var comparison = Comparison.For(
            measure,
            newest.Period,
            newest.Value,
            baseline.Period,
            baseline.Value,
            rules.Status.StableBand
        );
        return comparison.Direction == DirectionOfTravel.NotComparable ? null : (newest, comparison);
    }

    private static ListAnswer OffTrack(
        AskedTime? time,
        IReadOnlyList<(Measure Measure, MeasureStanding Standing)> measures,
        CouncilCatalogue council
    )
    {
        var considered = 0;
        var found = new List<AnswerLine>();
        foreach (var (measure, standing) in measures)
        {
            var newest = time is null ? standing.Latest : standing.Recent.LastOrDefault(r => time.Holds(r.Period));
            if (newest is null)
            {
                continue;
            }

            considered++;
            if (newest.Rag == RagStatus.Red)
            {
                // "71.2% for Sep 2026, target 80.0% or more · Escalated to Priya Shah on 7 Nov: waiting for …"
                var target = newest.Thresholds is { } t
                    ? $", target {measure.Format(t.Target)} {OrBetter(t)}"
                    : string.Empty;
                var escalation = standing.Escalations.LastOrDefault(x => x.Period == newest.Period) is { } x
                    ? $" · {Said.EscalationStanding(x, council)}"
                    : string.Empty;
                found.Add(
                    Line(
                        measure,
                        newest,
                        $"{measure.Format(newest.Value)} for {newest.Period}{target}{escalation}",
                        council
                    )
                );
            }
        }

        return new ListAnswer(found, considered);
    }

    private static ListAnswer Owed(
        AskedTime? time,
        IReadOnlyList<(Measure Measure, MeasureStanding Standing)> measures,
        CouncilCatalogue council,
        CouncilRules rules,
        DateTimeOffset now,
        bool overdueOnly
    )
    {
        var found = new List<(AnswerLine Line, DateOnly Due)>();
        foreach (var (measure, standing) in measures)
        {
            var owed = standing
                .OpenAt(measure, now, rules.Cycle)
                .Where(o => (!overdueOnly || o.Deadline.IsOverdueAt(now)) && (time is null || time.Holds(o.Period)))
                .ToList();
            if (owed.Count == 0)
            {
                continue;
            }

            // The oldest first: the longest waited for.
            var oldest = owed[^1];
            var earlier = owed.Count > 1 ? $" (and {owed.Count - 1} more recent)" : string.Empty;
            var (who, service) = (council.NameOf(measure.PromptsGoTo), council.ServiceNameOf(measure.ServiceCode));
            found.Add(
                (
                    new AnswerLine(
                        $"{measure.Reference} {measure.Title}",
                        $"{MeasureCardViews.Owed(oldest, now)}{earlier} · {who} · {service}",
                        oldest.Deadline.IsOverdueAt(now) ? "Red" : null
                    ),
                    oldest.Deadline.Date
                )
            );
        }

        return new ListAnswer([.. found.OrderBy(f => f.Due).Select(f => f.Line)], measures.Count);
    }

    private static AnswerLine Line(Measure measure, MeasureResult figure, string detail, CouncilCatalogue council)
    {
        var status = StandingRules.Of(figure);
        return new AnswerLine(
            $"{measure.Reference} {measure.Title}",
            $"{detail} · {status.Words()} · {council.ServiceNameOf(measure.ServiceCode)}",
            status.Words()
        );
    }

    // "or more" for a target to meet or beat upwards, "or less" downwards.
    private static string OrBetter(Thresholds t) => t.Polarity == Polarity.LowerIsBetter ? "or less" : "or more";

    // Reds first, then ambers, then the rest.
    private static int Rank(MeasureResult figure) =>
        figure.Rag switch
        {
            RagStatus.Red => 0,
            RagStatus.Amber => 1,
            _ => 2,
        };
}
