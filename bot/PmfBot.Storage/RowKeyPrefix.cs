using Azure.Data.Tables;

namespace PmfBot.Storage;

/// <summary>A single-partition query for every RowKey that starts with a prefix.</summary>
internal static class RowKeyPrefix
{
    /// <summary>
    /// RowKeys from <paramref name="prefix"/> up to (not including) the prefix with its last
    /// character bumped: "measure|" to "measure}" holds exactly the keys starting "measure|".
    /// </summary>
    public static string Filter(string partitionKey, string prefix)
    {
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {upper}");
    }
}
