using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PmfBot;

/// <summary>
/// The address people reach PmfBot at, for links in cards: Reports:BaseUrl when set, else Azure App Service's host
/// name, else where this process listens (local runs and tests).
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IServer server)
{
    public Uri Base
    {
        get
        {
            var configured =
                configuration["Reports:BaseUrl"] is { Length: > 0 } url ? url
                : Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 } host ? $"https://{host}"
                : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
            return new Uri(configured.TrimEnd('/') + "/");
        }
    }
}
