using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Escalations;

/// <summary>What raised an escalation.</summary>
public enum EscalationTrigger
{
    /// <summary>A Red result: significantly off track.</summary>
    Red,

    /// <summary>
    /// Amber and worse than the period before, for the configured number of periods running (or worse, with no target).
    /// </summary>
    AmberWorsening,

    /// <summary>The update is long overdue.</summary>
    Overdue,

    /// <summary>The owner escalated it themselves ("escalate NI 192").</summary>
    ByHand,

    /// <summary>An activity was reported significantly off track.</summary>
    OffTrack,

    /// <summary>An activity's milestone is past its date and not completed.</summary>
    MissedMilestone,
}

/// <summary>
/// PMF: where a measure is significantly off track, the owner escalates to the Chief Officer —
/// the escalation owner. These rules decide when a result (or a missing one) does so on its own.
/// </summary>
public static class EscalationRules
{
    /// <summary>
    /// Whether a recorded result escalates, judged with the measure's history (which may include it).
    /// </summary>
    public static EscalationTrigger? ForResult(
        MeasureResult result,
        IReadOnlyList<MeasureResult> history,
        EscalationPolicy policy
    )
    {
        if (policy.EscalateRed && result.Rag == RagStatus.Red)
        {
            return EscalationTrigger.Red;
        }

        if (policy.AmberWorseningPeriods <= 0 || !IsSlipping(result))
        {
            return null;
        }

        // Count the periods running, back from this one, that were slipping too.
        var byPeriod = history.Where(h => h.Period != result.Period).ToDictionary(h => h.Period);
        var running = 1;
        for (
            var period = result.Period.Previous;
            running < policy.AmberWorseningPeriods
                && byPeriod.TryGetValue(period, out var earlier)
                && IsSlipping(earlier);
            period = period.Previous
        )
        {
            running++;
        }

        return running >= policy.AmberWorseningPeriods ? EscalationTrigger.AmberWorsening : null;
    }

    /// <summary>
    /// Whether a missing update has been overdue long enough to escalate: more than the policy's days, from 09:00 on
    /// the day.
    /// </summary>
    public static bool OverdueEscalates(Deadline deadline, DateTimeOffset now, EscalationPolicy policy) =>
        policy.OverdueDays is { } days && now >= EscalationPolicy.FollowUpAt(deadline.Date, days + 1);

    /// <summary>
    /// Whether a later result closes an escalation: within tolerance (not Red) and not slipping
    /// (Amber and worse again, or worse with no target), so the off-track spell is over.
    /// </summary>
    public static bool IsBackWithinTolerance(MeasureResult result) =>
        result.Rag != RagStatus.Red && !IsSlipping(result);

    /// <summary>
    /// How many periods running, back from this result, the measure has been off track (Amber or
    /// Red; with no target, worse): how long the escalation owner has been carrying it. Zero when on track.
    /// </summary>
    public static int PeriodsOffTrack(MeasureResult result, IReadOnlyList<MeasureResult> history)
    {
        var byPeriod = history.ToDictionary(h => h.Period);
        byPeriod[result.Period] = result;
        var count = 0;
        for (
            var period = result.Period;
            byPeriod.TryGetValue(period, out var r) && IsOffTrack(r);
            period = period.Previous
        )
        {
            count++;
        }

        return count;
    }

    private static bool IsOffTrack(MeasureResult result) =>
        result.Rag is RagStatus.Amber or RagStatus.Red
        || (result.Rag is null && result.VsPrevious == DirectionOfTravel.Worse);

    /// <summary>Amber and worse than the period before; or, with no target to be Amber against, worse.</summary>
    private static bool IsSlipping(MeasureResult result) =>
        result.VsPrevious == DirectionOfTravel.Worse && (result.Rag == RagStatus.Amber || result.Rag is null);
}
