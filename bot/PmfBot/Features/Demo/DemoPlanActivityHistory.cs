using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.PlanActivities;

namespace PmfBot.Features.Demo;

/// <summary>
/// The demo activities' progress reports for the two quarters before the demo's date. Priya's
/// latest is left unanswered, as is any whose deadline has not passed, so a newcomer is prompted.
/// </summary>
public static class DemoPlanActivityHistory
{
    public static IReadOnlyList<PlanActivityProgress> Generate(DateOnly asOf, DeadlinePolicy deadlines)
    {
        var latest = ReportingPeriod.Containing(asOf, PeriodKind.Quarter).Previous;
        var reports = new List<PlanActivityProgress>();
        foreach (var activity in DemoCouncil.Activities)
        {
            foreach (var period in new[] { latest.Previous, latest })
            {
                var deadline = deadlines.Quarterly.DeadlineFor(period, deadlines.Calendar);
                if (period == latest && (activity.Owner == DemoPeople.PriyaShah.Id || deadline >= asOf))
                {
                    continue;
                }

                var (status, commentary, action) =
                    period == latest
                        ? (
                            activity.Status,
                            activity.Commentary ?? "Progress as planned.",
                            activity.Status is PlanActivityStatus.AtRisk or PlanActivityStatus.OffTrack
                                ? "Recovery plan agreed with the supplier; reviewed fortnightly."
                                : null
                        )
                        : (PlanActivityStatus.OnTrack, "The quarter's milestones were met.", (string?)null);
                reports.Add(
                    new PlanActivityProgress(
                        activity.Code,
                        period,
                        status,
                        null,
                        commentary,
                        action,
                        activity.Owner,
                        UkTime.At(deadline.AddDays(-2), new TimeOnly(10, 0))
                    )
                );
            }
        }

        return reports;
    }
}
