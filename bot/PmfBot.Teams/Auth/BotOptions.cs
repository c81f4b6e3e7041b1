namespace PmfBot.Teams.Auth;

/// <summary>The bot's identity and how inbound requests are authenticated.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Azure Bot's Microsoft App ID: the audience of every token Teams sends.</summary>
    public string? AppId { get; set; }

    /// <summary>The Entra tenant the (single-tenant) bot belongs to.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The app registration's client secret (from Key Vault in Azure; never in the repo). Or use a managed identity.
    /// </summary>
    public string? AppSecret { get; set; }

    /// <summary>Get connector tokens as the App Service's managed identity instead of with a secret.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>A user-assigned managed identity's client id; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Bot Framework's OpenID metadata (signing keys and their endorsements). Change for sovereign clouds.
    /// </summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The public cloud's Bot Framework and Teams service hosts.</summary>
    public static readonly IReadOnlyList<string> PublicCloudServiceUrlHosts =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
    ];

    /// <summary>
    /// The hosts an activity's serviceUrl may name outside Development ("*.domain" for any host
    /// under it). Null for the public cloud's (<see cref="PublicCloudServiceUrlHosts"/>); a sovereign
    /// cloud lists its own (GCC: smba.infra.gcc.teams.microsoft.com; GCC High:
    /// smba.infra.gov.teams.microsoft.us; DoD: smba.infra.dod.teams.microsoft.us).
    /// </summary>
    public string[]? ServiceUrlHosts { get; set; }

    public IReadOnlyList<string> AllowedServiceUrlHosts =>
        ServiceUrlHosts is { Length: > 0 } hosts ? hosts : PublicCloudServiceUrlHosts;

    /// <summary>The issuer of tokens the channel sends to the bot.</summary>
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>How far apart the bot's and the token issuer's clocks may be.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Accept requests with no token: only for the local Agents Playground, which sends none.
    /// Refused at start-up outside the Development environment, or when an AppId is configured.
    /// </summary>
    public bool AllowUnauthenticatedLocalRequests { get; set; }
}
