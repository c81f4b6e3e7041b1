using Quartz;

namespace PmfBot.Scheduling;

/// <summary>Work a Quartz job runs on a schedule: the due scan, the digest check.</summary>
public interface IScheduledWork
{
    /// <summary>What it is, for the log: "The due scan".</summary>
    string What { get; }

    Task RunScheduledAsync(CancellationToken cancellationToken);
}

public static class RepeatingJobs
{
    /// <summary>
    /// Runs <typeparamref name="TWork"/> from start-up every <paramref name="every"/> as a Quartz
    /// job, and the scheduler as a hosted service: added once, however many features schedule work.
    /// </summary>
    public static IServiceCollection AddRepeatingJob<TWork>(this IServiceCollection services, string name, TimeSpan every)
        where TWork : class, IScheduledWork
    {
        services.AddQuartz(q => q.ScheduleJob<RepeatingJob<TWork>>(
            trigger => trigger.WithIdentity(name).StartNow().WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()),
            job => job.WithIdentity(name)));
        if (!services.Any(d => d.ServiceType == typeof(SchedulerHosted)))
        {
            services.AddSingleton<SchedulerHosted>();
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }

    /// <summary>Marks that the scheduler's hosted service is registered.</summary>
    private sealed class SchedulerHosted;
}

/// <summary>
/// One scheduled run: one at a time per instance (claims in storage keep instances apart). A
/// failure (storage or Teams down) is logged and the next run tries again; claims make that safe.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RepeatingJob<TWork>(TWork work, ILogger<RepeatingJob<TWork>> logger) : IJob
    where TWork : IScheduledWork
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await work.RunScheduledAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e, work.What);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{What} failed; the next run will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
