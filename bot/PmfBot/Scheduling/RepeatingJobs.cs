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
    /// Runs <typeparamref name="TWork"/> every <paramref name="every"/> as a Quartz job, on the
    /// scheduler leader only (see <see cref="SchedulerLeader"/>), and the scheduler as a hosted
    /// service: added once, however many features schedule work.
    /// </summary>
    public static IServiceCollection AddRepeatingJob<TWork>(
        this IServiceCollection services,
        string name,
        TimeSpan every
    )
        where TWork : class, IScheduledWork
    {
        services.AddQuartz(q =>
            q.ScheduleJob<RepeatingJob<TWork>>(
                trigger =>
                    trigger
                        .WithIdentity(name)
                        .StartNow()
                        .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()),
                job => job.WithIdentity(name)
            )
        );
        if (
            services.FirstOrDefault(d => d.ServiceType == typeof(ScheduledJobNames))?.ImplementationInstance
            is ScheduledJobNames names
        )
        {
            names.Add(name);
        }
        else
        {
            services.AddSingleton(new ScheduledJobNames([name]));
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}

/// <summary>The repeating jobs' names: a new leader runs each at once rather than waiting for its next turn.</summary>
public sealed class ScheduledJobNames(IEnumerable<string> names) : List<string>(names);

/// <summary>
/// One scheduled run, on the scheduler leader only and one at a time, in a trace and a log scope
/// of its own (<see cref="ScheduledRuns"/>). It stops when the leader's tenure ends. A failure (storage or Teams down)
/// is logged and the next run tries again; claims
/// in storage make that safe.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RepeatingJob<TWork>(TWork work, SchedulerLeader leader, ILogger<RepeatingJob<TWork>> logger)
    : IJob
    where TWork : IScheduledWork
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!leader.IsLeader)
        {
            return; // another instance runs it
        }

        var job = context.JobDetail.Key.Name;
        using var run = ScheduledRuns.Start(job);
        using var scope = logger.BeginScope(
            new Dictionary<string, object?> { ["Job"] = job, ["CorrelationId"] = run.TraceId.ToString() }
        );
        using var asLeader = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leader.Tenure);
        try
        {
            await work.RunScheduledAsync(asLeader.Token);
        }
        catch (OperationCanceledException)
            when (asLeader.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogStoppedLeading(logger, work.What);
        }
        catch (Exception e) when (!asLeader.IsCancellationRequested)
        {
            run.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            LogFailed(logger, e, work.What);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{What} stopped: this instance no longer leads; the new leader resumes it"
    )]
    private static partial void LogStoppedLeading(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "{What} failed; the next run will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
