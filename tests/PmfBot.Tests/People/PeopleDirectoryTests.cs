using PmfBot.Domain.Catalogue;
using PmfBot.Features.People;

namespace PmfBot.Tests.People;

/// <summary>The directory adapter: the real Graph SDK against a fake Graph on loopback, including Graph's failures.</summary>
public sealed class PeopleDirectoryTests : IDisposable
{
    private const string Priya = "5a0f6c1e-2b7d-4e93-8a41-0c9d3e6b1f01";
    private readonly FakeGraph _graph = new();

    public void Dispose() => _graph.Dispose();

    [Fact]
    public async Task FindingSomeoneByEmail_GivesTheirEntraObjectId()
    {
        _graph.Answers("GET", "/users", 200, $$"""{"value":[{{FakeGraph.User(Priya, "Priya Shah", "priya.shah@northmere.gov.uk")}}]}""");

        var found = await _graph.Directory().FindAsync(PersonId.Parse("Priya.Shah@northmere.gov.uk"), default);

        var person = Assert.IsType<DirectoryResult<DirectoryPerson>.Found>(found).Value;
        Assert.Equal((Priya, "Priya Shah"), (person.AadObjectId, person.Name));
        var asked = Assert.Single(_graph.Requests);
        Assert.Contains("$filter=mail eq 'priya.shah@northmere.gov.uk' or userPrincipalName eq 'priya.shah@northmere.gov.uk'", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneNotInTheDirectory_IsNotFound_SayingWho()
    {
        _graph.Answers("GET", "/users", 200, """{"value":[]}""");

        var found = await _graph.Directory().FindAsync(PersonId.Parse("left.last.year@northmere.gov.uk"), default);

        Assert.Equal("left.last.year@northmere.gov.uk is not in the directory.", Assert.IsType<DirectoryResult<DirectoryPerson>.NotFound>(found).Reason);
    }

    [Fact]
    public async Task AMissingPermission_Is403_AndSaysWhichToGrant()
    {
        _graph.Answers("GET", "/users", 403, FakeGraph.Error("Authorization_RequestDenied", "Insufficient privileges to complete the operation."));

        var found = await _graph.Directory().FindAsync(PersonId.Parse("priya.shah@northmere.gov.uk"), default);

        var missing = Assert.IsType<DirectoryResult<DirectoryPerson>.MissingPermission>(found);
        Assert.Equal("User.Read.All", missing.Permission);
        Assert.Contains("Grant the app registration the User.Read.All application permission, with admin consent", missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_WaitsAsLongAsGraphSays_ThenAsksAgain()
    {
        _graph.Answers("GET", "/users", 429, FakeGraph.Error("TooManyRequests", "Slow down."), retryAfter: "1", scenario: "busy", toState: "calm");
        _graph.Answers("GET", "/users", 200, $$"""{"value":[{{FakeGraph.User(Priya, "Priya Shah", "priya.shah@northmere.gov.uk")}}]}""", scenario: "busy", fromState: "calm");

        var started = DateTimeOffset.UtcNow;
        var found = await _graph.Directory().FindAsync(PersonId.Parse("priya.shah@northmere.gov.uk"), default);

        Assert.IsType<DirectoryResult<DirectoryPerson>.Found>(found);
        Assert.Equal(2, _graph.Requests.Count);
        var asked = _graph.Server.LogEntries.Select(e => e.RequestMessage!.DateTime).ToList();
        Assert.True(asked[1] - asked[0] >= TimeSpan.FromSeconds(0.9), $"Asked again after {(asked[1] - asked[0]).TotalMilliseconds} ms; Retry-After said 1 s.");
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ThrottledEveryTime_IsReportedThrottled_NotThrown()
    {
        _graph.Answers("GET", "/users", 429, FakeGraph.Error("TooManyRequests", "Slow down."), retryAfter: "0");

        var found = await _graph.Directory().FindAsync(PersonId.Parse("priya.shah@northmere.gov.uk"), default);

        Assert.IsType<DirectoryResult<DirectoryPerson>.Throttled>(found);
        Assert.Equal(4, _graph.Requests.Count); // the first and the Graph client's three retries
    }

    [Fact]
    public async Task AManager_IsFound_OrNotFoundWhenTheDirectoryNamesNone()
    {
        _graph.Answers("GET", $"/users/{Priya}/manager", 200, FakeGraph.User("m-1", "Daniel Okoro", "daniel.okoro@northmere.gov.uk"));
        _graph.Answers("GET", "/users/nobody/manager", 404, FakeGraph.Error("Request_ResourceNotFound", "Resource 'manager' does not exist."));

        var manager = await _graph.Directory().ManagerOfAsync(Priya, default);
        var none = await _graph.Directory().ManagerOfAsync("nobody", default);

        Assert.Equal(PersonId.Parse("daniel.okoro@northmere.gov.uk"), Assert.IsType<DirectoryResult<DirectoryPerson>.Found>(manager).Value.Email);
        Assert.IsType<DirectoryResult<DirectoryPerson>.NotFound>(none);
    }

    [Fact]
    public async Task Installing_ForSomeoneWhoNeverOpenedIt_BindsTheCatalogApp_AndGivesTheChat()
    {
        _graph.Answers("POST", $"/users/{Priya}/teamwork/installedApps", 201, """{"id":"install-1"}""");
        _graph.Answers("GET", $"/users/{Priya}/teamwork/installedApps/install-1/chat", 200, """{"id":"19:priya-pmfbot@unq.gbl.spaces"}""");

        var chat = await _graph.Directory().InstallForAsync(Priya, default);

        Assert.Equal("19:priya-pmfbot@unq.gbl.spaces", Assert.IsType<DirectoryResult<string>.Found>(chat).Value);
        Assert.Contains($"\"teamsApp@odata.bind\":\"{_graph.BaseUrl}/appCatalogs/teamsApps/{FakeGraph.CatalogAppId}\"", _graph.BodyOf(0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installing_WhenAlreadyInstalled_Is409_AndFindsTheExistingInstallation()
    {
        _graph.Answers("POST", $"/users/{Priya}/teamwork/installedApps", 409, FakeGraph.Error("Conflict", "App is already installed."));
        _graph.Answers("GET", $"/users/{Priya}/teamwork/installedApps", 200, """{"value":[{"id":"install-7"}]}""");
        _graph.Answers("GET", $"/users/{Priya}/teamwork/installedApps/install-7/chat", 200, """{"id":"19:existing@unq.gbl.spaces"}""");

        var chat = await _graph.Directory().InstallForAsync(Priya, default);

        Assert.Equal("19:existing@unq.gbl.spaces", Assert.IsType<DirectoryResult<string>.Found>(chat).Value);
        Assert.Contains(_graph.Requests, r => r.Contains($"$filter=teamsApp/id eq '{FakeGraph.CatalogAppId}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Installing_AnAppNotInTheCatalog_Is404_AndSaysToPublishIt()
    {
        _graph.Answers("POST", $"/users/{Priya}/teamwork/installedApps", 404, FakeGraph.Error("NotFound", "The app was not found."));

        var chat = await _graph.Directory().InstallForAsync(Priya, default);

        Assert.Contains("publish the app package to the org catalogue first", Assert.IsType<DirectoryResult<string>.NotFound>(chat).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installing_WithoutThePermission_Is403_AndNamesIt()
    {
        _graph.Answers("POST", $"/users/{Priya}/teamwork/installedApps", 403, FakeGraph.Error("Forbidden", "Missing role permissions on the request."));

        var chat = await _graph.Directory().InstallForAsync(Priya, default);

        Assert.Equal("TeamsAppInstallation.ReadWriteSelfForUser.All", Assert.IsType<DirectoryResult<string>.MissingPermission>(chat).Permission);
    }

    [Fact]
    public async Task ATeamsChannels_AreListed()
    {
        _graph.Answers("GET", "/teams/team-1/channels", 200, """{"value":[{"id":"19:general@thread.tacv2","displayName":"General"},{"id":"19:perf@thread.tacv2","displayName":"Performance"}]}""");

        var channels = await _graph.Directory().ChannelsOfAsync("team-1", default);

        Assert.Equal(["General", "Performance"], Assert.IsType<DirectoryResult<IReadOnlyList<TeamChannel>>.Found>(channels).Value.Select(c => c.Name));
    }
}
