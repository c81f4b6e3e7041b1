using PmfBot.Bot;
using PmfBot.Features.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Health;
using PmfBot.Storage;
using PmfBot.Teams.Hosting;

namespace PmfBot;

/// <summary>The one composition root: the web host and the admin command line both build their services here.</summary>
public static class PmfBotComposition
{
    public static IServiceCollection AddPmfBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<CouncilOptions>().Bind(configuration.GetSection(CouncilOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddPmfStorage(configuration);
        services.AddTeamsBot(configuration);
        services.AddCatalogueFeature();
        services.AddDemoCouncil(configuration);
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("table-storage");
        return services;
    }

    public static WebApplication MapPmfBot(this WebApplication app)
    {
        app.MapGet("/", () => Results.Text("PmfBot is running. Health: /healthz"));
        app.MapHealthChecks("/healthz");
        app.MapBotMessages("/api/messages");
        return app;
    }
}
