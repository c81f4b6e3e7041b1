using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.People;

/// <summary>A person as the directory knows them.</summary>
public sealed record DirectoryPerson(string AadObjectId, string Name, PersonId? Email);

/// <summary>Whether someone's account can still sign in: false once IT has disabled it (they have left).</summary>
public sealed record DirectoryAccount(string AadObjectId, bool Enabled);

/// <summary>A channel of a team.</summary>
public sealed record TeamChannel(string Id, string Name);

/// <summary>
/// The council's directory through Microsoft Graph (app-only). A thin adapter: each call is one
/// Graph request or two, and every failure comes back as a <see cref="DirectoryResult{T}"/> that
/// names the permission to grant (403), not an exception. Throttling (429) is waited out by the
/// Graph client itself, as long as Retry-After says, up to three times.
/// </summary>
public sealed class PeopleDirectory(GraphServiceClient graph, IOptions<GraphOptions> options)
{
    /// <summary>
    /// The application permissions PmfBot asks for, and what for (the deployment guide lists the same).
    /// </summary>
    public const string ReadUsers = "User.Read.All";
    public const string InstallForUsers = "TeamsAppInstallation.ReadWriteSelfForUser.All";
    public const string ReadChannels = "Channel.ReadBasic.All";

    /// <summary>Finds someone by work email or user principal name.</summary>
    public Task<DirectoryResult<DirectoryPerson>> FindAsync(PersonId email, CancellationToken cancellationToken) =>
        AskAsync<DirectoryPerson>(ReadUsers, $"looking up {email}", async () =>
        {
            var quoted = email.Value.Replace("'", "''", StringComparison.Ordinal);
            var found = await graph.Users.GetAsync(
                r =>
                {
                    r.QueryParameters.Filter = $"mail eq '{quoted}' or userPrincipalName eq '{quoted}'";
                    r.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName"];
                },
                cancellationToken
            );
            return found?.Value?.FirstOrDefault() is { Id: { } id } user
                ? new DirectoryResult<DirectoryPerson>.Found(ToPerson(user, id))
                : new DirectoryResult<DirectoryPerson>.NotFound($"{email} is not in the directory.");
        });

    /// <summary>
    /// Whether someone's account is still enabled. <see cref="DirectoryResult{T}.NotFound"/> when the directory no
    /// longer has them (deleted accounts go after IT's own retention).
    /// </summary>
    public Task<DirectoryResult<DirectoryAccount>> AccountOfAsync(
        string aadObjectId,
        CancellationToken cancellationToken
    ) => AskAsync<DirectoryAccount>(ReadUsers, "checking an account", async () =>
        {
            try
            {
                return
                    await graph
                        .Users[aadObjectId]
                        .GetAsync(r => r.QueryParameters.Select = ["id", "accountEnabled"], cancellationToken)
                        is User { Id: { } id } user
                    // Graph leaves accountEnabled out only when it can't say: no reason to think they left.
                    ? new DirectoryResult<DirectoryAccount>.Found(new DirectoryAccount(id, user.AccountEnabled ?? true))
                    : new DirectoryResult<DirectoryAccount>.Failed("Microsoft Graph answered with no account.");
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404 && e.Error?.Code != UserNotFound)
            {
                // Only Graph's own "no such user" says someone has gone; any other 404 (a wrong Graph:BaseUrl, a
                // proxy) says nothing about them.
                return new DirectoryResult<DirectoryAccount>.Failed(
                    $"Microsoft Graph answered 404 {e.Error?.Code} checking an account: is Graph:BaseUrl right?"
                );
            }
        });

    /// <summary>The error code of Graph's 404 for a user that does not exist.</summary>
    private const string UserNotFound = "Request_ResourceNotFound";

    /// <summary>Someone's line manager, as the directory records it.</summary>
    public Task<DirectoryResult<DirectoryPerson>> ManagerOfAsync(
        string aadObjectId,
        CancellationToken cancellationToken
    ) =>
        AskAsync<DirectoryPerson>(ReadUsers, "looking up a manager", async () =>
            await graph.Users[aadObjectId].Manager.GetAsync(cancellationToken: cancellationToken)
                is User { Id: { } id } manager
                ? new DirectoryResult<DirectoryPerson>.Found(ToPerson(manager, id))
                : new DirectoryResult<DirectoryPerson>.NotFound("The directory names no manager.")
        );

