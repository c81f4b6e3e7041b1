namespace PmfBot.Scheduling;

public static class SchedulingStartup
{
    /// <summary>
    /// The scheduler leader's election. Added last, so it stops first on shutdown: its tenure ends
    /// (scheduled work cancelled, queued sends withdrawn) before the scheduler and the paced sender
    /// wind down, and it gives its lease up so another instance takes over at once.
    /// </summary>
    public static IServiceCollection AddSchedulerLeader(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<LeadershipOptions>()
            .Bind(configuration.GetSection(LeadershipOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SchedulerLeader>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerLeader>());
        return services;
    }
}
