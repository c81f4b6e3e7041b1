using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Status;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.PlanActivities;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Demo;

/// <summary>What seeding did, for the log and the console.</summary>
public sealed record DemoSeedSummary(
    int Departments,
    int Services,
    int Measures,
    int Activities,
    int ResultsWritten,
    int ResultsAlreadyThere,
    DateOnly AsOf
)
{
    public override string ToString() =>
        $"{DemoCouncil.Name} seeded as of {AsOf:d MMM yyyy}: {Measures} measures in {Services} services and "
        + $"{Departments} departments, "
        + $"{Activities} activities, {ResultsWritten + ResultsAlreadyThere} results ({ResultsWritten} new).";
}

/// <summary>
/// Writes the demo council into storage. Safe to run again: the catalogue is refreshed, recorded results are never
/// overwritten.
/// </summary>
public sealed class DemoSeeder(
    CatalogueStore catalogue,
    ResultStore results,
    PlanActivityProgressStore activities,
    Standings.StandingsRepair standings,
    CouncilRules rules
)
{
    public async Task<DemoSeedSummary> SeedAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        // Structure and people first, then measures and activities: each step one all-or-nothing write.
        await WriteAsync(
            new CatalogueChange
            {
                Departments = DemoCouncil.Departments,
                Services = DemoCouncil.Services,
                Priorities = DemoCouncil.Priorities,
                People = DemoPeople.All,
            },
            cancellationToken
        );
        await WriteAsync(
            new CatalogueChange
            {
                Measures = [.. DemoCouncil.Measures.Select(m => m.Measure)],
                Activities = DemoCouncil.Activities,
            },
            cancellationToken
        );

        var history = DemoHistory.Generate(asOf, rules.Cycle.Deadlines, rules.Status);
        var written = await results.RecordManyAsync(history, cancellationToken);
        await activities.RecordManyAsync(
            DemoPlanActivityHistory.Generate(asOf, DeadlinePolicy.Default),
            cancellationToken
        );
        if (
            DemoExtension.PendingAsOf(asOf) is { } request
            && (await results.GetExtensionsAsync(request.Measure, request.Period, cancellationToken)).Count == 0
        )
        {
            await results.AddExtensionRequestAsync(request, cancellationToken);
        }

        // History is written without events: the seeded measures' standings are built from it.
        await standings.RebuildAsync(cancellationToken);

        return new DemoSeedSummary(
            DemoCouncil.Departments.Count,
            DemoCouncil.Services.Count,
            DemoCouncil.Measures.Count,
            DemoCouncil.Activities.Count,
            written,
            history.Count - written,
            asOf
        );
    }

    private async Task WriteAsync(CatalogueChange change, CancellationToken cancellationToken)
    {
        // Reopen on a clash: the seed is the only writer in a demo, so a retry with fresh versions is right.
        for (var attempt = 1; ; attempt++)
        {
            var editor = await catalogue.OpenAsync(cancellationToken);
            if (await editor.TryWriteAsync(change, cancellationToken) == CatalogueWriteOutcome.Written)
            {
                return;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException(
                    "The catalogue kept changing while the demo council was being seeded."
                );
            }
        }
    }
}
