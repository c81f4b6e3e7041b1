using Microsoft.Extensions.Logging.Abstractions;
using PmfBot.Testing;

namespace PmfBot.Tests;

/// <summary>Each test gets fresh tables on the real Azurite.</summary>
public abstract class StorageTestBase : IAsyncLifetime
{
    protected TestStorage Storage { get; private set; } = null!;

    /// <summary>Configuration that points a host or the admin command line at this test's tables.</summary>
    protected Dictionary<string, string?> Settings => new()
    {
        ["Storage:ConnectionString"] = Storage.ConnectionString,
        ["Storage:TablePrefix"] = Storage.Prefix,
        ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
        ["Updates:ScanOnSchedule"] = "false", // tests run the due scan themselves
        ["Digests:PostOnSchedule"] = "false", // and post digests themselves
        ["Retention:DeleteExpiredAuditEntries"] = "false", // and delete expired audit entries themselves
        ["Retention:SweepOnSchedule"] = "false", // and sweep personal data themselves
        ["Graph:CheckLeaversOnSchedule"] = "false", // and check for leavers themselves
        ["Standings:RepairOnSchedule"] = "false", // and repair standings themselves (the seed builds them)
        ["Outbox:Every"] = "01:00:00", // and run the outbox themselves (the scheduler's first run is at start-up)
    };

    /// <summary>The demo seeder on this test's tables, building standings as the bot's does.</summary>
    protected Features.Demo.DemoSeeder DemoSeeder()
    {
        var tables = Storage.Tables;
        var catalogue = new global::PmfBot.Storage.Catalogue.CatalogueStore(tables);
        var results = new global::PmfBot.Storage.Results.ResultStore(tables);
        var repair = new global::PmfBot.Standings.StandingsRepair(
            catalogue,
            results,
            new global::PmfBot.Storage.Standings.StandingStore(tables),
            new global::PmfBot.Storage.Escalations.EscalationStore(tables),
            new global::PmfBot.Storage.Outbox.OutboxStore(tables),
            NullLogger<global::PmfBot.Standings.StandingsRepair>.Instance);
        return new Features.Demo.DemoSeeder(
            catalogue,
            results,
            new global::PmfBot.Storage.PlanActivities.PlanActivityProgressStore(tables),
            repair,
            new CouncilRules(
                Domain.Deadlines.UpdateCyclePolicy.Default, Domain.Status.StatusPolicy.Default, Domain.Catalogue.Margin.DefaultTolerance));
    }

    public async Task InitializeAsync() => Storage = await TestStorage.CreateAsync();

    public virtual async Task DisposeAsync() => await Storage.DisposeAsync();
}
