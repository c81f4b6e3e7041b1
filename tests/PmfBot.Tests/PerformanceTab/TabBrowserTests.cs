using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Delivery;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Status;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Results;
using PmfBot.Storage.Standings;
using PmfBot.Testing;

namespace PmfBot.Tests.PerformanceTab;

/// <summary>
/// The Performance tab in real Chromium (Playwright), against the host with the demo council: a Chief Officer, a
/// service owner and the performance team each see their measures with their charts drawn from the standings; a
/// filter, one measure's history, a decision taken from the page (recorded once), a stranger refused, Teams' themes
/// and a phone's width. Screenshots go to PMFBOT_SHOTS when set (the README's come from there).
/// </summary>
public class TabBrowserTests : TabHost
{
    private static readonly MeasureReference Hr01 = MeasureReference.Parse("HR 01");
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Quarter(new FinancialYear(2026), 2);

    [Fact]
    public async Task EachRole_SeesItsMeasuresAndCharts_AndADecisionFromTheTab_IsRecordedOnce()
    {
        await StartAsync();
        // The morning's due work: among it, HR 01's Q2 figure is 30 days late and goes to Priya Shah to decide.
        await App.Services.GetRequiredService<DueWorkRunner>().RunAllAsync(default);
        await App.Services.GetRequiredService<Bot.BackgroundSends>().WhenIdleAsync();
        var council = await new CatalogueStore(Storage.Tables).LoadAsync(default);
        var standings = new StandingStore(Storage.Tables);
        var stand = (await Task.WhenAll(council.Services.Select(s => standings.GetServiceAsync(s.Code, default))))
            .SelectMany(s => s)
            .ToDictionary(s => s.Measure);
        var escalations = new EscalationStore(Storage.Tables);
        Assert.Equal(EscalationState.Open, (await escalations.GetAsync(Hr01, Q2, default))!.Escalation.State);
        var cs02 = await new ResultStore(Storage.Tables).GetHistoryAsync(MeasureReference.Parse("CS 02"), default);

        string[] Of(Func<Measure, bool> sees) => [.. council.Measures.Where(sees).Select(m => m.Reference.Value)];
        var resources = council.Services.Where(s => s.DepartmentCode == "resources").Select(s => s.Code).ToHashSet();
        var samsServices = council
            .Measures.Where(m => m.Owner.Value == "sam.taylor@northmere.gov.uk")
            .Select(m => m.ServiceCode)
            .ToHashSet();
        var priyas = Of(m => resources.Contains(m.ServiceCode));
        var expectations = new
        {
            people = new Dictionary<string, object>
            {
                ["priya.shah@northmere.gov.uk"] = new
                {
                    measures = priyas,
                    points = Points(),
                    shot = "tab-chief-officer",
                    report = "Q2 2026/27 report: Resources department",
                    filter = new
                    {
                        status = "Red",
                        measures = priyas
                            .Where(r => stand[MeasureReference.Parse(r)].Latest?.Rag == RagStatus.Red)
                            .ToArray(),
                    },
                    history = new
                    {
                        reference = "CS 02",
                        rows = cs02.Count,
                        newest = cs02[^1].Period.ToString(),
                        shot = "tab-measure",
                    },
                    decide = new
                    {
                        reference = "HR 01",
                        note = "Occupational health contract extended to March.",
                        until = "2027-01-31",
                        shot = "tab-decide",
                    },
                },
                ["sam.taylor@northmere.gov.uk"] = new
                {
                    measures = Of(m => samsServices.Contains(m.ServiceCode)),
                    points = Points(),
                },
                ["helen.price@northmere.gov.uk"] = new
                {
                    measures = Of(_ => true),
                    points = Points(),
                    report = "Q2 2026/27 report: the council",
                    scope = new { scope = "service:waste", measures = Of(m => m.ServiceCode == "waste") },
                    configure = (string[])
                        [
                            "",
                            .. council.Departments.Select(d => $"department:{d.Code}"),
                            .. council.Services.Select(s => $"service:{s.Code}"),
                        ],
                },
            },
            stranger = "nobody@northmere.gov.uk",
        };
        var file = Path.Combine(Directory.CreateTempSubdirectory("pmfbot-tab-").FullName, "expected.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(expectations));
        var shots = Environment.GetEnvironmentVariable("PMFBOT_SHOTS") is { Length: > 0 } kept
            ? Directory.CreateDirectory(kept).FullName
            : Directory.CreateTempSubdirectory("pmfbot-shots-").FullName;

        var (exit, output, errors) = await Task.Run(() =>
            NodeScript.Run(
                Repo.Path("tests", "PmfBot.EndToEnd.Tests", "browser", "performance-tab.js"),
                App.Address().ToString().TrimEnd('/'),
                shots,
                file
            )
        );

        Assert.True(exit == 0, $"The tab journey failed: {errors}\n{output}");
        Assert.Contains("step: a stranger is refused", output, StringComparison.Ordinal);
        Assert.Contains("320 px wide with no sideways scroll", output, StringComparison.Ordinal);

        // The decision is on the escalation once, as the card would have taken it; pressing again changes nothing.
        var decided = (await escalations.GetAsync(Hr01, Q2, default))!.Escalation;
        var decision = Assert.Single(decided.Decisions);
        Assert.Equal(
            (
                DecisionKind.ApproveAction,
                "priya.shah@northmere.gov.uk",
                "Occupational health contract extended to March."
            ),
            (decision.Kind, decision.By.Value, decision.Note)
        );
        var (status, again) = await PostAsync(
            $"/api/tab/escalations/HR%2001/{Q2.Code}/decide",
            Demo("priya.shah"),
            new { decision = "stop", note = "Again." }
        );
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("already decided", again.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Single((await escalations.GetAsync(Hr01, Q2, default))!.Escalation.Decisions);

        // Someone else's escalation can't be decided from the tab: the server checks who may, as for the card.
        var (refused, why) = await PostAsync(
            $"/api/tab/escalations/HR%2001/{Q2.Code}/decide",
            Demo("sam.taylor"),
            new { decision = "approve" }
        );
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("can decide", why.GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.All(["tab-chief-officer.png", "tab-measure.png", "tab-decide.png"], shot =>
            Assert.True(new FileInfo(Path.Combine(shots, shot)).Length > 1000, shot)
        );

        // Every chart is the standing's figures: one point per figure in its span.
        Dictionary<string, int> Points() => stand.ToDictionary(s => s.Key.Value, s => s.Value.Recent.Count);
    }
}
