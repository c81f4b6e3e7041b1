using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PmfBot.Teams.Auth;

/// <summary>
/// Ready when Bot Framework's signing keys have been fetched (so a request from Teams can be
/// checked). The first check fetches them; later ones read the cache. Local mode checks no tokens.
/// </summary>
public sealed class BotMetadataHealthCheck(IOptions<BotOptions> bot, IOptionsMonitor<JwtBearerOptions> jwt)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        if (string.IsNullOrWhiteSpace(bot.Value.AppId))
        {
            return HealthCheckResult.Healthy("Local mode: no Bot:AppId, so no tokens to check.");
        }

        try
        {
            var metadata = await jwt.Get(BotFrameworkAuthentication.Scheme)
                .ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            return metadata.SigningKeys.Count > 0
                ? HealthCheckResult.Healthy(
                    $"{metadata.SigningKeys.Count} signing keys from {bot.Value.OpenIdMetadataUrl}."
                )
                : HealthCheckResult.Unhealthy($"{bot.Value.OpenIdMetadataUrl} gave no signing keys.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(
                $"Bot Framework's signing keys could not be fetched from {bot.Value.OpenIdMetadataUrl}.",
                e
            );
        }
    }
}
