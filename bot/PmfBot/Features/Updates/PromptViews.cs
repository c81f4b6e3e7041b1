using System.Globalization;
using PmfBot.Cards.Updates;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Features.Updates;

/// <summary>Puts a measure's period into words for the prompt, recorded and chase cards. No I/O.</summary>
public static class PromptViews
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", English);

    /// <summary>What a second press, or a stale card, is told: nothing was changed.</summary>
    public static string AlreadyRecorded(PersonId by, DateTimeOffset at, Domain.Catalogue.Catalogue council) =>
        $"This was already recorded at {When(at)} by {council.NameOf(by)}; nothing was changed.";

    /// <summary>"10:42 on 20 Nov 2026", UK time.</summary>
    public static string When(DateTimeOffset at) => UkTime.LocalAt(at).ToString("HH:mm 'on' d MMM yyyy", English);

    /// <summary>What the card's submit button carries back.</summary>
    public static IReadOnlyDictionary<string, string> DataFor(Measure measure, ReportingPeriod period) =>
        new Dictionary<string, string> { ["measure"] = measure.Reference.Value, ["period"] = period.Code };

    public static UpdatePromptView Prompt(
        MeasureState state, ReportingPeriod period, Deadline deadline, DateTimeOffset now, StatusPolicy status, ScheduledReminder? step,
        UpdateEntry? entry = null, UpdateProblems? problems = null)
    {
        var measure = state.Measure;
        var earlier = state.History.Where(r => r.Period < period).OrderByDescending(r => r.Period).ToList();
        var latest = earlier.FirstOrDefault();
        var direction = latest is null ? null
            : $"{latest.Period} was {Against(measure, latest.Value, latest.Period.Previous, state.ResultFor(latest.Period.Previous)?.Value, status.StableBand)}";
        var thresholds = Thresholds.For(measure, period);

        return new UpdatePromptView(
            measure.Reference.Value,
            measure.Title,
            period.ToString(),
            Headline(period, deadline, now, step),
            LongDate(deadline.Date) + (deadline.IsExtended ? $" (extended from {ShortDate(deadline.ExtendedFrom!.Value)})" : string.Empty),
            deadline.IsOverdueAt(now),
            thresholds is null ? null : Target(measure, thresholds),
            [.. earlier.Take(3).Select(r => new PastFigure(r.Period.ToString(), measure.Format(r.Value), r.Rag?.ToString()))],
            direction,
            latest?.Commentary is { } said ? $"({latest.Period}) {said}" : null,
            $"{period} figure ({UnitName(measure.Unit)})",
            measure.Unit.Kind == UnitKind.Percentage ? 0 : measure.Unit.AllowsNegative ? null : 0,
            measure.Unit.Kind == UnitKind.Percentage && !measure.Unit.AllowsAbove100 ? 100 : null,
            status.Commentary == CommentaryPolicy.Always,
            ActionNoteRule(measure, thresholds, latest),
            DataFor(measure, period),
            entry,
            problems);
    }

    public static UpdateRecordedView Recorded(
        MeasureResult result, MeasureState state, Domain.Catalogue.Catalogue catalogue, DateTimeOffset now, CouncilRules rules, string? notice = null)
    {
        var policy = rules.Cycle;
        var measure = state.Measure;
        var next = result.Period.Next;
        var nextDeadline = state.DeadlineFor(next, policy);
        var nextText = state.IsAnswered(next)
            ? $"{next} is already recorded."
            : $"Next: the {next} figure, due by {LongDate(nextDeadline.Date)}. I'll send a card when {next} ends.";
        var escalationOwner = catalogue.FindPerson(measure.EscalationOwner)?.Name ?? "the escalation owner";
        var offTrack = result.Rag is not (RagStatus.Red or RagStatus.Amber) ? string.Empty
            : result.RecordedBy == measure.EscalationOwner
                ? " Your action note is on record for the management reports."
            : $" Your action note is on record for {escalationOwner} (escalation owner) and the management reports.";

        return new UpdateRecordedView(
            measure.Reference.Value,
            measure.Title,
            result.Period.ToString(),
            measure.Format(result.Value),
            result.Rag?.ToString() ?? NoTargetStatus(result.VsPrevious),
            result.Thresholds is { } t ? Target(measure, t) : null,
            Against(measure, result.Value, result.Period.Previous, state.ResultFor(result.Period.Previous)?.Value, rules.Status.StableBand),
            state.ResultFor(result.Period.SamePeriodLastYear) is { } lastYear
                ? Against(measure, result.Value, result.Period.SamePeriodLastYear, lastYear.Value, rules.Status.StableBand)
                : null,
            result.Commentary,
            result.ActionNote,
            catalogue.NameOf(result.RecordedBy),
            When(result.RecordedAt),
            nextText + offTrack,
            notice);
    }

    /// <param name="to">Who is chased (see DuePlanner.ChaserOf): the card says in what role.</param>
    public static OverdueChaseView Chase(Measure measure, ReportingPeriod period, Deadline deadline, PersonId to, Domain.Catalogue.Catalogue catalogue, DateTimeOffset now)
    {
        var service = catalogue.FindService(measure.ServiceCode);
        var owner = catalogue.NameOf(measure.Owner);
        return new(
            measure.Reference.Value,
            measure.Title,
            period.ToString(),
            service?.Name ?? measure.ServiceCode,
            owner,
            $"{Days(deadline.DaysOverdueAt(now))} overdue (due by {ShortDate(deadline.Date)})",
            service?.HeadOfService == to ? "As Head of Service" : to == measure.EscalationOwner ? "As escalation owner" : $"As {owner}'s line manager");
    }

    /// <summary>Direction of travel in words: "better than Aug 2026 (72.9%)", "no figure for Aug 2026 to compare".</summary>
    public static string Against(Measure measure, decimal value, ReportingPeriod earlier, decimal? earlierValue, Margin stableBand) =>
        Comparison.Of(value, earlier, earlierValue, measure.Polarity, stableBand).Describe(measure);

    /// <summary>"80.0% or more (Amber down to 76.0%, Red below)".</summary>
    public static string Target(Measure measure, Thresholds thresholds) => thresholds.Polarity == Polarity.LowerIsBetter
        ? $"{measure.Format(thresholds.Target)} or less (Amber up to {measure.Format(thresholds.AmberLimit)}, Red above)"
        : $"{measure.Format(thresholds.Target)} or more (Amber down to {measure.Format(thresholds.AmberLimit)}, Red below)";

    public static string NoTargetStatus(DirectionOfTravel direction) => direction switch
    {
        DirectionOfTravel.Better => "Improving",
        DirectionOfTravel.Worse => "Worsening",
        DirectionOfTravel.Stable => "Stable",
        _ => "No target",
    };

    private static string Headline(ReportingPeriod period, Deadline deadline, DateTimeOffset now, ScheduledReminder? step)
    {
        var today = UkTime.DateAt(now);
        if (deadline.IsOverdueAt(now))
        {
            return $"Overdue: your {period} update was due {Days(deadline.DaysOverdueAt(now))} ago";
        }

        var daysLeft = deadline.Date.DayNumber - today.DayNumber;
        return step?.Kind switch
        {
            PromptKind.Prompt => $"Your {period} update is due",
            _ when daysLeft == 0 => $"Your {period} update is due today",
            PromptKind.Reminder => $"Reminder: your {period} update is due in {Days(daysLeft)}",
            _ => $"Your {period} update",
        };
    }

    private static string? ActionNoteRule(Measure measure, Thresholds? thresholds, MeasureResult? latest) =>
        thresholds is not null ? $"Required if the figure misses the target ({measure.Format(thresholds.Target)})."
        : measure.Polarity == Polarity.None ? null
        : latest is null ? null
        : $"Required if the figure is worse than {latest.Period} ({measure.Format(latest.Value)}): there is no target, so the direction of travel decides.";

    private static string UnitName(MeasureUnit unit) => unit.Kind switch
    {
        UnitKind.Percentage => "%",
        UnitKind.Money => "£",
        _ => unit.Label,
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
