using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using PmfBot.Teams.Auth;

namespace PmfBot.Teams.Connector;

/// <summary>Tokens for calling the Bot Connector as the bot.</summary>
public interface IBotTokenProvider
{
    /// <returns>A bearer token, or null when the bot runs without credentials (the local Playground).</returns>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// MSAL client credentials for the single-tenant bot (secret or managed identity), scope
/// https://api.botframework.com/.default. MSAL caches the token and renews it shortly before it expires.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private const string BotFrameworkResource = "https://api.botframework.com";

    private readonly Func<CancellationToken, Task<AuthenticationResult>>? _acquire;

    public MsalBotTokenProvider(IOptions<BotOptions> options)
    {
        var bot = options.Value;
        if (string.IsNullOrWhiteSpace(bot.AppId))
        {
            return; // local mode: the Playground takes calls without a token
        }

        if (bot.UseManagedIdentity)
        {
            var identity = string.IsNullOrWhiteSpace(bot.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.WithUserAssignedClientId(bot.ManagedIdentityClientId);
            var app = ManagedIdentityApplicationBuilder.Create(identity).Build();
            _acquire = ct => app.AcquireTokenForManagedIdentity(BotFrameworkResource).ExecuteAsync(ct);
        }
        else
        {
            var app = ConfidentialClientApplicationBuilder.Create(bot.AppId)
                .WithClientSecret(bot.AppSecret)
                .WithAuthority($"https://login.microsoftonline.com/{bot.TenantId}")
                .Build();
            _acquire = ct => app.AcquireTokenForClient([BotFrameworkResource + "/.default"]).ExecuteAsync(ct);
        }
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        _acquire is null ? null : (await _acquire(cancellationToken)).AccessToken;
}

/// <summary>Puts the bot's token on each attempt of a connector call (inside the retry, so a retry gets a fresh one).</summary>
internal sealed class BotTokenHandler(IBotTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
