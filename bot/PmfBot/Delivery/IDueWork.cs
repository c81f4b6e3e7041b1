using Microsoft.Extensions.Options;
using PmfBot.Scheduling;

namespace PmfBot.Delivery;

/// <summary>
/// A scheduled job that sends what has fallen due for one concern (prompts and chases, activity
/// reports, extension notices, escalation follow-up), each step once through <see cref="ClaimedSend"/>.
/// </summary>
public interface IDueWork
{
    /// <summary>What it is, for the log: "The due scan".</summary>
    string What { get; }

    Task<SendReport> RunAsync(CancellationToken cancellationToken);
}

/// <summary>A due job as the scheduler runs it: its report logged whenever anything was due.</summary>
public sealed class ScheduledDueWork<TWork>(TWork work, ILogger<TWork> logger) : IScheduledWork
    where TWork : IDueWork
{
    public string What => work.What;

    public Task RunScheduledAsync(CancellationToken cancellationToken) =>
        DueWork.RunAndLogAsync(work, logger, cancellationToken);
}

/// <summary>Runs every due job now, one after another, each report logged (the demo's "run the scan").</summary>
public sealed class DueWorkRunner(IEnumerable<IDueWork> work, ILogger<DueWorkRunner> logger)
{
    public async Task<SendReport> RunAllAsync(CancellationToken cancellationToken)
    {
        var report = SendReport.None;
        foreach (var one in work)
        {
            report += await DueWork.RunAndLogAsync(one, logger, cancellationToken);
        }

        return report;
    }
}

public static partial class DueWork
{
    /// <summary>Runs a due job, and logs its report whenever anything was due.</summary>
    public static async Task<SendReport> RunAndLogAsync(
        IDueWork work,
        ILogger logger,
        CancellationToken cancellationToken
    )
    {
        var report = await work.RunAsync(cancellationToken);
        if (report.Due > 0)
        {
            LogReport(logger, work.What, report);
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
        services.AddSingleton<ScheduledDueWork<TWork>>();
        var settings = configuration.GetSection(DeliveryOptions.SectionName).Get<DeliveryOptions>() ?? new();
        if (settings.ScanOnSchedule)
        {
            services.AddRepeatingJob<ScheduledDueWork<TWork>>(name, settings.ScanEvery);
        }

        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{What}: {Report}")]
    private static partial void LogReport(ILogger logger, string what, SendReport report);
}
