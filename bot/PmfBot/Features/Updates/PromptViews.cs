using System.Globalization;
using PmfBot.Cards.Payloads;
using PmfBot.Cards.Updates;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;
using PmfBot.Measures;
using PmfBot.Wording;

namespace PmfBot.Features.Updates;

/// <summary>Puts a measure's period into words for the prompt, recorded and chase cards. No I/O.</summary>
public static class PromptViews
{
    /// <summary>What the card's submit button carries back.</summary>
    public static IReadOnlyDictionary<string, string> DataFor(Measure measure, ReportingPeriod period) =>
        new MeasurePeriodData(measure.Reference.Value, period.Code).ToData();

    public static UpdatePromptView Prompt(
        MeasureState state,
        ReportingPeriod period,
        Deadline deadline,
        DateTimeOffset now,
        StatusPolicy status,
        ScheduledReminder? step,
        UpdateEntry? entry = null,
        UpdateProblems? problems = null
    )
    {
        var measure = state.Measure;
        var earlier = state.History.Where(r => r.Period < period).OrderByDescending(r => r.Period).ToList();
        var latest = earlier.FirstOrDefault();
        var direction = latest is null
            ? null
            : $"{latest.Period} was "
                + MeasureWords.Against(
                    measure,
                    latest.Period,
                    latest.Value,
                    latest.Period.Previous,
                    state.ResultFor(latest.Period.Previous)?.Value,
                    status.StableBand
                );
        var thresholds = Thresholds.For(measure, period);

        return new UpdatePromptView(
            measure.Reference.Value,
            measure.Title,
            period.ToString(),
            Headline(period, deadline, now, step),
            Dates.LongDate(deadline.Date)
                + (
                    deadline.IsExtended
                        ? $" (extended from {Dates.ShortDate(deadline.ExtendedFrom!.Value)})"
                        : string.Empty
                ),
            deadline.IsOverdueAt(now),
            thresholds is null ? null : MeasureWords.Target(measure, thresholds),
            [
                .. earlier
                    .Take(3)
                    .Select(r => new PastFigure(r.Period.ToString(), measure.Format(r.Value), r.Rag?.ToString())),
            ],
            direction,
            latest?.Commentary is { } said ? $"({latest.Period}) {said}" : null,
            $"{period} figure ({UnitName(measure.Unit)})",
            measure.Unit.Kind == UnitKind.Percentage ? 0
                : measure.Unit.AllowsNegative ? null
                : 0,
            measure.Unit.Kind == UnitKind.Percentage && !measure.Unit.AllowsAbove100 ? 100 : null,
            status.Commentary == CommentaryPolicy.Always,
            ActionNoteRule(measure, thresholds, latest),
            DataFor(measure, period),
            entry,
            problems
        )
        {
            Trend = TrendViews.For(measure, earlier, period.Previous),
        };
    }

    public static UpdateRecordedView Recorded(
        MeasureResult result,
        MeasureState state,
        CouncilCatalogue catalogue,
        DateTimeOffset now,
        CouncilRules rules,
        string? notice = null
    )
    {
        var policy = rules.Cycle;
        var measure = state.Measure;
        var next = result.Period.Next;
        var nextDeadline = state.DeadlineFor(next, policy);
        var nextText = state.IsAnswered(next)
            ? $"{next} is already recorded."
            : $"Next: the {next} figure, due by {Dates.LongDate(nextDeadline.Date)}. "
                + $"I'll send a card when {next} ends.";
        var escalationOwner = catalogue.FindPerson(measure.EscalationOwner)?.Name ?? "the escalation owner";
        var offTrack =
            result.Rag is not (RagStatus.Red or RagStatus.Amber) ? string.Empty
            : result.RecordedBy == measure.EscalationOwner
                ? " Your action note is on record for the management reports."
            : $" Your action note is on record for {escalationOwner} (escalation owner) and the management reports.";

        return new UpdateRecordedView(
            measure.Reference.Value,
            measure.Title,
            result.Period.ToString(),
            measure.Format(result.Value),
            result.Rag?.ToString() ?? MeasureWords.NoTargetStatus(result.VsPrevious),
            result.Thresholds is { } t ? MeasureWords.Target(measure, t) : null,
            MeasureWords.Against(
                measure,
                result.Period,
                result.Value,
                result.Period.Previous,
                state.ResultFor(result.Period.Previous)?.Value,
                rules.Status.StableBand
            ),
            state.ResultFor(result.Period.SamePeriodLastYear) is { } lastYear
                ? MeasureWords.Against(
                    measure,
                    result.Period,
                    result.Value,
                    result.Period.SamePeriodLastYear,
                    lastYear.Value,
                    rules.Status.StableBand
                )
                : null,
            result.Commentary,
            result.ActionNote,
            catalogue.NameOf(result.RecordedBy),
            Dates.When(result.RecordedAt),
            nextText + offTrack,
            notice
        )
        {
            Trend = TrendViews.For(
                measure,
                state.History.Where(r => r.Period != result.Period).Append(result),
                result.Period
            ),
        };
    }

    /// <param name="to">Who is chased (see DuePlanner.ChaserOf): the card says in what role.</param>
    public static OverdueChaseView Chase(
        Measure measure,
        ReportingPeriod period,
        Deadline deadline,
        PersonId to,
        CouncilCatalogue catalogue,
        DateTimeOffset now
    )
    {
        var service = catalogue.FindService(measure.ServiceCode);
        var owner = catalogue.NameOf(measure.Owner);
        return new(
            measure.Reference.Value,
            measure.Title,
            period.ToString(),
            service?.Name ?? measure.ServiceCode,
            owner,
            $"{Dates.Days(deadline.DaysOverdueAt(now))} overdue (due by {Dates.ShortDate(deadline.Date)})",
            service?.HeadOfService == to ? "As Head of Service"
                : to == measure.EscalationOwner ? "As escalation owner"
                : $"As {owner}'s line manager"
        );
    }

    private static string Headline(
        ReportingPeriod period,
        Deadline deadline,
        DateTimeOffset now,
        ScheduledReminder? step
    )
    {
        var today = UkTime.DateAt(now);
        if (deadline.IsOverdueAt(now))
        {
            return $"Overdue: your {period} update was due {Dates.Days(deadline.DaysOverdueAt(now))} ago";
        }

        var daysLeft = deadline.Date.DayNumber - today.DayNumber;
        return step?.Kind switch
        {
            PromptKind.Prompt => $"Your {period} update is due",
            _ when daysLeft == 0 => $"Your {period} update is due today",
            PromptKind.Reminder => $"Reminder: your {period} update is due in {Dates.Days(daysLeft)}",
            _ => $"Your {period} update",
        };
    }

    private static string? ActionNoteRule(Measure measure, Thresholds? thresholds, MeasureResult? latest) =>
        thresholds is not null ? $"Required if the figure misses the target ({measure.Format(thresholds.Target)})."
        : measure.Polarity == Polarity.None ? null
        : latest is null ? null
        : $"Required if the figure is worse than {latest.Period} ({measure.Format(latest.Value)}): there is no target, "
            + "so the direction of travel decides.";

    private static string UnitName(MeasureUnit unit) =>
        unit.Kind switch
        {
            UnitKind.Percentage => "%",
            UnitKind.Money => "£",
            _ => unit.Label,
        };
}
