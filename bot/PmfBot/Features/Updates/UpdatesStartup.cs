using Microsoft.Extensions.Options;
using PmfBot.Delivery;

namespace PmfBot.Features.Updates;

public static class UpdatesStartup
{
    /// <summary>The update cycle: options, the due scan (prompts, reminders, chases) on its schedule, taking answers.</summary>
    public static IServiceCollection AddUpdateCycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpdateCycleOptions>().Bind(configuration.GetSection(UpdateCycleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UpdateSubmission>();
        services.AddSingleton<UpdateHandlers>();
        services.AddSingleton<WaitingForInstallQuery>();
        services.AddSingleton<CorrectionHandler>();
        services.AddSingleton<Events.IFigureEventHandler, RecordedCards>();
        services.AddDueWork<DueScan>(configuration, "due-scan");

        return services;
    }
}
