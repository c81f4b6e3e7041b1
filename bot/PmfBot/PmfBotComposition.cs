using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Delivery;
using PmfBot.Features.Catalogue;
using PmfBot.Features.Cover;
using PmfBot.Features.Demo;
using PmfBot.Features.Digests;
using PmfBot.Features.Escalations;
using PmfBot.Features.Extensions;
using PmfBot.Features.MeasureSearch;
using PmfBot.Features.Onboarding;
using PmfBot.Features.People;
using PmfBot.Features.PerformanceTab;
using PmfBot.Features.PlanActivities;
using PmfBot.Features.Questions;
using PmfBot.Features.Reports;
using PmfBot.Features.Retention;
using PmfBot.Features.Scorecards;
using PmfBot.Features.Updates;
using PmfBot.Health;
using PmfBot.KeyRing;
using PmfBot.Scheduling;
using PmfBot.Standings;
using PmfBot.Storage;
using PmfBot.Tab;
using PmfBot.Teams.Hosting;
using PmfBot.Telemetry;

namespace PmfBot;

/// <summary>The one composition root: the web host and the admin command line both build their services here.</summary>
public static class PmfBotComposition
{
    public static IServiceCollection AddPmfBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClock(configuration);
        services.AddPmfTelemetry(configuration);
        services
            .AddOptions<CouncilOptions>()
            .Bind(configuration.GetSection(CouncilOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services
            .AddOptions<StatusOptions>()
            .Bind(configuration.GetSection(StatusOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(s => new CouncilRules(
            s.GetRequiredService<IOptions<UpdateCycleOptions>>().Value.ToPolicy(),
            s.GetRequiredService<IOptions<StatusOptions>>().Value.ToPolicy(),
            s.GetRequiredService<IOptions<StatusOptions>>().Value.ToTolerance()
        ));
        services.AddPmfStorage(configuration);
        services.AddSingleton<Council.PerformanceTeam>();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<TabLinks>();
        services.AddKeyRing(configuration);
        services.AddStandings(configuration);
        services.AddTeamsBot(configuration);
        services.AddSingleton(RoutingTable);
        services.AddOnboarding();
        services.AddDelivery(configuration);
        services.AddDirectory(configuration);
        services.AddCatalogueFeature();
        services.AddUpdateCycle(configuration);
        services.AddPlanActivities(configuration);
        services.AddExtensions(configuration);
        services.AddCover();
        services.AddEscalations(configuration);
        services.AddDigests(configuration);
        services.AddScorecards(configuration);
        services.AddReports(configuration);
        services.AddQuestions();
        services.AddMeasureSearch();
        services.AddTabSignIn(configuration);
        services.AddPerformanceTab();
        services.AddRetention(configuration);
        services.AddDemoCouncil(configuration);
        services.AddPmfHealthChecks();
        services.AddSchedulerLeader(configuration); // last: stops first
        return services;
    }

    /// <summary>
    /// Each feature's commands, card verbs and free-text readers. Commands and verbs are exact, so
    /// their order doesn't matter; free-text readers are tried in this order, and those reading
    /// typed intents (Escalations on) take only their own (see Domain/Values/TypedIntents).
    /// </summary>
    private static TurnRouter RoutingTable(IServiceProvider services) =>
        new TurnRouter()
            .MapOnboarding(services)
            .MapDigests(services)
            .MapScorecards(services)
            .MapReports(services)
            .MapEscalations(services)
            .MapCover(services)
            .MapExtensions(services)
            .MapPlanActivities(services)
            .MapUpdates(services)
            .MapQuestions(services)
            .MapMeasureSearch(services);

    public static WebApplication MapPmfBot(this WebApplication app)
    {
        app.MapGet("/", () =>
            Results.Text("PmfBot is running. Health: /healthz (alive), /readyz (ready, with details)")
        );

        // The Teams app manifest links to these.
        app.MapGet("/privacy", (Microsoft.Extensions.Options.IOptions<CouncilOptions> council) =>
            Results.Text(
                $"PmfBot, for {council.Value.Name}: privacy.\n\nPmfBot keeps the council's performance catalogue "
                    + "(measures, owners and their work email addresses), "
                    + "the values and commentary people enter with who entered them and when, and what it needs to "
                    + "message people and channels in Teams "
                    + "(Teams ids, not message content). It is kept in the council's own Azure storage and used only "
                    + "to run the council's Performance Management Framework. "
                    + "Questions: the council's performance team or data protection officer."
            )
        );
        app.MapGet("/terms", (Microsoft.Extensions.Options.IOptions<CouncilOptions> council) =>
            Results.Text(
                $"PmfBot, for {council.Value.Name}: terms of use.\n\nPmfBot is for the council's staff, to record and "
                    + "review performance under the council's "
                    + "Performance Management Framework. Enter accurate figures and commentary; every change is kept "
                    + "with who made it and when."
            )
        );
        app.MapPmfHealthChecks();
        app.MapBotMessages("/api/messages");
        app.MapReports();
        app.MapPerformanceTab();
        app.MapEscalationsOnTheTab();
        app.MapReportsOnTheTab();
        app.MapDemoEndpoints();
        return app;
    }
}
