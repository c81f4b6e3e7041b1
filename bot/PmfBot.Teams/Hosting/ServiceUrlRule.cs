namespace PmfBot.Teams.Hosting;

/// <summary>
/// Which serviceUrls the bot will call back. An activity's serviceUrl is where every reply and
/// proactive message about that conversation goes, and it is stored, so it is checked before
/// anything reads it: an absolute https URL on one of the hosts the channel's cloud uses
/// (<see cref="Auth.BotOptions.ServiceUrlHosts"/>), with no user, query or fragment. In Development
/// a loopback address is allowed too, over http or https (the Playground, the tests' fake connector).
/// </summary>
/// <param name="AllowedHosts">Host names, or "*.domain" for any host under a domain.</param>
/// <param name="IsDevelopment">Development: a loopback address is allowed besides the hosts.</param>
public sealed record ServiceUrlRule(IReadOnlyList<string> AllowedHosts, bool IsDevelopment)
{
    /// <summary>Longer than any real serviceUrl ("https://smba.trafficmanager.net/uk/" is 36 characters).</summary>
    public const int MaxLength = 2048;

    /// <summary>Null when the bot may call it; otherwise why not, in a few words for the caller and the log.</summary>
    public string? Problem(string serviceUrl)
    {
        if (
            serviceUrl.Length > MaxLength
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
            || url.IsFile
            || url.IsUnc
        )
        {
            return "serviceUrl is not an absolute URL";
        }

        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return "serviceUrl must not carry a user, a query or a fragment";
        }

        if (IsDevelopment && url.IsLoopback && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return IsDevelopment ? "serviceUrl must be https (or a loopback address)" : "serviceUrl must be https";
        }

        return AllowedHosts.Any(h => Matches(h, url.IdnHost))
            ? null
            : $"serviceUrl's host {url.IdnHost} is not one of Bot:ServiceUrlHosts";
    }

    private static bool Matches(string allowed, string host) =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
            : string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase);
}
