using PmfBot.Domain.Catalogue;
using PmfBot.Domain.PlanActivities;
using PmfBot.Storage.PlanActivities;

namespace PmfBot.Standings;

/// <summary>
/// Reads activities' quarterly reports for a scope's digest or scorecard: a partition each, a few at a time. A
/// council has tens of activities to its thousands of measures, so they are read whole rather than kept as standings.
/// </summary>
public sealed class PlanActivityReader(PlanActivityProgressStore store)
{
    private const int InFlight = 16;

    public async Task<
        IReadOnlyList<(PlanActivity PlanActivity, IReadOnlyList<PlanActivityProgress> History)>
    > ReadAsync(IReadOnlyList<PlanActivity> activities, CancellationToken cancellationToken)
    {
        var histories = new IReadOnlyList<PlanActivityProgress>[activities.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, activities.Count),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken },
            async (i, ct) => histories[i] = await store.GetHistoryAsync(activities[i].Code, ct)
        );
        return [.. activities.Select((a, i) => (a, histories[i]))];
    }
}
