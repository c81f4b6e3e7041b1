using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Domain.PlanActivities;

/// <summary>
/// An activity's quarter whose progress report is owed, and the step of the reminder schedule due now (if any).
/// </summary>
public sealed record PlanActivityReview(
    PlanActivity PlanActivity,
    ReportingPeriod Period,
    Deadline Deadline,
    ScheduledReminder? Step
);

/// <summary>
/// Activities run the same cycle as measures, quarterly (PMF: "reviewed and updated at least
/// quarterly"): each open activity owes a progress report for the quarter just ended, due by the
/// quarterly deadline, with the same prompt, reminders and overdue chasers.
/// </summary>
public static class PlanActivityReviews
{
    /// <summary>
    /// The report owed for an activity as of now, or null: it is closed (completed or stopped, in the catalogue or a
    /// report), answered, or its window is shut.
    /// </summary>
    public static PlanActivityReview? OwedAt(
        PlanActivity activity,
        IReadOnlyList<PlanActivityProgress> history,
        DateTimeOffset now,
        UpdateCyclePolicy policy
    )
    {
        var today = UkTime.DateAt(now);
        var period = ReportingPeriod.Containing(today, PeriodKind.Quarter).Previous;
        var closedByReport = history.Any(h =>
            h.Period < period && h.Status is PlanActivityStatus.Completed or PlanActivityStatus.Stopped
        );
        if (activity.IsClosed || closedByReport || history.Any(h => h.Period == period))
        {
            return null;
        }

        var deadline = new Deadline(policy.Deadlines.Quarterly.DeadlineFor(period, policy.Deadlines.Calendar), null);
        if (policy.StateAt(period, deadline, now) != UpdateWindowState.Open)
        {
            return null;
        }

        var plan = policy.Schedule.Plan(period, deadline, policy.Deadlines.Calendar);
        return new PlanActivityReview(activity, period, deadline, ReminderSchedule.StepDueAt(plan, now));
    }

    /// <summary>Where the activity stands: its latest report, else the catalogue's status.</summary>
    public static PlanActivityStatus CurrentStatus(
        PlanActivity activity,
        IReadOnlyList<PlanActivityProgress> history
    ) => history.MaxBy(h => h.Period)?.Status ?? activity.Status;
}
