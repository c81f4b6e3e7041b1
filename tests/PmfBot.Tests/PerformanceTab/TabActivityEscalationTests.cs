using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Delivery;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Escalations;
using PmfBot.Storage.Escalations;

namespace PmfBot.Tests.PerformanceTab;

/// <summary>
/// An activity's escalation on the tab, as of Monday 9 November 2026: the morning's due work escalates the housing
/// system's missed milestone to Daniel Okoro, Place's Chief Officer, who decides it from the page like a measure's.
/// </summary>
public class TabActivityEscalationTests : TabHost
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("FY2026-Q2");

    [Fact]
    public async Task TheChiefOfficer_SeesTheActivityWaiting_AndDecidesItFromTheTab_AndNobodyElseCan()
    {
        await StartAsync();
        await App.Services.GetRequiredService<DueWorkRunner>().RunAllAsync(default);
        await App.Services.GetRequiredService<Bot.BackgroundSends>().WhenIdleAsync();

        var (status, waiting) = await GetAsync("/api/tab/escalations", Demo("daniel.okoro"));
        Assert.Equal(HttpStatusCode.OK, status);
        var housing = Assert.Single(
            waiting.EnumerateArray(),
            w => w.GetProperty("reference").GetString() == "housing-system"
        );
        Assert.Equal("Replace the housing management system", housing.GetProperty("title").GetString());
        Assert.Equal("A milestone is past its date and not completed", housing.GetProperty("why").GetString());
        Assert.StartsWith("Off track", housing.GetProperty("figure").GetString(), StringComparison.Ordinal);
        var path = housing.GetProperty("decidePath").GetString()!;
        Assert.Equal("/escalations/activity/housing-system/FY2026-Q2/decide", path);
        var (_, priyas) = await GetAsync("/api/tab/escalations", Demo("priya.shah"));
        Assert.DoesNotContain(
            priyas.EnumerateArray(),
            w => w.GetProperty("reference").GetString() == "housing-system"
        );

        var (refused, why) = await PostAsync($"/api/tab{path}", Demo("sam.taylor"), new { decision = "approve" });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        var message = why.GetProperty("message").GetString();
        Assert.Contains("Only Daniel Okoro can decide", message, StringComparison.Ordinal);

        var (decided, said) = await PostAsync(
            $"/api/tab{path}",
            Demo("daniel.okoro"),
            new { decision = "resource", note = "A migration specialist from the county for six weeks." }
        );
        Assert.Equal(HttpStatusCode.OK, decided);
        Assert.Equal("Decided", said.GetProperty("state").GetString());
        var stored = (await new EscalationStore(Storage.Tables)
            .GetAsync(EscalationSubject.OfPlanActivity("housing-system"), Q2, default))!.Escalation;
        Assert.Equal(DecisionKind.AllocateResource, stored.Outcome!.Kind);
        var (_, after) = await GetAsync("/api/tab/escalations", Demo("daniel.okoro"));
        Assert.DoesNotContain(after.EnumerateArray(), w => w.GetProperty("reference").GetString() == "housing-system");

        var (missing, _) = await PostAsync(
            "/api/tab/escalations/activity/no-such-thing/FY2026-Q2/decide",
            Demo("daniel.okoro"),
            new { decision = "approve" }
        );
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}
