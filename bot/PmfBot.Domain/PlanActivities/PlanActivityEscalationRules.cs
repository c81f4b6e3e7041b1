using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;

namespace PmfBot.Domain.PlanActivities;

/// <summary>
/// PMF: an action significantly off track, or a milestone missed, goes to the Chief Officer like an off-track
/// measure. These rules decide when an activity's report (or a milestone's date) does so, and when it is over.
/// </summary>
public static class PlanActivityEscalationRules
{
    /// <summary>Whether a report escalates its quarter: reported off track.</summary>
    public static EscalationTrigger? ForReport(PlanActivityProgress report) =>
        report.Status == PlanActivityStatus.OffTrack ? EscalationTrigger.OffTrack : null;

    /// <summary>
    /// Whether a later report ends an escalation of the activity's: back on track (or not yet started again) ends an
    /// off-track one; completion ends any, a missed milestone's too.
    /// </summary>
    public static bool IsEndedBy(PlanActivityProgress report, Escalation escalation) =>
        report.Period >= escalation.Period
        && (
            report.Status == PlanActivityStatus.Completed
            || (
                escalation.Trigger == EscalationTrigger.OffTrack
                && report.Status is PlanActivityStatus.OnTrack or PlanActivityStatus.AtRisk
            )
        );

    /// <summary>
    /// The milestones that escalate now: past their date and not completed, of an activity not finished, from 09:00
    /// the day after the date. Each escalates the quarter its date falls in (one escalation per quarter, whatever
    /// else escalated it).
    /// </summary>
    public static IReadOnlyList<(ReportingPeriod Quarter, Milestone Milestone)> MissedMilestonesAt(
        PlanActivityStanding standing,
        DateTimeOffset now
    ) =>
        [
            .. standing
                .MissedMilestones.Where(m => now >= EscalationPolicy.FollowUpAt(m.DueDate, 1))
                .OrderBy(m => m.DueDate)
                .Select(m => (ReportingPeriod.Containing(m.DueDate, PeriodKind.Quarter), m)),
        ];
}
