using Azure.Data.Tables;

namespace PmfBot.Storage;

/// <summary>
/// Deletes the rows a filter finds, a partition's batch at a time: how retention and leavers' data are deleted.
/// </summary>
internal static class TableSweep
{
    /// <returns>How many rows were deleted.</returns>
    public static async Task<int> DeleteAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var expired = new List<TableEntity>();
        await foreach (
            var row in table.QueryAsync<TableEntity>(
                filter,
                select: ["PartitionKey", "RowKey"],
                cancellationToken: cancellationToken
            )
        )
        {
            expired.Add(row);
        }

        var deleted = 0;
        var batches = expired
            .GroupBy(e => e.PartitionKey)
            .SelectMany(partition =>
                TableLimits.Batches([
                    .. partition.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, e.ETag)),
                ])
            );
        foreach (var batch in batches)
        {
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                deleted += batch.Count;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // Deleted or changed since the scan (another instance's run): left for the next run to judge again.
            }
        }

        return deleted;
    }
}
