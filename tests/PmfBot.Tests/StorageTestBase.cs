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
    };

    public async Task InitializeAsync() => Storage = await TestStorage.CreateAsync();

    public async Task DisposeAsync() => await Storage.DisposeAsync();
}
