namespace PmfBot.Features.People;

/// <summary>
/// Microsoft Graph, for the council's directory: who people are (Entra object ids from email),
/// their managers, installing PmfBot for people who never opened it, and a team's channels.
/// Uses the bot's own app registration (Bot:AppId/TenantId/AppSecret or its managed identity).
/// </summary>
public sealed class GraphOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string SectionName = "Graph";

    /// <summary>Use Graph. Off locally (the Playground has no directory); on in Azure.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// PmfBot's id in the organisation's Teams app catalogue (not the manifest id): shown in the
    /// Teams admin centre under Manage apps, or by GET /appCatalogs/teamsApps?$filter=externalId eq '{manifest id}'.
    /// Needed to install the app for someone who never opened it.
    /// </summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>Graph's address. Change for sovereign clouds; tests point it at a fake on loopback.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// The Bot Connector address for chats PmfBot starts itself after installing (Teams gives
    /// every later message its own, which then replaces this).
    /// </summary>
    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>
    /// How often the scheduler leader asks the directory who has left (disabled or deleted accounts): their chats,
    /// delegations and prompts stop, and the performance team hears what they owned. With Graph off, how often it
    /// finishes what "person left" could not (a member of the performance team not reachable then).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(
        typeof(TimeSpan),
        "00:01:00",
        "7.00:00:00",
        ErrorMessage = "Graph:CheckLeaversEvery must be between 1 minute and 7 days."
    )]
    public TimeSpan CheckLeaversEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Run the leaver check on the scheduler leader. On by default; tests run it themselves.</summary>
    public bool CheckLeaversOnSchedule { get; set; } = true;

    /// <summary>
    /// More leavers than this in one check is more likely a fault (the wrong tenant, a sync gone wrong) than people
    /// leaving: nobody is recorded, and the log says why. Record a real mass departure with "person left".
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(
        1,
        10000,
        ErrorMessage = "Graph:MaxLeaversPerCheck must be 1 to 10000."
    )]
    public int MaxLeaversPerCheck { get; set; } = 20;

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(
        System.ComponentModel.DataAnnotations.ValidationContext validationContext
    )
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(TeamsAppCatalogId))
        {
            yield return new(
                "Graph:TeamsAppCatalogId is required with Graph:Enabled: PmfBot's id in your org's Teams app catalogue "
                    + "(Teams admin centre > Manage apps > PmfBot > App ID).",
                [nameof(TeamsAppCatalogId)]
            );
        }

        foreach (var (name, value) in new[] { (nameof(BaseUrl), BaseUrl), (nameof(ServiceUrl), ServiceUrl) })
        {
            if (
                !Uri.TryCreate(value, UriKind.Absolute, out var url)
                || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            )
            {
                yield return new(
                    $"Graph:{name} must be an https URL (plain http only on a loopback address, for tests).",
                    [name]
                );
            }
        }
    }
}
