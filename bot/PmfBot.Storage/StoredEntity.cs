using Azure;
using Azure.Data.Tables;

namespace PmfBot.Storage;

/// <summary>The four properties every table entity carries; each store's entities add their own.</summary>
public abstract class StoredEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
