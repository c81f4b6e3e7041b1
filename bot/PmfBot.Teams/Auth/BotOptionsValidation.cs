using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PmfBot.Teams.Auth;

/// <summary>Start-up checks that keep unauthenticated requests a local-only affair.</summary>
internal sealed class BotOptionsValidation(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.AllowUnauthenticatedLocalRequests)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add(
                    "Bot:AllowUnauthenticatedLocalRequests is for local development only and is refused in the "
                        + $"{environment.EnvironmentName} environment."
                );
            }

            if (!string.IsNullOrWhiteSpace(options.AppId))
            {
                failures.Add(
                    "Bot:AllowUnauthenticatedLocalRequests cannot be used with Bot:AppId: with credentials configured, "
                        + "every request is authenticated."
                );
            }
        }
        else if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add(
                "Bot:AppId is required (the Azure Bot's Microsoft App ID). For the local Playground only, set "
                    + "Bot:AllowUnauthenticatedLocalRequests=true in Development."
            );
        }

        if (!string.IsNullOrWhiteSpace(options.AppId) && !options.UseManagedIdentity)
        {
            if (string.IsNullOrWhiteSpace(options.AppSecret))
            {
                failures.Add("Bot:AppSecret is required to call Teams (or set Bot:UseManagedIdentity=true).");
            }

            if (string.IsNullOrWhiteSpace(options.TenantId))
            {
                failures.Add("Bot:TenantId is required: PmfBot is a single-tenant bot.");
            }
        }

        if (
            !Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata)
            || (metadata.Scheme != Uri.UriSchemeHttps && !metadata.IsLoopback)
        )
        {
            failures.Add(
                "Bot:OpenIdMetadataUrl must be an https URL (plain http only on a loopback address, for tests)."
            );
        }

        foreach (var host in options.ServiceUrlHosts ?? [])
        {
            var hostName = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            if (Uri.CheckHostName(hostName) != UriHostNameType.Dns || !hostName.Contains('.', StringComparison.Ordinal))
            {
                failures.Add(
                    $"Bot:ServiceUrlHosts: \"{host}\" is not a host name "
                        + "(write smba.trafficmanager.net, or *.botframework.com for any host under it)."
                );
            }
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add("Bot:ClockSkew must be between 0 and 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
