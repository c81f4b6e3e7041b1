using Microsoft.Extensions.Options;
using PmfBot.Scheduling;

namespace PmfBot.Delivery;

/// <summary>
/// A scheduled job that sends what has fallen due for one concern (prompts and chases, activity
/// reports, extension notices, escalation follow-up), each step once through <see cref="ClaimedSend"/>.
/// </summary>
public interface IDueWork : IScheduledWork
{
    Task<SendReport> RunAsync(CancellationToken cancellationToken);
}

public static class DueWork
{
    /// <summary>Runs every due job now, one after another (the demo's "run the scan", and tests).</summary>
    public static async Task<SendReport> RunAllAsync(
        this IEnumerable<IDueWork> work,
        CancellationToken cancellationToken
    )
    {
        var report = SendReport.None;
        foreach (var one in work)
        {
            report += await one.RunAsync(cancellationToken);
        }

        return report;
    }

    /// <summary>
    /// Registers a due job, and schedules it every <see cref="DeliveryOptions.ScanEvery"/> unless
    /// <see cref="DeliveryOptions.ScanOnSchedule"/> is off.
    /// </summary>
    public static IServiceCollection AddDueWork<TWork>(
        this IServiceCollection services,
        IConfiguration configuration,
        string name
    )
        where TWork : class, IDueWork
    {
        services.AddSingleton<TWork>();
        services.AddSingleton<IDueWork>(s => s.GetRequiredService<TWork>());
        var settings = configuration.GetSection(DeliveryOptions.SectionName).Get<DeliveryOptions>() ?? new();
        if (settings.ScanOnSchedule)
        {
            services.AddRepeatingJob<TWork>(name, settings.ScanEvery);
        }

        return services;
    }
}
