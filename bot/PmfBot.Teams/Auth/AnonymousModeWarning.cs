using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PmfBot.Teams.Auth;

/// <summary>Says loudly, at start-up, when the bot accepts requests without a token.</summary>
internal sealed partial class AnonymousModeWarning(IOptions<BotOptions> options, ILogger<AnonymousModeWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowUnauthenticatedLocalRequests)
        {
            LogAnonymousMode(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Bot:AllowUnauthenticatedLocalRequests is on: /api/messages accepts requests without a token. For "
            + "the local Playground only."
    )]
    private static partial void LogAnonymousMode(ILogger logger);
}
