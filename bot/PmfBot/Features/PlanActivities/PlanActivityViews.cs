using PmfBot.Cards.PlanActivities;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.PlanActivities;
using PmfBot.Wording;

namespace PmfBot.Features.PlanActivities;

/// <summary>Activities and their reports in words, for the cards.</summary>
public static class PlanActivityViews
{
    public static IReadOnlyDictionary<string, string> DataFor(PlanActivity activity, ReportingPeriod period) =>
        new Cards.Payloads.PlanActivityPeriodData(activity.Code, period.Code).ToData();

    public static PlanActivityPromptView Prompt(
        PlanActivityReview review,
        IReadOnlyList<PlanActivityProgress> history,
        CouncilCatalogue council,
        DateTimeOffset now,
        PlanActivityEntry? entry = null,
        PlanActivityProblems? problems = null
    )
    {
        var (activity, period, deadline, step) = review;
        var overdue = deadline.IsOverdueAt(now);
        var last = history.MaxBy(h => h.Period);
        var headline =
            overdue
                ? $"Overdue: your {period} progress report was due {deadline.DaysOverdueAt(now)} "
                    + $"day{(deadline.DaysOverdueAt(now) == 1 ? string.Empty : "s")} ago"
            : step?.Kind == PromptKind.Reminder
                ? $"Reminder: your {period} progress report is due by {Dates.ShortDate(deadline.Date)}"
            : $"Your {period} progress report is due";
        return new PlanActivityPromptView(
            activity.Title,
            council.ServiceNameOf(activity.ServiceCode),
            period.ToString(),
            headline,
            Dates.LongDate(deadline.Date),
            overdue,
            Dates.ShortDate(activity.DueDate),
            [
                .. activity
                    .Milestones.OrderBy(m => m.DueDate)
                    .Select(m => new MilestoneLine(
                        m.Title,
                        Dates.ShortDate(m.DueDate),
                        PlanActivityWords.StatusWords(m.Status)
                    )),
            ],
            last is null
                ? activity.Commentary is { } c
                    ? $"{PlanActivityWords.StatusWords(activity.Status)}: {c}"
                    : null
                : $"{PlanActivityWords.StatusWords(last.Status)} ({last.Period}): {last.Commentary}",
            [.. PlanActivityProgress.Reportable.Select(s => (PlanActivityWords.StatusWords(s), s.ToString()))],
            DataFor(activity, period),
            entry,
            problems is null
                ? null
                : new PlanActivityInputProblems(
                    problems.Status,
                    problems.Percent,
                    problems.Commentary,
                    problems.ActionNote
                )
        );
    }

    public static PlanActivityRecordedView Recorded(
        PlanActivityProgress progress,
        PlanActivity activity,
        CouncilCatalogue council,
        UpdateCyclePolicy policy,
        string? notice = null
    )
    {
        var next = progress.Period.Next;
        var nextDeadline = policy.Deadlines.Quarterly.DeadlineFor(next, policy.Deadlines.Calendar);
        return new PlanActivityRecordedView(
            activity.Title,
            progress.Period.ToString(),
            PlanActivityWords.StatusWords(progress.Status),
            progress.Status switch
            {
                PlanActivityStatus.OnTrack or PlanActivityStatus.Completed => "Good",
                PlanActivityStatus.AtRisk => "Warning",
                PlanActivityStatus.OffTrack => "Attention",
                _ => null,
            },
            progress.PercentComplete is { } p ? $"{p}%" : null,
            progress.Commentary,
            progress.ActionNote,
            council.NameOf(progress.RecordedBy),
            Dates.When(progress.RecordedAt),
            Escalation(progress, activity, council)
                + (
                    progress.Status == PlanActivityStatus.Completed
                        ? "Marked complete: no more progress reports will be asked for."
                        : $"Next report: {next}, due by {Dates.LongDate(nextDeadline)}. "
                            + "I'll send a card when the quarter ends."
                ),
            notice
        );
    }

    /// <summary>Where an off-track report goes (<see cref="PlanActivityEscalationRules"/>), for its owner.</summary>
    private static string Escalation(PlanActivityProgress progress, PlanActivity activity, CouncilCatalogue council) =>
        PlanActivityEscalationRules.ForReport(progress) is null || council.EscalationOwnerOf(activity) is not { } chief
            ? string.Empty
        : chief == progress.RecordedBy
            ? "Off track: as its escalation owner too, you'll get its escalation card to decide. "
        : $"Off track: it goes to {council.NameOf(chief)} (escalation owner) for a decision; "
            + "you'll hear what they decide. ";
}
