using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Delivery;

namespace PmfBot.Features.Escalations;

public static class EscalationsStartup
{
    /// <summary>
    /// Escalations: the policy and who decides, raising (and following figures), the cards and their buttons, the
    /// scan's follow-up, the commands.
    /// </summary>
    public static IServiceCollection AddEscalations(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<EscalationOptions>()
            .Bind(configuration.GetSection(EscalationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<EscalationContexts>();
        services.AddSingleton<EscalationNotices>();
        services.AddSingleton<EscalationRaiser>();
        services.AddSingleton<EscalationWrites>();
        services.AddSingleton<Events.IFigureEventHandler, EscalationsFollowFigures>();
        services.AddSingleton<PlanActivityEscalations>();
        services.AddSingleton<Events.IProgressEventHandler>(sp => sp.GetRequiredService<PlanActivityEscalations>());
        services.AddSingleton<PlanActivityStops>();
        services.AddSingleton<EscalationDecisions>();
        services.AddSingleton<EscalationCommands>();
        services.AddDueWork<EscalationFollowUp>(configuration, "escalation-follow-up");
        return services;
    }

    /// <summary>"my escalations", the escalation card's buttons, and "escalate …" typed.</summary>
    public static TurnRouter MapEscalations(this TurnRouter router, IServiceProvider services)
    {
        var commands = services.GetRequiredService<EscalationCommands>();
        var decisions = services.GetRequiredService<EscalationDecisions>();
        return router
            .OnCommand(EscalationCommands.MinePhrases, commands.MineAsync)
            .OnVerb(Verbs.OpenEscalation, decisions.OpenAsync)
            .OnVerb(Verbs.DecideEscalation, decisions.DecideAsync)
            .OnVerb(Verbs.AnswerEscalation, decisions.AnswerAsync)
            .OnVerb(Verbs.CloseEscalation, decisions.CloseAsync)
            .OnFreeText(commands.TypedAsync);
    }
}
