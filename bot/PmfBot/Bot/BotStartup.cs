using PmfBot.Teams.Auth;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Hosting;

namespace PmfBot.Bot;

public static class BotStartup
{
    /// <summary>
    /// The Teams side: inbound auth, the connector and the turn handler. The routing table is the
    /// composition root's: each feature maps its own commands, verbs and readers.
    /// </summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFrameworkAuthentication(configuration);
        services.AddBotConnector(configuration);
        services.AddPacedSender(configuration);
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<BackgroundSends>();
        // after the paced sender, so it stops first
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundSends>());
        services.AddSingleton<ConversationCapture>();
        services.AddSingleton<IBot, PmfBotTurnHandler>();
        return services;
    }
}
