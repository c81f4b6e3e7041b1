namespace PmfBot.Features.Scorecards;

public static class ScorecardsStartup
{
    /// <summary>"How is my service doing?": who belongs to which service, reading and answering with a scorecard.</summary>
    public static IServiceCollection AddScorecards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScorecardOptions>().Bind(configuration.GetSection(ScorecardOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScorecardQuery>();
        services.AddSingleton<ScorecardCommands>();
        return services;
    }
}
