using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using Microsoft.Kiota.Abstractions.Authentication;
using PmfBot.Teams.Auth;

namespace PmfBot.Features.People;

/// <summary>
/// App-only tokens for Graph (scope https://graph.microsoft.com/.default) as the bot's own app
/// registration: client secret or managed identity, the same as for the Bot Connector. MSAL
/// caches each token and renews it before it expires.
/// </summary>
internal sealed class GraphAccessTokens : IAccessTokenProvider
{
    private readonly Func<CancellationToken, Task<AuthenticationResult>> _acquire;

    public GraphAccessTokens(IOptions<BotOptions> botOptions, IOptions<GraphOptions> graphOptions)
    {
        var bot = botOptions.Value;
        var resource = new Uri(graphOptions.Value.BaseUrl).GetLeftPart(UriPartial.Authority);
        AllowedHostsValidator = new AllowedHostsValidator([new Uri(resource).Host]);
        if (bot.UseManagedIdentity)
        {
            var identity = string.IsNullOrWhiteSpace(bot.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.WithUserAssignedClientId(bot.ManagedIdentityClientId);
            var app = ManagedIdentityApplicationBuilder.Create(identity).Build();
            _acquire = ct => app.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(bot.AppId) || string.IsNullOrWhiteSpace(bot.AppSecret))
            {
                throw new InvalidOperationException("Graph:Enabled needs the bot's app registration to act as: set Bot:AppId, Bot:TenantId and Bot:AppSecret, or Bot:UseManagedIdentity=true.");
            }

            var app = ConfidentialClientApplicationBuilder.Create(bot.AppId)
                .WithClientSecret(bot.AppSecret)
                .WithAuthority($"https://login.microsoftonline.com/{bot.TenantId}")
                .Build();
            _acquire = ct => app.AcquireTokenForClient([resource + "/.default"]).ExecuteAsync(ct);
        }
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        (await _acquire(cancellationToken)).AccessToken;
}
