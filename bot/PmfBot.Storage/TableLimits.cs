using Azure.Data.Tables;

namespace PmfBot.Storage;

/// <summary>Azure Table storage's limits, kept in code because Azurite does not enforce them.</summary>
/// <remarks>
/// Azure refuses: more than 100 operations in one entity-group transaction (all in one
/// partition); a string property over 64 KiB (32K UTF-16 characters); an entity over 1 MiB;
/// more than 252 custom properties. The domain keeps texts far smaller (4,000 characters), so
/// reaching these is a programmer error, not a person's.
/// </remarks>
public static class TableLimits
{
    public const int MaxBatchSize = 100;
    public const int MaxStringChars = 32 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxProperties = 252;

    /// <summary>Throws when an entity would be refused by Azure (and silently accepted by Azurite).</summary>
    public static void EnsureFits(ITableEntity entity, IReadOnlyDictionary<string, object?> properties)
    {
        if (properties.Count > MaxProperties)
        {
            throw new ArgumentException(
                $"Entity {entity.PartitionKey}/{entity.RowKey} has {properties.Count} properties; Azure allows "
                    + $"{MaxProperties}."
            );
        }

        long bytes = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in properties)
        {
            bytes += 8 + (name.Length * 2);
            if (value is string text)
            {
                if (text.Length > MaxStringChars)
                {
                    throw new ArgumentException(
                        $"Property {name} of {entity.PartitionKey}/{entity.RowKey} is {text.Length:N0} characters; "
                            + $"Azure allows {MaxStringChars:N0}."
                    );
                }

                bytes += 4 + (text.Length * 2);
            }
            else
            {
                bytes += 8;
            }
        }

        if (bytes > MaxEntityBytes)
        {
            throw new ArgumentException(
                $"Entity {entity.PartitionKey}/{entity.RowKey} is about {bytes:N0} bytes; Azure allows "
                    + $"{MaxEntityBytes:N0}."
            );
        }
    }

    /// <summary>Checks a typed table entity (its public properties) before it is written.</summary>
    public static T EnsureFits<T>(T entity)
        where T : ITableEntity
    {
        var properties = typeof(T)
            .GetProperties()
            .Where(p =>
                p.Name
                    is not (
                        nameof(ITableEntity.PartitionKey)
                        or nameof(ITableEntity.RowKey)
                        or nameof(ITableEntity.Timestamp)
                        or nameof(ITableEntity.ETag)
                    )
            )
            .ToDictionary(p => p.Name, p => p.GetValue(entity));
        EnsureFits(entity, properties);
        return entity;
    }

    /// <summary>
    /// Splits actions into transactions Azure accepts: at most 100 each. All actions must share a partition.
    /// </summary>
    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Batches(
        IReadOnlyList<TableTransactionAction> actions
    )
    {
        if (actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            throw new ArgumentException("An entity-group transaction must stay within one partition.", nameof(actions));
        }

        return actions.Chunk(MaxBatchSize);
    }
}
