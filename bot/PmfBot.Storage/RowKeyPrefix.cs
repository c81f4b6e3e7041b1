using Azure.Data.Tables;

namespace PmfBot.Storage;

/// <summary>A single-partition query for every RowKey that starts with a prefix.</summary>
internal static class RowKeyPrefix
{
    /// <summary>
    /// RowKeys from <paramref name="prefix"/> up to (not including) the prefix with its last
    /// character bumped: "measure|" to "measure}" holds exactly the keys starting "measure|".
    /// </summary>
    public static string Filter(string partitionKey, string prefix) => Filter(partitionKey, prefix, prefix);

    /// <summary>
    /// RowKeys starting with <paramref name="first"/>, <paramref name="last"/>, or anything that sorts between them.
    /// </summary>
    public static string Filter(string partitionKey, string first, string last) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and RowKey ge {first} and RowKey lt {After(last)}"
        );

    /// <summary>The first RowKey after every key that starts with <paramref name="prefix"/>.</summary>
    public static string After(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
