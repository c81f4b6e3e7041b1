using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Features.People;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.PlanActivities;
using PmfBot.Storage.Results;

namespace PmfBot.Tests.People;

/// <summary>After an import, the catalogue's people are matched to their Entra accounts (fake Graph, real Azurite).</summary>
public sealed class PeopleResolverTests : StorageTestBase, IDisposable
{
    private readonly FakeGraph _graph = new();

    public void Dispose() => _graph.Dispose();

    private CatalogueStore Catalogue => new(Storage.Tables);

    /// <summary>The demo council as a fresh import leaves it: people known by email only.</summary>
    private async Task SeedWithoutEntraIdsAsync()
    {
        await DemoSeeder().SeedAsync(new DateOnly(2026, 11, 7), default);
        var editor = await Catalogue.OpenAsync(default);
        await editor.TryWriteAsync(new CatalogueChange { People = [.. editor.Catalogue.People.Select(p => p with { AadObjectId = null })] }, default);
    }

    private void Knows(Person person, string aad) =>
        _graph.Answers("GET", "/users", 200, $$"""{"value":[{"id":"{{aad}}","displayName":"{{person.Name}}","mail":"{{person.Id}}"}]}""");

    [Fact]
    public async Task PeopleInTheDirectory_GetTheirEntraIds_AndThoseNotInItAreListedWithTheirRoles()
    {
        await SeedWithoutEntraIdsAsync();
        _graph.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1.0/users").UsingGet()
                .WithParam("$filter", $"mail eq '{DemoPeople.PriyaShah.Id}' or userPrincipalName eq '{DemoPeople.PriyaShah.Id}'"))
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"value":[{"id":"entra-priya","displayName":"Priya Shah","mail":"{{DemoPeople.PriyaShah.Id}}"}]}"""));
        _graph.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1.0/users").UsingGet()).AtPriority(10)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"value":[]}"""));

        var report = await new PeopleResolver(_graph.Directory(), Catalogue).ResolveAsync(dryRun: false, default);

        Assert.Equal(DemoPeople.PriyaShah.Id, Assert.Single(report.Matched).Id);
        Assert.Equal(DemoPeople.All.Count - 1, report.NotFound.Count);
        Assert.Contains(report.NotFound, n => n.StartsWith($"{DemoPeople.SamTaylor.Id} (owner of", StringComparison.Ordinal));
        Assert.Null(report.Stopped);
        Assert.Equal("entra-priya", (await Catalogue.LoadAsync(default)).FindPerson(DemoPeople.PriyaShah.Id)?.AadObjectId);

        // Matched people aren't asked again.
        var asked = _graph.Requests.Count;
        await new PeopleResolver(_graph.Directory(), Catalogue).ResolveAsync(dryRun: false, default);
        Assert.Equal(asked + DemoPeople.All.Count - 1, _graph.Requests.Count);
    }

    [Fact]
    public async Task WithoutThePermission_ItStopsAtOnce_SaysWhichToGrant_AndWritesNothing()
    {
        await SeedWithoutEntraIdsAsync();
        _graph.Answers("GET", "/users", 403, FakeGraph.Error("Authorization_RequestDenied", "Insufficient privileges to complete the operation."));

        var report = await new PeopleResolver(_graph.Directory(), Catalogue).ResolveAsync(dryRun: false, default);

        Assert.Contains("User.Read.All", report.Stopped, StringComparison.Ordinal);
        Assert.Single(_graph.Requests);
        Assert.All((await Catalogue.LoadAsync(default)).People, p => Assert.Null(p.AadObjectId));
    }

    [Fact]
    public async Task ADryRun_SaysWhoWouldBeMatched_AndWritesNothing()
    {
        await SeedWithoutEntraIdsAsync();
        Knows(DemoPeople.PriyaShah, "entra-anyone"); // the fake answers every search with one person

        var report = await new PeopleResolver(_graph.Directory(), Catalogue).ResolveAsync(dryRun: true, default);

        Assert.Equal(DemoPeople.All.Count, report.Matched.Count);
        Assert.StartsWith("Directory (dry run: nothing written)", report.Summary, StringComparison.Ordinal);
        Assert.All((await Catalogue.LoadAsync(default)).People, p => Assert.Null(p.AadObjectId));
    }
}
