using Microsoft.Extensions.Diagnostics.HealthChecks;
using PmfBot.Storage;

namespace PmfBot.Health;

/// <summary>Healthy when the catalogue table answers a one-row query.</summary>
public sealed class TableStorageHealthCheck(PmfTables tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            await foreach (
                var _ in tables
                    .Catalogue.QueryAsync<Azure.Data.Tables.TableEntity>(
                        maxPerPage: 1,
                        select: ["PartitionKey"],
                        cancellationToken: cancellationToken
                    )
                    .AsPages(pageSizeHint: 1)
            )
            {
                break;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Azure.RequestFailedException e) when (e.Status > 0)
        {
            return HealthCheckResult.Unhealthy($"Table storage answered {e.Status}.");
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            // No answer at all (the client's retries ran out, reported as an AggregateException).
            return HealthCheckResult.Unhealthy("Table storage is unreachable.", e);
        }
    }
}
