using PmfBot.Bot;
using PmfBot.Cards;

namespace PmfBot.Features.Scorecards;

public static class ScorecardsStartup
{
    /// <summary>
    /// "How is my service doing?": who belongs to which service, reading and answering with a scorecard.
    /// </summary>
    public static IServiceCollection AddScorecards(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<ScorecardOptions>()
            .Bind(configuration.GetSection(ScorecardOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ScorecardQuery>();
        services.AddSingleton<ScorecardCommands>();
        return services;
    }

    /// <summary>"How is my service doing?", typed or from the digest's button.</summary>
    public static TurnRouter MapScorecards(this TurnRouter router, IServiceProvider services)
    {
        var scorecards = services.GetRequiredService<ScorecardCommands>();
        return router.OnVerb(Verbs.ShowScorecard, scorecards.ShowAsync).OnFreeText(scorecards.TypedAsync);
    }
}
