using System.Text;
using PmfBot.Testing;
using PmfBot.Tests.Updates;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PmfBot.Tests.Telemetry;

/// <summary>
/// Runs alone, after the tests that run in parallel. In two full runs (never alone, nor beside a few other classes)
/// the collector got every metric but pmfbot.updates.answered; most likely because a meter listener is
/// process-wide, so another test's host with the same "PmfBot" instruments, stopping meanwhile, took this host's
/// instrument with it. In production there is one host per process.
/// </summary>
[CollectionDefinition(nameof(TelemetryExportTests), DisableParallelization = true)]
public sealed class TelemetryAlone;

/// <summary>
/// The host with OpenTelemetry's standard settings pointed at a collector on loopback (OTLP over
/// HTTP, as Grafana Agent or the OpenTelemetry Collector take it): metrics, the scheduled runs'
/// traces and the logs arrive there, and nothing exported names a person by email.
/// </summary>
[Collection(nameof(TelemetryExportTests))]
public sealed class TelemetryExportTests : UpdateCycleHost, IDisposable
{
    private readonly WireMockServer _collector = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{LoopbackHost.FreePort()}"] });

    public TelemetryExportTests() =>
        _collector.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/x-protobuf"));

    protected override string[] MoreSettings =>
    [
        "--Updates:ScanOnSchedule", "true", // the leader's scan: a scheduled run, traced
        "--OTEL_EXPORTER_OTLP_ENDPOINT", _collector.Url!,
        "--OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
        "--OTEL_METRIC_EXPORT_INTERVAL", "200",
        "--OTEL_BSP_SCHEDULE_DELAY", "200",
        "--OTEL_BLRP_SCHEDULE_DELAY", "200",
    ];

    public void Dispose() => _collector.Dispose();

    /// <summary>What the collector has been sent on one signal's path, as text (protobuf keeps strings as UTF-8).</summary>
    private string Received(string signal) =>
        string.Join('\n', _collector.LogEntries.Where(e => e.RequestMessage?.Path == $"/v1/{signal}").Select(e => Encoding.UTF8.GetString(e.RequestMessage!.BodyAsBytes ?? [])));

    private async Task<string> EventuallyAsync(string signal, params string[] expected)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(100))
        {
            if (Received(signal) is var text && expected.All(e => text.Contains(e, StringComparison.Ordinal)))
            {
                return text;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The collector never got {string.Join(", ", expected.Where(e => !Received(signal).Contains(e, StringComparison.Ordinal)))} on /v1/{signal}; it got {_collector.LogEntries.Count(e => e.RequestMessage?.Path == $"/v1/{signal}")} requests.");
        return string.Empty;
    }

    [Fact]
    public async Task MetricsTracesAndLogs_ReachTheCollector_WithNoEmailAddressInThem()
    {
        await InstallAsync();
        await Scan.RunAsync(default);
        var answer = await PressAsync("submitUpdate", new { verb = "submitUpdate", measure = "HR 01", period = "FY2026-Q2", value = "8.4", commentary = "Back on track after the winter peak." });
        Assert.Contains("Recorded: 8.4", CardOf(answer), StringComparison.Ordinal); // else no answered metric to export

        var metrics = await EventuallyAsync("metrics", "pmfbot.prompts.sent", "pmfbot.updates.overdue", "pmfbot.updates.answered", "http.server.request.duration");
        var traces = await EventuallyAsync("traces", "PmfBot.Scheduling", "due-scan", "/api/messages");
        var logs = await EventuallyAsync("logs", "The due scan");

        // The due scan, the answer and the Graph-free catalogue all concern Priya Shah; none of it may name her by email.
        foreach (var (signal, text) in new[] { ("metrics", metrics), ("traces", traces), ("logs", logs) })
        {
            Assert.DoesNotContain("@northmere.gov.uk", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("%40northmere.gov.uk", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/users/priya.shah@northmere.gov.uk/manager", "https://graph.microsoft.com/v1.0/users/{person}/manager")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Prompts(PartitionKey='CS%2002',RowKey='FY2026-M07%7Cesc-raised-priya.shah%40northmere.gov.uk')?$filter=x",
        "http://127.0.0.1:10002/devstoreaccount1/{person}")]
    [InlineData("https://smba.trafficmanager.net/uk/v3/conversations/a%3A1/activities", "https://smba.trafficmanager.net/uk/v3/conversations/a%3A1/activities")]
    public void TracedUrls_LeaveOutPathSegmentsThatNameSomeone_AndTheQuery(string url, string traced) =>
        Assert.Equal(traced, PmfBot.Telemetry.TelemetryStartup.WithoutPeople(new Uri(url)));
}
