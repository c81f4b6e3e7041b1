using PmfBot.Bot;
using PmfBot.Council;

namespace PmfBot.Features.Cover;

public static class CoverStartup
{
    /// <summary>Delegation and absence: the catalogue as it stands today, delegating, snoozing.</summary>
    public static IServiceCollection AddCover(this IServiceCollection services)
    {
        services.AddSingleton<CouncilToday>();
        services.AddSingleton<DelegationHandlers>();
        services.AddSingleton<SnoozeHandler>();
        return services;
    }

    /// <summary>"my delegations", "stop delegating", and delegations and snoozes typed.</summary>
    public static TurnRouter MapCover(this TurnRouter router, IServiceProvider services)
    {
        var delegations = services.GetRequiredService<DelegationHandlers>();
        return router
            .OnCommand(DelegationHandlers.ListPhrases, delegations.ListAsync)
            .OnCommand(DelegationHandlers.StopPhrases, delegations.StopAsync)
            .OnFreeText(delegations.TypedDelegationAsync)
            .OnFreeText(services.GetRequiredService<SnoozeHandler>().TypedSnoozeAsync);
    }
}
