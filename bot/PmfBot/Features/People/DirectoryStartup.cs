using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using PmfBot.Bot;
using PmfBot.Council;
using PmfBot.Scheduling;

namespace PmfBot.Features.People;

public static class DirectoryStartup
{
    /// <summary>
    /// Graph for the directory, proactive install and the leaver check, when Graph:Enabled. Without it PmfBot still
    /// works, for people who open it first, and leavers are recorded by the performance team ("person left").
    /// </summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Departures>();
        services.AddSingleton<UnfinishedDepartures>();
        var settings = configuration.GetSection(GraphOptions.SectionName).Get<GraphOptions>() ?? new GraphOptions();
        if (!settings.Enabled)
        {
            if (settings.CheckLeaversOnSchedule)
            {
                services.AddRepeatingJob<UnfinishedDepartures>("unfinished-departures", settings.CheckLeaversEvery);
            }

            return services;
        }

        services.AddSingleton<IAccessTokenProvider, GraphAccessTokens>();
        services.AddSingleton(sp => new GraphServiceClient(
            new BaseBearerTokenAuthenticationProvider(sp.GetRequiredService<IAccessTokenProvider>()),
            sp.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUrl.TrimEnd('/')
        ));
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<PeopleResolver>();
        services.AddSingleton<IPersonalChatInstaller, GraphChatInstaller>();
        services.AddSingleton<ILineManagers, GraphLineManagers>();
        services.AddSingleton<LeaverCheck>();
        if (settings.CheckLeaversOnSchedule)
        {
            services.AddRepeatingJob<LeaverCheck>("leaver-check", settings.CheckLeaversEvery);
        }

        return services;
    }
}
