using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Standings;
using PmfBot.Storage.Standings;

namespace PmfBot.Standings;

/// <summary>Where measures stand, read a service at a time: one request per service, never per measure.</summary>
public sealed class StandingsReader(StandingStore standings)
{
    private const int AtOnce = 16;

    /// <summary>One measure's standing (an empty one when it has none yet): one point read.</summary>
    public async Task<MeasureStanding> OfAsync(Measure measure, CancellationToken cancellationToken) =>
        (await standings.GetAsync(measure.ServiceCode, measure.Reference, cancellationToken))?.Standing
        ?? MeasureStanding.Empty(measure.Reference);

    /// <summary>The standings of these measures (an empty one for a measure with none yet), in their order.</summary>
    public async Task<IReadOnlyList<MeasureStanding>> ForAsync(
        IReadOnlyList<Measure> measures,
        CancellationToken cancellationToken
    )
    {
        var services = measures.Select(m => m.ServiceCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new MeasureStanding[services.Count][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, services.Count),
            new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = [.. await standings.GetServiceAsync(services[i], ct)]
        );
        // A measure that moved service may briefly stand in both partitions: its current service's counts.
        var byMeasure = services
            .Zip(found)
            .SelectMany(s => s.Second.Select(standing => (Service: s.First, Standing: standing)))
            .ToLookup(s => s.Standing.Measure);
        return
        [
            .. measures.Select(m =>
                byMeasure[m.Reference]
                    .FirstOrDefault(s => string.Equals(s.Service, m.ServiceCode, StringComparison.OrdinalIgnoreCase))
                    .Standing
                ?? MeasureStanding.Empty(m.Reference)
            ),
        ];
    }
}
