using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;

namespace PmfBot.Domain.PlanActivities;

/// <summary>
/// Where an activity stood at an instant, as it was known then: its status (its latest report, else the
/// catalogue's), and whether it was late — past its due date unfinished, a milestone missed, or its quarterly report
/// overdue.
/// </summary>
/// <param name="Latest">The latest report known at the instant, if any: its commentary and action note.</param>
/// <param name="MissedMilestones">Milestones past their date and not completed (none once the activity is
/// finished).</param>
/// <param name="OverdueReport">The quarterly report owed and past its deadline, if one is.</param>
public sealed record PlanActivityStanding(
    PlanActivity PlanActivity,
    PlanActivityStatus Status,
    PlanActivityProgress? Latest,
    bool PastDueDate,
    IReadOnlyList<Milestone> MissedMilestones,
    PlanActivityReview? OverdueReport
)
{
    public bool IsFinished => Status is PlanActivityStatus.Completed or PlanActivityStatus.Stopped;

    /// <summary>Its latest escalation raised by the instant and not closed by then, if any: open or decided.</summary>
    public Escalation? Escalation { get; init; }

    public bool IsLate => PastDueDate || MissedMilestones.Count > 0 || OverdueReport is not null;

    /// <summary>Significantly off track: reported so (PMF: for the escalation owner).</summary>
    public bool IsOffTrack => Status == PlanActivityStatus.OffTrack;

    /// <summary>
    /// The activity as it stood at <paramref name="at"/>, from the reports recorded by then (and its escalations
    /// raised by then, among <paramref name="escalations"/>).
    /// </summary>
    public static PlanActivityStanding At(
        PlanActivity activity,
        IReadOnlyList<PlanActivityProgress> history,
        DateTimeOffset at,
        UpdateCyclePolicy policy,
        IEnumerable<Escalation>? escalations = null
    )
    {
        var known = history.Where(h => h.RecordedAt <= at).ToList();
        var status = PlanActivityReviews.CurrentStatus(activity, known);
        var finished = status is PlanActivityStatus.Completed or PlanActivityStatus.Stopped || activity.IsClosed;
        var today = UkTime.DateAt(at);
        var owed = finished ? null : PlanActivityReviews.OwedAt(activity, known, at, policy);
        return new PlanActivityStanding(
            activity,
            activity.IsClosed ? activity.Status : status,
            known.MaxBy(h => h.Period),
            !finished && today > activity.DueDate,
            finished ? [] : [.. activity.MissedMilestonesOn(today)],
            owed is not null && owed.Deadline.IsOverdueAt(at) ? owed : null
        )
        {
            Escalation = escalations
                ?.Where(x =>
                    string.Equals(x.PlanActivity, activity.Code, StringComparison.OrdinalIgnoreCase)
                    && x.RaisedAt <= at
                    && (x.Closure is null || x.Closure.At > at)
                )
                .MaxBy(x => x.RaisedAt),
        };
    }

    /// <summary>
    /// The activity as a period's report shows it: its report for the quarter the period ends in (or the latest
    /// before), whenever it was recorded, and lateness at the period's end. Milestones are judged by their status in
    /// the catalogue now, which keeps no history of them. Its escalation is that quarter's, or an earlier quarter's
    /// still open at the period's end, as it stands now (decided or closed since, the report says so).
    /// </summary>
    public static PlanActivityStanding ForPeriod(
        PlanActivity activity,
        IReadOnlyList<PlanActivityProgress> history,
        ReportingPeriod period,
        IEnumerable<Escalation>? escalations = null
    )
    {
        var quarter = ReportingPeriod.Containing(period.End, PeriodKind.Quarter);
        var reported = history.Where(h => h.Period <= quarter).ToList();
        var status = activity.IsClosed ? activity.Status : PlanActivityReviews.CurrentStatus(activity, reported);
        var finished = status is PlanActivityStatus.Completed or PlanActivityStatus.Stopped;
        var dayAfter = period.End.AddDays(1);
        return new PlanActivityStanding(
            activity,
            status,
            reported.MaxBy(h => h.Period),
            !finished && period.End > activity.DueDate,
            finished ? [] : [.. activity.MissedMilestonesOn(dayAfter)],
            null
        )
        {
            Escalation = escalations
                ?.Where(x =>
                    string.Equals(x.PlanActivity, activity.Code, StringComparison.OrdinalIgnoreCase)
                    && (
                        x.Period == quarter
                        || x.Period < quarter && (x.Closure is null || x.Closure.At >= UkTime.StartOf(dayAfter))
                    )
                )
                .MaxBy(x => x.Period),
        };
    }
}

/// <summary>How many activities stand where.</summary>
public sealed record PlanActivityCounts(int OnTrack, int AtRisk, int OffTrack, int NotStarted, int Finished)
{
    public int Total => OnTrack + AtRisk + OffTrack + NotStarted + Finished;

    public static PlanActivityCounts Of(IEnumerable<PlanActivityStanding> standings)
    {
        var list = standings.ToList();
        return new PlanActivityCounts(
            list.Count(s => s.Status == PlanActivityStatus.OnTrack),
            list.Count(s => s.Status == PlanActivityStatus.AtRisk),
            list.Count(s => s.Status == PlanActivityStatus.OffTrack),
            list.Count(s => s.Status == PlanActivityStatus.NotStarted),
            list.Count(s => s.IsFinished)
        );
    }
}

/// <summary>
/// A week of a scope's activities and milestones, for its digest: late and off track at the week's end, and those
/// completed during it.
/// </summary>
public sealed record PlanActivityWeek(
    PlanActivityCounts Now,
    IReadOnlyList<PlanActivityStanding> Late,
    IReadOnlyList<PlanActivityStanding> OffTrack,
    IReadOnlyList<PlanActivityStanding> Completed
)
{
    public static PlanActivityWeek Empty { get; } = new(new PlanActivityCounts(0, 0, 0, 0, 0), [], [], []);

    public bool IsQuiet => Late.Count == 0 && OffTrack.Count == 0 && Completed.Count == 0;

    /// <summary>
    /// Composes the week from each activity's reports. Completed "since last week" means a report of completion
    /// recorded during the week.
    /// </summary>
    /// <param name="escalations">The activities' escalations, shown beside them.</param>
    public static PlanActivityWeek Compose(
        IEnumerable<(PlanActivity PlanActivity, IReadOnlyList<PlanActivityProgress> History)> activities,
        DateTimeOffset from,
        DateTimeOffset to,
        UpdateCyclePolicy policy,
        IReadOnlyList<Escalation>? escalations = null
    )
    {
        var list = activities.ToList();
        var standings = list.Select(a => PlanActivityStanding.At(a.PlanActivity, a.History, to, policy, escalations))
            .ToList();
        var completed = list.Where(a =>
                a.History.Any(h =>
                    h.Status == PlanActivityStatus.Completed && h.RecordedAt > from && h.RecordedAt <= to
                )
            )
            .Select(a => standings.First(s => s.PlanActivity.Code == a.PlanActivity.Code));
        return new PlanActivityWeek(
            PlanActivityCounts.Of(standings),
            [.. Ordered(standings.Where(s => s.IsLate))],
            [.. Ordered(standings.Where(s => s.IsOffTrack))],
            [.. Ordered(completed)]
        );
    }

    private static IEnumerable<PlanActivityStanding> Ordered(IEnumerable<PlanActivityStanding> standings) =>
        standings
            .OrderBy(s => s.PlanActivity.ServiceCode, StringComparer.Ordinal)
            .ThenBy(s => s.PlanActivity.Code, StringComparer.Ordinal);
}
