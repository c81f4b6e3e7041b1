using Azure.Data.Tables;
using PmfBot.Storage;

namespace PmfBot.Testing;

/// <summary>
/// Tables on the Azurite that the test command started (PMFBOT_TEST_STORAGE), under a prefix of
/// their own, so test classes never see each other's data and order never matters. Deleted on dispose.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string Variable = "PMFBOT_TEST_STORAGE";

    private TestStorage(string connectionString, string prefix)
    {
        ConnectionString = connectionString;
        Prefix = prefix;
        Tables = new PmfTables(new TableServiceClient(connectionString), prefix);
    }

    public string ConnectionString { get; }

    public string Prefix { get; }

    public PmfTables Tables { get; }

    public static string RequiredConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with infra/local/test.sh, which starts Azurite and sets it.");

    public static async Task<TestStorage> CreateAsync()
    {
        var storage = new TestStorage(RequiredConnectionString, "T" + Guid.NewGuid().ToString("N")[..12]);
        await storage.Tables.EnsureCreatedAsync(CancellationToken.None);
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in Tables.All)
        {
            await table.DeleteAsync();
        }
    }
}
