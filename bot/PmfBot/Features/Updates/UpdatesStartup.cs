using Microsoft.Extensions.Options;
using PmfBot.Scheduling;

namespace PmfBot.Features.Updates;

public static class UpdatesStartup
{
    /// <summary>The update cycle: options, the scan and its Quartz schedule, taking answers.</summary>
    public static IServiceCollection AddUpdateCycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpdateCycleOptions>().Bind(configuration.GetSection(UpdateCycleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DueScan>();
        services.AddSingleton<Activities.ActivityReports>();
        services.AddSingleton<UpdateSubmission>();
        services.AddSingleton<UpdateHandlers>();
        services.AddSingleton<WaitingForInstallQuery>();
        services.AddSingleton<CorrectionHandler>();
        services.AddSingleton<Events.IFigureEventHandler, RecordedCards>();

        var settings = configuration.GetSection(UpdateCycleOptions.SectionName).Get<UpdateCycleOptions>() ?? new UpdateCycleOptions();
        if (settings.ScanOnSchedule)
        {
            services.AddRepeatingJob<DueScan>("due-scan", settings.ScanEvery);
        }

        return services;
    }
}
