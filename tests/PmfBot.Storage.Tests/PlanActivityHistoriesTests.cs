using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.PlanActivities;
using PmfBot.Storage.PlanActivities;

namespace PmfBot.Storage.Tests;

/// <summary>Every activity's reports in one query, for digests and scorecards.</summary>
public class PlanActivityHistoriesTests : StorageTestBase
{
    private static readonly PersonId Sam = PersonId.Parse("sam.taylor@northmere.gov.uk");

    private static PlanActivityProgress Report(string code, string period, PlanActivityStatus status) =>
        new(code, ReportingPeriod.Parse(period), status, null, "Commentary.", null, Sam,
            DateTimeOffset.Parse("2026-10-05T09:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task AllHistories_AreEachActivitysReports_OldestFirst_AndNothingElse()
    {
        var store = new PlanActivityProgressStore(Storage.Tables);
        await store.RecordManyAsync(
            [
                Report("food-waste", "Q2 2026/27", PlanActivityStatus.AtRisk),
                Report("food-waste", "Q1 2026/27", PlanActivityStatus.OnTrack),
                Report("local-plan", "Q1 2026/27", PlanActivityStatus.Completed),
            ],
            default);
        // a report recorded with its event: the event row beside it is not a report
        var housing = Report("housing-system", "Q2 2026/27", PlanActivityStatus.OffTrack);
        await store.RecordAsync(new ProgressReported(housing), default);
        // a measure's figures share the table, in partitions of their own
        await new Results.ResultStore(Storage.Tables).RecordAsync(Samples.Result(51), default);

        var all = await store.GetAllHistoriesAsync(default);

        var codes = all.Keys.Select(k => k.ToUpperInvariant()).Order();
        Assert.Equal(["FOOD-WASTE", "HOUSING-SYSTEM", "LOCAL-PLAN"], codes);
        Assert.Equal(["Q1 2026/27", "Q2 2026/27"], all["food-waste"].Select(p => p.Period.ToString()));
        Assert.Equal(PlanActivityStatus.OffTrack, Assert.Single(all["housing-system"]).Status);
        Assert.Equal(await store.GetHistoryAsync("food-waste", default), all["food-waste"]);
    }
}