    /// <summary>
    /// Installs PmfBot for someone who never opened it (already installed is fine) and returns
    /// the id of their personal chat with it, to message them there.
    /// </summary>
    public Task<DirectoryResult<string>> InstallForAsync(string aadObjectId, CancellationToken cancellationToken) =>
        AskAsync<string>(
            InstallForUsers,
            "installing PmfBot for someone",
            async () =>
            {
                var catalogId = options.Value.TeamsAppCatalogId;
                var apps = graph.Users[aadObjectId].Teamwork.InstalledApps;
                string? installationId;
                try
                {
                    var installed = await apps.PostAsync(
                        new UserScopeTeamsAppInstallation
                        {
                            AdditionalData = new Dictionary<string, object>
                            {
                                ["teamsApp@odata.bind"] =
                                    $"{options.Value.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{catalogId}",
                            },
                        },
                        cancellationToken: cancellationToken
                    );
                    installationId = installed?.Id;
                }
                catch (ODataError e) when (e.ResponseStatusCode == 409)
                {
                    installationId = null; // installed already: find that installation
                }

                if (installationId is null)
                {
                    var existing = await apps.GetAsync(
                        r =>
                        {
                            r.QueryParameters.Expand = ["teamsApp"];
                            r.QueryParameters.Filter = $"teamsApp/id eq '{catalogId}'";
                        },
                        cancellationToken
                    );
                    installationId = existing?.Value?.FirstOrDefault()?.Id;
                }

                if (installationId is null)
                {
                    return new DirectoryResult<string>.NotFound(
                        "Teams reported PmfBot installed, but no installation was found."
                    );
                }

                var chat = await apps[installationId].Chat.GetAsync(cancellationToken: cancellationToken);
                return chat?.Id is { } chatId
                    ? new DirectoryResult<string>.Found(chatId)
                    : new DirectoryResult<string>.NotFound("Teams gave no chat for the installation.");
            },
            notFound: $"PmfBot (Graph:TeamsAppCatalogId {options.Value.TeamsAppCatalogId}) is not in the org's app "
                + "catalogue, or the person is not in the directory: publish the app package to the org catalogue "
                + "first."
        );

    /// <summary>A team's channels, for subscribing one by name.</summary>
    public Task<DirectoryResult<IReadOnlyList<TeamChannel>>> ChannelsOfAsync(
        string teamId,
        CancellationToken cancellationToken
    ) => AskAsync<IReadOnlyList<TeamChannel>>(ReadChannels, "listing a team's channels", async () =>
        {
            var channels = await graph
                .Teams[teamId]
                .Channels.GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], cancellationToken);
            return new DirectoryResult<IReadOnlyList<TeamChannel>>.Found([
                .. (channels?.Value ?? [])
                    .Where(c => c.Id is not null)
                    .Select(c => new TeamChannel(c.Id!, c.DisplayName ?? c.Id!)),
            ]);
        });

    private static DirectoryPerson ToPerson(User user, string id)
    {
        var email = user.Mail ?? user.UserPrincipalName;
        return new DirectoryPerson(
            id,
            user.DisplayName ?? email ?? id,
            PersonId.TryParse(email, out var parsed) ? parsed : null
        );
    }

    private static async Task<DirectoryResult<T>> AskAsync<T>(
        string permission,
        string what,
        Func<Task<DirectoryResult<T>>> ask,
        string? notFound = null
    )
    {
        try
        {
            return await ask();
        }
        catch (ODataError e)
        {
            var said = e.Error?.Message ?? e.Message;
            return e.ResponseStatusCode switch
            {
                404 => new DirectoryResult<T>.NotFound(notFound ?? $"Not found in the directory ({said})."),
                403 => new DirectoryResult<T>.MissingPermission(
                    permission,
                    $"Microsoft Graph refused {what} (403). Grant the app registration the {permission} application "
                        + "permission, with admin consent."
                ),
                429 => new DirectoryResult<T>.Throttled($"Microsoft Graph is throttling {what}; try again later."),
                _ => new DirectoryResult<T>.Failed(
                    $"Microsoft Graph failed {what}: {e.ResponseStatusCode} {e.Error?.Code} {said}"
                ),
            };
        }
        catch (AggregateException e)
            when (e.InnerExceptions.Any(i => i is Microsoft.Kiota.Abstractions.ApiException { ResponseStatusCode: 429 })
            )
        {
            // The Graph client's retry handler waited out Retry-After three times and gave up.
            return new DirectoryResult<T>.Throttled($"Microsoft Graph is throttling {what}; try again later.");
        }
        catch (Exception e)
            when (e is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException or AggregateException)
        {
            return new DirectoryResult<T>.Failed($"Microsoft Graph could not be reached {what}: {e.Message}");
        }
    }
}
