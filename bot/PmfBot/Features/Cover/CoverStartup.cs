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
}
