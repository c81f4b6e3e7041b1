using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Delivery;

namespace PmfBot.Features.PlanActivities;

public static class PlanActivitiesStartup
{
    /// <summary>Activities and milestones: taking progress reports, and the scan that prompts for them.</summary>
    public static IServiceCollection AddPlanActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PlanActivityReports>();
        services.AddSingleton<Events.IProgressEventHandler, ProgressCards>();
        services.AddSingleton<Council.IOwedReports>(s => s.GetRequiredService<PlanActivityReports>());
        services.AddDueWork<PlanActivityScan>(configuration, "activity-scan");
        return services;
    }

    /// <summary>The progress card's buttons.</summary>
    public static TurnRouter MapPlanActivities(this TurnRouter router, IServiceProvider services)
    {
        var reports = services.GetRequiredService<PlanActivityReports>();
        return router
            .OnVerb(Verbs.SubmitPlanActivity, reports.SubmitAsync)
            .OnVerb(Verbs.OpenPlanActivity, reports.OpenAsync);
    }
}
