using PmfBot.Domain.Catalogue;
using PmfBot.Domain.PlanActivities;
using PmfBot.Storage.PlanActivities;

namespace PmfBot.Standings;

/// <summary>
/// Reads activities' quarterly reports for a scope's digest or scorecard: every activity's at once, one query over
/// their partitions (see <see cref="PlanActivityProgressStore.GetAllHistoriesAsync"/>), whatever the scope.
/// </summary>
public sealed class PlanActivityReader(PlanActivityProgressStore store)
{
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
