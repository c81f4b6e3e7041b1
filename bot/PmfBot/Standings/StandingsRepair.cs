using Microsoft.Extensions.Options;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Standings;
using PmfBot.Scheduling;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Outbox;
using PmfBot.Storage.Results;
using PmfBot.Storage.Standings;

namespace PmfBot.Standings;

/// <summary>What a repair pass found and did.</summary>
/// <param name="Checked">Measures whose standing was compared with their history.</param>
/// <param name="Rebuilt">Standings written because they were missing or disagreed with history.</param>
/// <param name="Removed">Standings of measures gone from the catalogue, or kept under a service they left.</param>
/// <param name="Remarked">Events found in the outbox without a marker, marked again.</param>
public sealed record StandingsRepairSummary(int Checked, int Rebuilt, int Removed, int Remarked)
{
    public override string ToString() =>
        $"{Checked:N0} standings checked against history: {Rebuilt:N0} rebuilt, {Removed:N0} removed; "
        + $"{Remarked:N0} stray events marked again.";
}

public sealed class StandingsOptions
{
    public const string SectionName = "Standings";

    /// <summary>
    /// How often the repair pass compares every standing with history (it also runs when a new leader starts).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RepairEvery { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Off only where something else runs the repair (benchmarks, which time it themselves).</summary>
    public bool RepairOnSchedule { get; set; } = true;
}

/// <summary>
/// The repair pass: every standing is compared with its measure's history and rebuilt where they
/// disagree (a standing written before this existed, an event lost to a bug, a measure moved
/// service). Scheduled daily and at start-up, run after a seed or import (standings only), and by
/// <c>pmfbot standings rebuild</c>. Each write is conditional on the standing being as read, so an
/// event handled meanwhile is never overwritten: the next pass judges that measure again.
/// </summary>
public sealed partial class StandingsRepair(
    CatalogueStore catalogue,
    ResultStore results,
    StandingStore standings,
    EscalationStore escalations,
    OutboxStore outbox,
    ILogger<StandingsRepair> logger
) : IScheduledWork
{
    private const int AtOnce = 16;

    public string What => "The standings repair";

    public async Task RunScheduledAsync(CancellationToken cancellationToken)
    {
        var summary = await RepairAsync(cancellationToken);
        LogRepaired(logger, summary.Checked, summary.Rebuilt, summary.Removed, summary.Remarked);
    }

    /// <summary>
    /// The daily pass (and <c>standings rebuild</c>): every standing rebuilt where it disagrees with
    /// history, and stray events marked again.
    /// </summary>
    public async Task<StandingsRepairSummary> RepairAsync(CancellationToken cancellationToken)
    {
        var rebuilt = await RebuildAsync(cancellationToken);
        return rebuilt with { Remarked = await outbox.RemarkStrayEventsAsync(cancellationToken) };
    }

    /// <summary>
    /// Standings only, without the scan of the whole results table for stray events: what a seed or a
    /// catalogue import needs after writing history or moving measures.
    /// </summary>
    public async Task<StandingsRepairSummary> RebuildAsync(CancellationToken cancellationToken)
    {
        var council = await catalogue.LoadAsync(cancellationToken);
        var measures = council.Measures;

        // Standings first, history after: a standing changed by an event in between fails its ETag check.
        var stored = await standings.GetAllAsync(cancellationToken);
        var byMeasure = stored.ToLookup(s => s.Standing.Measure);
        var escalated = (await escalations.GetAllAsync(cancellationToken)).ToLookup(x => x.Measure);
        var rebuilt = 0;
        var atOnce = new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(measures, atOnce, async (measure, ct) =>
        {
            var kept = byMeasure[measure.Reference].FirstOrDefault(s => SameService(s.Service, measure.ServiceCode));
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var (history, extensions) = await results.GetHistoryAndExtensionsAsync(measure.Reference, ct);
                // Read again after a conflict: the escalation may be what changed meanwhile.
                var itsEscalations =
                    attempt == 1
                        ? escalated[measure.Reference]
                        : (await escalations.GetForSubjectAsync(measure.Reference, ct)).Select(x => x.Escalation);
                var truth = MeasureStanding.FromHistory(measure.Reference, history, extensions, itsEscalations);
                if (kept is not null && kept.Standing.SameAs(truth))
                {
                    return;
                }

                if (await standings.TryWriteAsync(measure.ServiceCode, truth, kept?.ETag, ct))
                {
                    Interlocked.Increment(ref rebuilt);
                    return;
                }

                // Written meanwhile (an event, another pass): judge again from what is there now.
                kept = await standings.GetAsync(measure.ServiceCode, measure.Reference, ct);
            }
        });

        var inCatalogue = council.Measures.ToDictionary(m => m.Reference, m => m.ServiceCode);
        var removed = 0;
        foreach (
            var misplaced in stored.Where(s =>
                !inCatalogue.TryGetValue(s.Standing.Measure, out var service) || !SameService(s.Service, service)
            )
        )
        {
            removed += await standings.TryDeleteAsync(misplaced, cancellationToken) ? 1 : 0;
        }

        return new StandingsRepairSummary(measures.Count, rebuilt, removed, Remarked: 0);
    }

    private static bool SameService(string stored, string service) =>
        string.Equals(stored, service, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Standings repair: {Checked} checked, {Rebuilt} rebuilt, {Removed} removed, "
            + "{Remarked} events marked again"
    )]
    private static partial void LogRepaired(ILogger logger, int @checked, int rebuilt, int removed, int remarked);
}

public static class StandingsStartup
{
    /// <summary>The figure event's handlers and outbox run, the standings and their repair pass.</summary>
    public static IServiceCollection AddStandings(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<Events.OutboxOptions>()
            .Bind(configuration.GetSection(Events.OutboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services
            .AddOptions<StandingsOptions>()
            .Bind(configuration.GetSection(StandingsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Events.FigureEvents>();
        services.AddSingleton<Events.ProgressEvents>();
        services.AddSingleton<Events.HandledMarkers>();
        services.AddSingleton<Events.OutboxRun>();
        services.AddSingleton<StandingsKeeper>();
        services.AddSingleton<Events.IFigureEventHandler>(s => s.GetRequiredService<StandingsKeeper>());
        services.AddSingleton<Events.IOutboxRefresh>(s => s.GetRequiredService<StandingsKeeper>());
        services.AddSingleton<StandingsRepair>();
        services.AddSingleton<StandingsReader>();
        services.AddSingleton<PlanActivityReader>();

        var outbox = configuration.GetSection(Events.OutboxOptions.SectionName).Get<Events.OutboxOptions>() ?? new();
        var repair = configuration.GetSection(StandingsOptions.SectionName).Get<StandingsOptions>() ?? new();
        services.AddRepeatingJob<Events.OutboxRun>("outbox", outbox.Every);
        if (repair.RepairOnSchedule)
        {
            services.AddRepeatingJob<StandingsRepair>("standings-repair", repair.RepairEvery);
        }

        return services;
    }
}
