using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using PmfBot.Features.Demo;
using PmfBot.Testing;

namespace PmfBot.Tests.PerformanceTab;

/// <summary>
/// The tab's API takes Teams single sign-on tokens for the app's own API from the council's tenant, and nothing
/// else: a forged, expired, wrong-audience or other-tenant token is a bare 401; someone the catalogue doesn't know is
/// told so; each person sees what their role gives them.
/// </summary>
public class TabSignInTests : TabHost
{
    private const string Measures = "/api/tab/measures";

    [Fact]
    public async Task ATeamsToken_SignsInByObjectId_OrWorkAddress_AndEachRoleSeesItsOwn()
    {
        await StartAsync();
        var priya = EntraLogin.Token(Entra.Key, ApplicationIdUri, DemoPeople.PriyaShah.AadObjectId, username: null);
        var sam = EntraLogin.Token(Entra.Key, ApplicationIdUri, objectId: null, "sam.taylor@northmere.gov.uk");
        var helen = EntraLogin.Token(
            Entra.Key,
            ApplicationIdUri,
            DemoPeople.HelenPrice.AadObjectId,
            "x@elsewhere.test"
        );

        var (status, chief) = await GetAsync(Measures, $"Bearer {priya}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("your department", chief.GetProperty("reach").GetString());
        Assert.Equal(
            ["Customer Services", "Finance", "HR", "Information Governance", "Revenues & Benefits"],
            chief.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString())
        );
        Assert.Equal(9, References(chief).Length);

        // Each measure as the standings have it: status in words, due or overdue on 9 November 2026.
        var byReference = chief
            .GetProperty("measures")
            .EnumerateArray()
            .ToDictionary(m => m.GetProperty("reference").GetString()!);
        Assert.Equal(("Red", "Oct 2026 due by 10 Nov 2026", false), Due(byReference["CS 02"]));
        Assert.Equal(("Red", "Q2 2026/27 due by 10 Oct 2026 (overdue)", true), Due(byReference["HR 01"]));
        Assert.Equal(
            "CS 02 against its target, last 13 months",
            byReference["CS 02"].GetProperty("trend").GetProperty("title").GetString()
        );

        var (_, owner) = await GetAsync(Measures, $"Bearer {sam}");
        Assert.Equal("your service", owner.GetProperty("reach").GetString());
        Assert.Equal(
            ["Environmental Health", "Street Scene", "Waste"],
            owner.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString())
        );
        Assert.DoesNotContain("CS 02", References(owner));

        var (_, team) = await GetAsync(Measures, $"Bearer {helen}");
        Assert.Equal("the council", team.GetProperty("reach").GetString());
        Assert.Equal(25, References(team).Length);

        // Compressed for Teams mobile when the client says it can take it.
        using var compressed = new HttpRequestMessage(HttpMethod.Get, new Uri(Measures, UriKind.Relative));
        compressed.Headers.Authorization = new("Bearer", priya);
        compressed.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gzipped = await Client.SendAsync(compressed);
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);

        // One measure's page: only for a measure the person may see; anything else is "not one you can see".
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/tab/measures/CS%2002", $"Bearer {priya}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/api/tab/measures/CS%2002", $"Bearer {sam}")).Status);
    }

    private static (string?, string?, bool) Due(JsonElement measure) =>
        (
            measure.GetProperty("status").GetString(),
            measure.GetProperty("due").GetProperty("text").GetString(),
            measure.GetProperty("due").GetProperty("overdue").GetBoolean()
        );

    public static TheoryData<string> BadTokens =>
        new() { "forged", "expired", "wrong audience", "other tenant", "junk" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ATokenThatDoesNotPass_IsABare401(string what)
    {
        await StartAsync();
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Entra.Key.KeyId };
        var oid = DemoPeople.PriyaShah.AadObjectId;
        var token = what switch
        {
            "forged" => EntraLogin.Token(stranger, ApplicationIdUri, oid, null),
            "expired" => EntraLogin.Token(
                Entra.Key,
                ApplicationIdUri,
                oid,
                null,
                expires: DateTime.UtcNow.AddMinutes(-10)
            ),
            "wrong audience" => EntraLogin.Token(Entra.Key, "api://someone-else/app", oid, null),
            "other tenant" => EntraLogin.Token(
                Entra.Key,
                ApplicationIdUri,
                oid,
                null,
                issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"
            ),
            _ => "not.a.token",
        };

        var (status, body) = await GetAsync(Measures, $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(default, body.ValueKind);
    }

    [Fact]
    public async Task NoToken_Is401_AndSomeoneNotInTheCatalogue_IsToldWhy()
    {
        await StartAsync();
        var outsider = EntraLogin.Token(
            Entra.Key,
            ApplicationIdUri,
            Guid.NewGuid().ToString(),
            "temp@northmere.gov.uk"
        );

        using var bare = await Client.GetAsync(new Uri(Measures, UriKind.Relative));
        var (status, body) = await GetAsync(Measures, $"Bearer {outsider}");

        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("performance catalogue", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSignIn_OnlyWhereAllowed_AndNeverOutsideDevelopment()
    {
        await StartAsync("--Tab:AllowDemoSignIn", "false");
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(Measures, Demo("priya.shah"))).Status);

        var production = PmfBotHost.Build(
            LoopbackHost.Args(
                Settings,
                [
                    "--environment",
                    "Production",
                    "--Bot:AllowUnauthenticatedLocalRequests",
                    "false",
                    "--Bot:AppId",
                    AppId,
                    "--Bot:AppSecret",
                    "s",
                    "--Bot:TenantId",
                    EntraLogin.TenantId,
                    "--Tab:AllowDemoSignIn",
                    "true",
                ]
            )
        );
        await using (production)
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => production.StartAsync());
            Assert.Contains(
                "Tab:AllowDemoSignIn is for local development only",
                refused.ToString(),
                StringComparison.Ordinal
            );
        }
    }

    [Fact]
    public async Task TheReportLink_IsForAScopeThePersonSeesWhole_AndNothingWider()
    {
        await StartAsync();

        var (ownStatus, own) = await GetAsync("/api/tab/report", Demo("priya.shah"));
        var (serviceStatus, service) = await GetAsync("/api/tab/report?scope=service:waste", Demo("sam.taylor"));
        var (widerStatus, wider) = await GetAsync("/api/tab/report?scope=department:resources", Demo("sam.taylor"));

        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal("Q2 2026/27 report: Resources department", own.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, serviceStatus);
        Assert.Equal("Q2 2026/27 report: Waste", service.GetProperty("title").GetString());
        using var download = await Client.GetAsync(new Uri(service.GetProperty("url").GetString()!));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("NI 192", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Waste has the food waste roll-out: its file is offered beside the measures'
        using var activities = await Client.GetAsync(new Uri(service.GetProperty("activitiesUrl").GetString()!));
        Assert.Contains("food-waste-rollout", await activities.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, widerStatus);
        Assert.Contains("see whole", wider.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
