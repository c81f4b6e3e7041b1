using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Results;

namespace PmfBot.Tests.Demo;

public class DemoSeederTests : StorageTestBase
{
    [Fact]
    public async Task SeedAsync_Twice_WritesTheHistoryOnce_AndNeverOverwritesARecordedValue()
    {
        var seeder = DemoSeeder();
        var asOf = new DateOnly(2026, 11, 22);

        var first = await seeder.SeedAsync(asOf, default);
        var results = new ResultStore(Storage.Tables);
        var ni192 = MeasureReference.Parse("NI 192");
        var before = await results.GetHistoryAsync(ni192, default);
        var second = await seeder.SeedAsync(asOf, default);

        Assert.True(first.ResultsWritten > 300);
        Assert.Equal(0, first.ResultsAlreadyThere);
        Assert.Equal(0, second.ResultsWritten);
        Assert.Equal(first.ResultsWritten, second.ResultsAlreadyThere);
        Assert.Equal(before, await results.GetHistoryAsync(ni192, default));
        var catalogue = await new CatalogueStore(Storage.Tables).LoadAsync(default);
        Assert.Equal(25, catalogue.Measures.Count);
        Assert.Equal(6, catalogue.People.Count);
        Assert.Contains("Northmere District Council seeded as of 22 Nov 2026: 25 measures in 13 services and 3 departments", first.ToString(), StringComparison.Ordinal);
    }
}
