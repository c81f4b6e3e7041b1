using Microsoft.Extensions.Options;
using PmfBot.Scheduling;
using Quartz;

namespace PmfBot.Features.Updates;

public static class UpdatesStartup
{
    /// <summary>The update cycle: options, the scan and its Quartz schedule, taking answers.</summary>
    public static IServiceCollection AddUpdateCycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpdateCycleOptions>().Bind(configuration.GetSection(UpdateCycleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClaimedSend>();
        services.AddSingleton<DueScan>();
        services.AddSingleton<Activities.ActivityReports>();
        services.AddSingleton<UpdateSubmission>();
        services.AddSingleton<SentPromptCards>();
        services.AddSingleton<UpdateHandlers>();
        services.AddSingleton<WaitingForInstallQuery>();
        services.AddSingleton<CorrectionHandler>();

        var settings = configuration.GetSection(UpdateCycleOptions.SectionName).Get<UpdateCycleOptions>() ?? new UpdateCycleOptions();
        if (settings.ScanOnSchedule)
        {
            services.AddRepeatingJob<DueScanJob>("due-scan", settings.ScanEvery);
        }

        return services;
    }
}

/// <summary>The due scan as a Quartz job: one at a time per instance; claims in storage keep instances apart.</summary>
[DisallowConcurrentExecution]
public sealed partial class DueScanJob(DueScan scan, ILogger<DueScanJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await scan.RunAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage or Teams down: the next run tries again; claims make the retry safe.
            LogScanFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The due scan failed; the next run will try again")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
