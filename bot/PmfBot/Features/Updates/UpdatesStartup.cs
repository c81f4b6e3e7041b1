using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Delivery;

namespace PmfBot.Features.Updates;

public static class UpdatesStartup
{
    /// <summary>
    /// The update cycle: options, the due scan (prompts, reminders, chases) on its schedule, taking answers.
    /// </summary>
    public static IServiceCollection AddUpdateCycle(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<UpdateCycleOptions>()
            .Bind(configuration.GetSection(UpdateCycleOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UpdateSubmission>();
        services.AddSingleton<UpdateHandlers>();
        services.AddSingleton<MyMeasuresQuery>();
        services.AddSingleton<WaitingForInstallQuery>();
        services.AddSingleton<CorrectionHandler>();
        services.AddSingleton<Events.IFigureEventHandler, RecordedCards>();
        services.AddDueWork<DueScan>(configuration, "due-scan");

        return services;
    }

    /// <summary>"my measures", "what's due", the prompt card's buttons, typed figures and corrections.</summary>
    public static TurnRouter MapUpdates(this TurnRouter router, IServiceProvider services)
    {
        var myMeasures = services.GetRequiredService<MyMeasuresQuery>();
        var updates = services.GetRequiredService<UpdateHandlers>();
        return router
            .OnCommand(MyMeasuresQuery.Phrases, myMeasures.AnswerAsync)
            .OnVerb(Verbs.MyMeasures, myMeasures.AnswerAsync)
            .OnCommand(UpdateHandlers.WhatsDuePhrases, updates.WhatsDueAsync)
            .OnVerb(Verbs.WhatsDue, updates.WhatsDueAsync)
            .OnVerb(Verbs.OpenUpdate, updates.OpenUpdateAsync)
            .OnVerb(Verbs.SubmitUpdate, updates.SubmitAsync)
            .OnCommand(
                WaitingForInstallQuery.Phrases,
                services.GetRequiredService<WaitingForInstallQuery>().AnswerAsync
            )
            .OnFreeText(services.GetRequiredService<CorrectionHandler>().TypedCorrectionAsync)
            .OnFreeText(updates.TypedAnswerAsync);
    }
}
