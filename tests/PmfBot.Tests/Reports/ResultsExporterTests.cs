using System.Text;
using PmfBot.Domain.Calendar;
using PmfBot.Features.Reports;
using PmfBot.Features.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Storage.Catalogue;
using PmfBot.Standings;
using PmfBot.Storage.Results;
using PmfBot.Storage.Standings;

namespace PmfBot.Tests.Reports;

public class ResultsExporterTests : StorageTestBase
{
    private ResultsExporter Exporter =>
        new(new ResultStore(Storage.Tables), new StandingsReader(new StandingStore(Storage.Tables)));

    [Fact]
    public async Task Write_Quarter_ListsQuarterlyAndMonthlyMeasuresEndingThen_WithGapsAsNoReturn()
    {
        var asOf = new DateOnly(2026, 11, 22);
        await DemoSeeder().SeedAsync(asOf, default);
        var catalogue = await new CatalogueStore(Storage.Tables).LoadAsync(default);
        var writer = new StringWriter();

        var (count, _) = await Exporter.WriteAsync(catalogue, ReportingPeriod.Parse("Q2 2026/27"), writer, default);

        var table = TabularFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString())));
        Assert.Equal(25, count); // every demo measure is monthly or quarterly: all end on 30 Sep
        Assert.Equal(25, table.Rows.Count);
        var ni192 = table.Rows.Single(r => r["Reference"] == "NI 192");
        Assert.Equal("Q2 2026/27", ni192["Period"]);
        Assert.Equal("50.0%", ni192["Target"]);
        var cs02 = table.Rows.Single(r => r["Reference"] == "CS 02");
        Assert.Equal("Sep 2026", cs02["Period"]);
        Assert.Equal("Priya Shah", cs02["Owner"]);

        // The latest quarter (Q2 2026/27) is left open for some measures in the demo: they show as gaps.
        var open = DemoCouncil.Measures.Where(m => m.Measure.Frequency == Domain.Catalogue.Frequency.Quarterly && DemoHistory.LeftOpen(m.Measure)).Select(m => m.Measure.Reference.Value).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, reference => Assert.Equal("No return", table.Rows.Single(r => r["Reference"] == reference)["Status"]));
        Assert.All(table.Rows.Where(r => !open.Contains(r["Reference"])), r => Assert.NotEqual("No return", r["Status"]));
    }

    [Fact]
    public async Task Write_Month_ListsOnlyMonthlyMeasures()
    {
        await DemoSeeder().SeedAsync(new DateOnly(2026, 11, 22), default);
        var catalogue = await new CatalogueStore(Storage.Tables).LoadAsync(default);

        var (count, _) = await Exporter.WriteAsync(
            catalogue, ReportingPeriod.Parse("Aug 2026"), new StringWriter(), default);

        Assert.Equal(DemoCouncil.Measures.Count(m => m.Measure.Frequency == Domain.Catalogue.Frequency.Monthly), count);
    }

    [Fact]
    public async Task TheLatestQuarter_IsReadFromTheStandings_AnOlderOneFromHistory()
    {
        await DemoSeeder().SeedAsync(new DateOnly(2026, 11, 22), default);
        var catalogue = await new CatalogueStore(Storage.Tables).LoadAsync(default);
        var history = new ResultStore(Storage.Tables);
        var september = await history.GetAsync(Cs02, ReportingPeriod.Parse("Sep 2026"), default);
        // Gone from history, still in CS 02's standing: a report that prints it read the standing.
        await Storage.Tables.Results.DeleteEntityAsync("CS 02", "result|" + september!.Period.Code);

        var latest = await ReportAsync(catalogue, "Q2 2026/27");
        var older = await ReportAsync(catalogue, "Q2 2025/26"); // Sep 2025: before the standing's 13 months

        Assert.Equal(catalogue.FindMeasure(Cs02)!.Format(september.Value), latest["Value"]);
        Assert.Equal(september.Commentary, latest["Commentary"]);
        var fromHistory = await history.GetAsync(Cs02, ReportingPeriod.Parse("Sep 2025"), default);
        Assert.Equal(catalogue.FindMeasure(Cs02)!.Format(fromHistory!.Value), older["Value"]);
    }

    private static readonly Domain.Catalogue.MeasureReference Cs02 = Domain.Catalogue.MeasureReference.Parse("CS 02");

    private async Task<SheetRow> ReportAsync(
        Domain.Catalogue.CouncilCatalogue catalogue, string period)
    {
        var writer = new StringWriter();
        await Exporter.WriteAsync(catalogue, ReportingPeriod.Parse(period), writer, default);
        var table = TabularFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString())));
        return table.Rows.Single(r => r["Reference"] == "CS 02");
    }
}
