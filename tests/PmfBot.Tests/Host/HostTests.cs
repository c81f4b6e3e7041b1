using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PmfBot.Storage.Catalogue;
using PmfBot.Testing;

namespace PmfBot.Tests.Host;

/// <summary>The real host (Kestrel on a loopback port) with real Azurite.</summary>
public class HostTests : StorageTestBase
{
    private async Task<(WebApplication App, HttpClient Client)> StartAsync(params string[] extra)
    {
        var app = PmfBotHost.Build(LoopbackHost.Args(Settings, extra));
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = app.Address() });
    }

    [Fact]
    public async Task Start_WithDemoSeeding_SeedsTheCouncil_AndReportsHealthy()
    {
        var (app, client) = await StartAsync("--Demo:SeedOnStart", "true", "--Demo:AsOf", "2026-11-22");
        await using (app)
        {
            var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
            Assert.Equal(25, (await new CatalogueStore(Storage.Tables).LoadAsync(default)).Measures.Count);
        }
    }

    [Fact]
    public async Task Readiness_SaysStorageAnswers_ThisInstanceLeads_AndNoKeysAreNeededLocally()
    {
        var (app, client) = await StartAsync();
        await using (app)
        {
            using var ready = await WaitForAsync(client, "/readyz", body => body.Contains("Leader since", StringComparison.Ordinal));

            var checks = ready.RootElement.GetProperty("checks");
            Assert.Equal("Healthy", ready.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("table-storage").GetProperty("status").GetString());
            Assert.StartsWith("Leader since", checks.GetProperty("scheduler-lease").GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("Local mode", checks.GetProperty("bot-framework-keys").GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Readiness_WhenStorageIsUnreachable_IsUnhealthy_AndSaysWhich()
    {
        var unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Convert.ToBase64String(new byte[64]) +
            ";TableEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        var broken = PmfBotHost.Build(LoopbackHost.Args(new Dictionary<string, string?>(Settings) { ["Storage:ConnectionString"] = unreachable }));
        await using (broken)
        {
            // Not started (its tables can't be created): readiness is asked of its services directly.
            var report = await broken.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>()
                .CheckHealthAsync(c => c.Tags.Contains("ready"));

            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, report.Status);
            Assert.Equal("Table storage is unreachable.", report.Entries["table-storage"].Description);
        }
    }

    [Fact]
    public async Task WhenBotFrameworksKeysCantBeFetched_ReadinessIsUnhealthy_AndTokensGet503NotAStackTrace()
    {
        var (app, client) = await StartAsync(
            "--Bot:AllowUnauthenticatedLocalRequests", "false", "--Bot:AppId", "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05", "--Bot:AppSecret", "s",
            "--Bot:TenantId", "t", "--Bot:OpenIdMetadataUrl", "http://127.0.0.1:9/v1/.well-known/openidconfiguration");
        await using (app)
        {
            var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{}") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln");
            var message = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains(
                "signing keys could not be fetched", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, message.StatusCode);
            Assert.NotNull(message.Headers.RetryAfter?.Delta);
            // Not the developer exception page.
            Assert.Equal("application/json", message.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task<System.Text.Json.JsonDocument> WaitForAsync(HttpClient client, string path, Func<string, bool> until)
    {
        var body = string.Empty;
        for (var i = 0; i < 100; i++)
        {
            body = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            if (until(body))
            {
                break;
            }

            await Task.Delay(100);
        }

        return System.Text.Json.JsonDocument.Parse(body);
    }

    [Theory]
    [InlineData("/privacy", "privacy")]
    [InlineData("/terms", "terms of use")]
    public async Task ThePagesTheManifestLinksTo_AreServed(string path, string words)
    {
        var (app, client) = await StartAsync();
        await using (app)
        {
            var text = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_WithoutDemoSeeding_LeavesStorageEmpty()
    {
        var (app, _) = await StartAsync();
        await using (app)
        {
            Assert.Empty((await new CatalogueStore(Storage.Tables).LoadAsync(default)).Measures);
        }
    }

    [Fact]
    public async Task Start_WithoutAStorageConnectionString_FailsNamingTheSetting()
    {
        var app = PmfBotHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--Bot:AllowUnauthenticatedLocalRequests", "true", "--Storage:ConnectionString", string.Empty]);
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Storage:ConnectionString is required", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_InProductionWithoutBotCredentials_FailsNamingThem()
    {
        var app = PmfBotHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--Storage:ConnectionString", Storage.ConnectionString]);
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Bot:AppId is required", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_WithABadDemoDate_FailsNamingTheSetting()
    {
        var app = PmfBotHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--Bot:AllowUnauthenticatedLocalRequests", "true", "--Storage:ConnectionString", Storage.ConnectionString, "--Storage:TablePrefix", Storage.Prefix, "--Demo:AsOf", "22/11/2026"]);
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Demo:AsOf must be a date written yyyy-MM-dd", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--Status:StableBand", "a little", "Status:StableBand \"a little\" must be a percentage")]
    [InlineData("--Status:DefaultTolerance", "-5%", "Status:DefaultTolerance \"-5%\" must be a percentage")]
    [InlineData("--Escalations:Policy:RaiseAfterDays", "2", "Escalations:Policy: RaiseAfterDays must be after ChaseAfterDays")]
    [InlineData("--Escalations:Measures:NI 192:AmberWorseningPeriods", "-1", "Escalations:Measures:NI 192: AmberWorseningPeriods can't be negative.")]
    [InlineData("--Escalations:Measures:household waste recycling rate:OverdueDays", "7", "Escalations:Measures has \"household waste recycling rate\", which is not a measure reference")]
    [InlineData("--Escalations:NextLevel:0", "the management team", "Escalations:NextLevel has \"the management team\", which is not a person's id")]
    [InlineData("--Digests:Managers:0", "the heads of service", "Digests:Managers has \"the heads of service\", which is not a person's id")]
    [InlineData("--Digests:CheckEvery", "01:00:00", "Digests:CheckEvery must be between 00:00:05 and 00:30:00.")]
    [InlineData("--Scorecards:Members:waste:0", "waste team", "Scorecards:Members:waste has \"waste team\", which is not a person's id")]
    [InlineData("--Reports:BaseUrl", "pmfbot.northmere.gov.uk", "Reports:BaseUrl must be an absolute http(s) address")]
    [InlineData("--Reports:LinkLifetime", "30.00:00:00", "Reports:LinkLifetime must be between 00:01:00 and 7.00:00:00.")]
    [InlineData("--Retention:AuditFinancialYears", "0", "Retention:AuditFinancialYears must be 1 to 100")]
    [InlineData("--Retention:CheckEvery", "00:00:10", "Retention:CheckEvery must be between 1 minute and 7 days.")]
    public async Task Start_WithABadEscalationDigestOrReportSetting_FailsNamingIt(string setting, string value, string message)
    {
        var app = PmfBotHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--Bot:AllowUnauthenticatedLocalRequests", "true",
            "--Storage:ConnectionString",
            Storage.ConnectionString, "--Storage:TablePrefix", Storage.Prefix, setting, value]);
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
    }
}
