using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Delivery;

namespace PmfBot.Features.Activities;

public static class ActivitiesStartup
{
    /// <summary>Activities and milestones: taking progress reports, and the scan that prompts for them.</summary>
    public static IServiceCollection AddActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ActivityReports>();
        services.AddSingleton<Council.IOwedReports>(s => s.GetRequiredService<ActivityReports>());
        services.AddDueWork<ActivityScan>(configuration, "activity-scan");
        return services;
    }

    /// <summary>The progress card's buttons.</summary>
    public static TurnRouter MapActivities(this TurnRouter router, IServiceProvider services)
    {
        var reports = services.GetRequiredService<ActivityReports>();
        return router
            .OnVerb(Verbs.SubmitActivity, reports.SubmitAsync)
            .OnVerb(Verbs.OpenActivity, reports.OpenAsync);
    }
}
