using Microsoft.Extensions.Diagnostics.HealthChecks;
using PmfBot.Scheduling;

namespace PmfBot.Health;

/// <summary>
/// Says whether this instance leads the scheduled work or follows; unhealthy when it can't reach the lease at all.
/// </summary>
public sealed class LeadershipHealthCheck(SchedulerLeader leader) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    ) =>
        Task.FromResult(
            leader.State switch
            {
                LeadershipState.Leader => HealthCheckResult.Healthy(
                    $"Leader since {leader.LeaderSince:O}: runs the scheduled work."
                ),
                LeadershipState.Follower => HealthCheckResult.Healthy(
                    "Follower: another instance runs the scheduled work."
                ),
                LeadershipState.Starting => HealthCheckResult.Degraded(
                    "Starting: not yet known whether this instance leads."
                ),
                _ => HealthCheckResult.Unhealthy("The scheduler's lease in blob storage can't be reached."),
            }
        );
}
