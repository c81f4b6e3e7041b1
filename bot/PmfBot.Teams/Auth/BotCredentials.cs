using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace PmfBot.Teams.Auth;

/// <summary>
/// App-only tokens as the bot's app registration (client secret) or its managed identity, for
/// any resource it calls: the Bot Connector, Microsoft Graph. MSAL caches each token and renews it
/// shortly before it expires.
/// </summary>
public static class BotCredentials
{
    /// <param name="resource">The resource's address, e.g. https://api.botframework.com; the scope asked for is its
    /// "/.default".</param>
    /// <returns>A function that gets a current access token.</returns>
    public static Func<CancellationToken, Task<string>> TokensFor(BotOptions bot, string resource)
    {
        if (bot.UseManagedIdentity)
        {
            var identity = string.IsNullOrWhiteSpace(bot.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.WithUserAssignedClientId(bot.ManagedIdentityClientId);
            var app = ManagedIdentityApplicationBuilder.Create(identity).Build();
            return async ct => (await app.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct)).AccessToken;
        }

        var client = ConfidentialClientApplicationBuilder
            .Create(bot.AppId)
            .WithClientSecret(bot.AppSecret)
            .WithAuthority($"https://login.microsoftonline.com/{bot.TenantId}")
            .Build();
        return async ct => (await client.AcquireTokenForClient([resource + "/.default"]).ExecuteAsync(ct)).AccessToken;
    }
}
