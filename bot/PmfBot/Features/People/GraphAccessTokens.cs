using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using PmfBot.Teams.Auth;

namespace PmfBot.Features.People;

/// <summary>
/// App-only tokens for Graph (scope https://graph.microsoft.com/.default) as the bot's own app
/// registration or managed identity, the same as for the Bot Connector (<see cref="BotCredentials"/>).
/// </summary>
internal sealed class GraphAccessTokens : IAccessTokenProvider
{
    private readonly Func<CancellationToken, Task<string>> _acquire;

    public GraphAccessTokens(IOptions<BotOptions> botOptions, IOptions<GraphOptions> graphOptions)
    {
        var bot = botOptions.Value;
        var resource = new Uri(graphOptions.Value.BaseUrl).GetLeftPart(UriPartial.Authority);
        AllowedHostsValidator = new AllowedHostsValidator([new Uri(resource).Host]);
        if (
            !bot.UseManagedIdentity
            && (string.IsNullOrWhiteSpace(bot.AppId) || string.IsNullOrWhiteSpace(bot.AppSecret))
        )
        {
            throw new InvalidOperationException(
                "Graph:Enabled needs the bot's app registration to act as: set Bot:AppId, Bot:TenantId and "
                    + "Bot:AppSecret, or Bot:UseManagedIdentity=true."
            );
        }

        _acquire = BotCredentials.TokensFor(bot, resource);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public Task<string> GetAuthorizationTokenAsync(
        Uri uri,
        Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default
    ) => _acquire(cancellationToken);
}
