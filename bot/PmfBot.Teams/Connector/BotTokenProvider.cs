using Microsoft.Extensions.Options;
using PmfBot.Teams.Auth;

namespace PmfBot.Teams.Connector;

/// <summary>Tokens for calling the Bot Connector as the bot.</summary>
public interface IBotTokenProvider
{
    /// <returns>A bearer token, or null when the bot runs without credentials (the local Playground).</returns>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Tokens for the Bot Connector (scope https://api.botframework.com/.default) as the single-tenant
/// bot, with its secret or managed identity (<see cref="BotCredentials"/>).
/// </summary>
internal sealed class MsalBotTokenProvider(IOptions<BotOptions> options) : IBotTokenProvider
{
    private const string BotFrameworkResource = "https://api.botframework.com";

    // Local mode (no AppId): the Playground takes calls without a token.
    private readonly Func<CancellationToken, Task<string>>? _acquire = string.IsNullOrWhiteSpace(options.Value.AppId)
        ? null
        : BotCredentials.TokensFor(options.Value, BotFrameworkResource);

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        _acquire is null ? null : await _acquire(cancellationToken);
}

/// <summary>
/// Puts the bot's token on each attempt of a connector call (inside the retry, so a retry gets a fresh one).
/// </summary>
internal sealed class BotTokenHandler(IBotTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
