using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.PlanActivities;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.PlanActivities;

namespace PmfBot.Standings;

/// <summary>
/// Reads activities' quarterly reports for a scope's digest or scorecard: every activity's at once, one query over
/// their partitions (see <see cref="PlanActivityProgressStore.GetAllHistoriesAsync"/>), whatever the scope.
/// </summary>
public sealed class PlanActivityReader(PlanActivityProgressStore store, EscalationStore escalations)
{
    /// <summary>
    /// Every activity's escalations, when there are activities to show them beside: one query over their range of the
    /// table (they are few: one per activity and quarter at most).
    /// </summary>
    public async Task<IReadOnlyList<Escalation>> EscalationsAsync(
        IReadOnlyList<PlanActivity> activities,
        CancellationToken cancellationToken
    ) =>
        activities.Count == 0
            ? []
            : [.. (await escalations.GetAllOfPlanActivitiesAsync(cancellationToken)).Select(s => s.Escalation)];

    public async Task<
        IReadOnlyList<(PlanActivity PlanActivity, IReadOnlyList<PlanActivityProgress> History)>
    > ReadAsync(IReadOnlyList<PlanActivity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        var all = await store.GetAllHistoriesAsync(cancellationToken);
        return [.. activities.Select(a => (a, all.TryGetValue(a.Code, out var history) ? history : []))];
    }
}
