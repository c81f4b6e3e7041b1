using Quartz;

namespace PmfBot.Scheduling;

public static class RepeatingJobs
{
    /// <summary>
    /// Schedules a Quartz job to run from start-up every <paramref name="every"/>, and runs the
    /// scheduler as a hosted service: added once, however many features schedule jobs.
    /// </summary>
    public static IServiceCollection AddRepeatingJob<TJob>(this IServiceCollection services, string name, TimeSpan every)
        where TJob : class, IJob
    {
        services.AddQuartz(q => q.ScheduleJob<TJob>(trigger => trigger
            .WithIdentity(name)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever())));
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
