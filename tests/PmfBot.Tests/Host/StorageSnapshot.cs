using Azure.Data.Tables;
using PmfBot.Storage;

namespace PmfBot.Tests.Host;

/// <summary>Entities in each of PmfBot's tables, taken before and after, to show nothing was written.</summary>
public sealed record StorageSnapshot(IReadOnlyDictionary<string, int> Counts)
{
    public static async Task<StorageSnapshot> TakeAsync(PmfTables tables)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in tables.All)
        {
            var n = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                n++;
            }

            counts[table.Name] = n;
        }

        return new StorageSnapshot(counts);
    }

    /// <summary>The tables whose counts differ, e.g. "TxResults 392 → 393".</summary>
    public IEnumerable<string> ChangesTo(StorageSnapshot after, params string[] except) =>
        Counts.Where(c => !except.Any(e => c.Key.EndsWith(e, StringComparison.Ordinal)))
            .Where(c => after.Counts[c.Key] != c.Value)
            .Select(c => $"{c.Key} {c.Value} → {after.Counts[c.Key]}");
}
