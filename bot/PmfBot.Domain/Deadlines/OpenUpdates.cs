using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Deadlines;

/// <summary>A measure's period whose figure is owed: ended, reported, unanswered and not yet closed.</summary>
public sealed record OpenUpdate(Measure Measure, ReportingPeriod Period, Deadline Deadline);

/// <summary>Which of a measure's periods are owed as of an instant, newest first.</summary>
/// <remarks>Pure: the caller passes in what storage knows (answered periods, extensions).</remarks>
public static class OpenUpdates
{
    public static IEnumerable<OpenUpdate> For(
        Measure measure,
        Func<Measure, ReportingPeriod, bool> isAnswered,
        Func<Measure, ReportingPeriod, IEnumerable<DeadlineExtension>> extensions,
        DateTimeOffset now,
        UpdateCyclePolicy policy
    )
    {
        for (var period = measure.LatestEndedPeriodAsOf(UkTime.DateAt(now)); ; period = period.Previous)
        {
            var deadline = policy.Deadlines.DeadlineFor(measure, period, extensions(measure, period));
            if (policy.StateAt(period, deadline, now) == UpdateWindowState.Closed)
            {
                yield break; // this period and every earlier one are closed
            }

            if (measure.IsReportedFor(period) && !isAnswered(measure, period))
            {
                yield return new OpenUpdate(measure, period, deadline);
            }
        }
    }
}
