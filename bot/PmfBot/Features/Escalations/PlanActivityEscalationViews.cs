using PmfBot.Cards.Escalations;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Wording;

namespace PmfBot.Features.Escalations;

/// <summary>An activity's escalation in words: its status, due date, milestones and reports. No I/O.</summary>
public static class PlanActivityEscalationViews
{
    private const int ReportsShown = 4;

    public static EscalationAbout About(
        Escalation x,
        PlanActivityFacts facts,
        CouncilCatalogue council,
        DateTimeOffset now
    )
    {
        var activity = facts.PlanActivity;
        var reports = facts.History.Where(h => h.Period <= x.Period).OrderBy(h => h.Period).ToList();
        var latest = reports.LastOrDefault();
        var status = activity.IsClosed ? activity.Status : latest?.Status ?? activity.Status;
        var figure =
            PlanActivityWords.StatusWords(status)
            + (latest?.PercentComplete is { } percent && !activity.IsClosed ? $", {percent}% complete" : string.Empty)
            + (latest is null ? " (no report yet)" : $" ({latest.Period} report)");
        var due = Dates.ShortDate(activity.DueDate);
        var missed = activity
            .MissedMilestonesOn(Domain.Calendar.UkTime.DateAt(now))
            .Where(m => x.Period.Contains(m.DueDate))
            .Select(m => $"milestone \"{m.Title}\" was due {Dates.ShortDate(m.DueDate)} and isn't completed");
        return new EscalationAbout(
            activity.Code,
            activity.Title,
            council.ServiceNameOf(activity.ServiceCode),
            figure,
            string.Join("; ", missed.Prepend(due)),
            [
                .. reports
                    .TakeLast(ReportsShown)
                    .Select(r => new TrendFigure(r.Period.ToString(), PlanActivityWords.StatusWords(r.Status), null)),
            ],
            null,
            latest?.Commentary ?? activity.Commentary,
            x.Trigger == EscalationTrigger.MissedMilestone
                ? $"Escalated to you: {activity.Title} missed a milestone"
                : $"Escalated to you: {activity.Title} is off track"
        )
        {
            FigureLabel = "Status",
            TargetLabel = "Due",
            TrendLabel = "Reports",
            ReviewHint =
                "If it still needs action, report it off track in its next progress report: it comes back " + "to you.",
        };
    }
}
