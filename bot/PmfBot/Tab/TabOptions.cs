using Microsoft.Extensions.Options;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Tab;

/// <summary>The Performance tab: how people sign in to it, and who sees the whole council.</summary>
public sealed class TabOptions
{
    public const string SectionName = "Tab";

    /// <summary>
    /// The app's Application ID URI, the audience of the tokens Teams gives the tab ("api://pmfbot.northmere.gov.uk/
    /// &lt;app id&gt;"), as in the manifest's webApplicationInfo.resource. Tokens for the bare app id are taken too.
    /// Empty: only the local demo sign-in, where allowed.
    /// </summary>
    public string? ApplicationIdUri { get; set; }

    /// <summary>
    /// Entra ID's OpenID metadata for the council's tenant. Empty: the public cloud's for Bot:TenantId. Change for
    /// sovereign clouds, or a loopback address in tests.
    /// </summary>
    public string? OpenIdMetadataUrl { get; set; }

    /// <summary>The catalogue ids (work email addresses) of the performance team: they see the whole council.</summary>
    public List<string> PerformanceTeam { get; set; } = [];

    /// <summary>
    /// Local only: the tab signs in as the demo person its address names ("/tab/?as=priya.shah@…"). Refused at
    /// start-up outside Development, like the bot's unauthenticated local requests.
    /// </summary>
    public bool AllowDemoSignIn { get; set; }

    public IReadOnlyList<PersonId> PerformanceTeamIds() => [.. PerformanceTeam.Select(PersonId.Parse).Distinct()];

    public string MetadataUrlFor(string? tenantId) =>
        OpenIdMetadataUrl is { Length: > 0 } url
            ? url
            : $"https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";
}

/// <summary>Start-up checks: demo sign-in stays local, and the addresses are what they claim.</summary>
internal sealed class TabOptionsValidation(IHostEnvironment environment) : IValidateOptions<TabOptions>
{
    public ValidateOptionsResult Validate(string? name, TabOptions options)
    {
        var failures = new List<string>();
        if (options.AllowDemoSignIn && !environment.IsDevelopment())
        {
            failures.Add(
                "Tab:AllowDemoSignIn is for local development only and is refused in the "
                    + $"{environment.EnvironmentName} environment."
            );
        }

        if (
            options.ApplicationIdUri is { Length: > 0 } uri
            && (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("api" or "https"))
        )
        {
            failures.Add("Tab:ApplicationIdUri must be the app's Application ID URI, like api://host/<app id>.");
        }

        if (
            options.OpenIdMetadataUrl is { Length: > 0 } metadata
            && (
                !Uri.TryCreate(metadata, UriKind.Absolute, out var url)
                || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            )
        )
        {
            failures.Add("Tab:OpenIdMetadataUrl must be https (plain http only on a loopback address, for tests).");
        }

        failures.AddRange(
            options
                .PerformanceTeam.Where(id => !PersonId.TryParse(id, out _))
                .Select(id => $"Tab:PerformanceTeam has \"{id}\", which is not a person's id (their work email).")
        );
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
