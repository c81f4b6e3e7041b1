using PmfBot.Bot;
using PmfBot.Cards;

namespace PmfBot.Features.Onboarding;

public static class OnboardingStartup
{
    /// <summary>The welcome when PmfBot is installed, and "help".</summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddSingleton<OnboardingHandlers>();
        return services;
    }

    /// <summary>"help", typed or from a card's button.</summary>
    public static TurnRouter MapOnboarding(this TurnRouter router, IServiceProvider services)
    {
        var onboarding = services.GetRequiredService<OnboardingHandlers>();
        return router
            .OnCommand(OnboardingHandlers.HelpPhrases, onboarding.HelpAsync)
            .OnVerb(Verbs.Help, onboarding.HelpAsync);
    }
}
