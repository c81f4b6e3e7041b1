using PmfBot.Cards.Activities;
using PmfBot.Domain.Activities;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Wording;

namespace PmfBot.Features.Activities;

/// <summary>Activities and their reports in words, for the cards.</summary>
public static class ActivityViews
{
    public static string StatusWords(ActivityStatus status) => status switch
    {
        ActivityStatus.NotStarted => "Not started",
        ActivityStatus.OnTrack => "On track",
        ActivityStatus.AtRisk => "At risk",
        ActivityStatus.OffTrack => "Off track",
        ActivityStatus.Completed => "Completed",
        _ => "Stopped",
    };

    public static IReadOnlyDictionary<string, string> DataFor(Activity activity, ReportingPeriod period) =>
        new Dictionary<string, string> { ["activity"] = activity.Code, ["period"] = period.Code };

    public static ActivityPromptView Prompt(
        ActivityReview review, IReadOnlyList<ActivityProgress> history, Domain.Catalogue.Catalogue council, DateTimeOffset now, ActivityEntry? entry = null, ActivityProblems? problems = null)
    {
        var (activity, period, deadline, step) = review;
        var overdue = deadline.IsOverdueAt(now);
        var last = history.MaxBy(h => h.Period);
        var headline = overdue
            ? $"Overdue: your {period} progress report was due {deadline.DaysOverdueAt(now)} day{(deadline.DaysOverdueAt(now) == 1 ? string.Empty : "s")} ago"
            : step?.Kind == PromptKind.Reminder ? $"Reminder: your {period} progress report is due by {Dates.ShortDate(deadline.Date)}"
            : $"Your {period} progress report is due";
        return new ActivityPromptView(
            activity.Title,
            council.FindService(activity.ServiceCode)?.Name ?? activity.ServiceCode,
            period.ToString(),
            headline,
            Dates.LongDate(deadline.Date),
            overdue,
            Dates.ShortDate(activity.DueDate),
            [.. activity.Milestones.OrderBy(m => m.DueDate).Select(m => new MilestoneLine(m.Title, Dates.ShortDate(m.DueDate), StatusWords(m.Status)))],
            last is null
                ? activity.Commentary is { } c ? $"{StatusWords(activity.Status)}: {c}" : null
                : $"{StatusWords(last.Status)} ({last.Period}): {last.Commentary}",
            [.. ActivityProgress.Reportable.Select(s => (StatusWords(s), s.ToString()))],
            DataFor(activity, period),
            entry,
            problems is null ? null : new ActivityInputProblems(problems.Status, problems.Percent, problems.Commentary, problems.ActionNote));
    }

    public static ActivityRecordedView Recorded(ActivityProgress progress, Activity activity, Domain.Catalogue.Catalogue council, UpdateCyclePolicy policy, string? notice = null)
    {
        var next = progress.Period.Next;
        var nextDeadline = policy.Deadlines.Quarterly.DeadlineFor(next, policy.Deadlines.Calendar);
        return new ActivityRecordedView(
            activity.Title,
            progress.Period.ToString(),
            StatusWords(progress.Status),
            progress.Status switch { ActivityStatus.OnTrack or ActivityStatus.Completed => "Good", ActivityStatus.AtRisk => "Warning", ActivityStatus.OffTrack => "Attention", _ => null },
            progress.PercentComplete is { } p ? $"{p}%" : null,
            progress.Commentary,
            progress.ActionNote,
            council.NameOf(progress.RecordedBy),
            Dates.When(progress.RecordedAt),
            progress.Status == ActivityStatus.Completed
                ? "Marked complete: no more progress reports will be asked for."
                : $"Next report: {next}, due by {Dates.LongDate(nextDeadline)}. I'll send a card when the quarter ends.",
            notice);
    }
}
