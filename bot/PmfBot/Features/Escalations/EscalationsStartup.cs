using PmfBot.Delivery;

namespace PmfBot.Features.Escalations;

public static class EscalationsStartup
{
    /// <summary>Escalations: the policy and who decides, raising (and following figures), the cards and their buttons, the scan's follow-up, the commands.</summary>
    public static IServiceCollection AddEscalations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EscalationContexts>();
        services.AddSingleton<EscalationNotices>();
        services.AddSingleton<EscalationRaiser>();
        services.AddSingleton<Events.IFigureEventHandler, EscalationsFollowFigures>();
        services.AddSingleton<EscalationDecisions>();
        services.AddSingleton<EscalationCommands>();
        services.AddDueWork<EscalationFollowUp>(configuration, "escalation-follow-up");
        return services;
    }
}
