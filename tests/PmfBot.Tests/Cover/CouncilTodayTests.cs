using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Council;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;
using PmfBot.Features.Demo;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Cover;

namespace PmfBot.Tests.Cover;

/// <summary>
/// Every turn asks for the council as it stands today. It is read again at most once a second, and at once after
/// this process changes the catalogue or a delegation, so a person's own change is never missed.
/// </summary>
public class CouncilTodayTests : StorageTestBase
{
    private static readonly MeasureReference Cs02 = MeasureReference.Parse("CS 02");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));

    private CouncilToday Council() => new(new CatalogueStore(Storage.Tables), new CoverStore(Storage.Tables), _clock);

    private Delegation ToSam() =>
        new(Delegation.NewId(), DemoPeople.PriyaShah.Id, DemoPeople.SamTaylor.Id, Cs02, new DateOnly(2026, 11, 30),
            _clock.GetUtcNow());

    [Fact]
    public async Task ADelegationMadeHere_IsInTheNextLoad_AtOnce()
    {
        await DemoSeeder().SeedAsync(new DateOnly(2026, 11, 10), default);
        var council = Council();
        Assert.Null((await council.LoadAsync(default)).FindMeasure(Cs02)!.StandIn);

        await new CoverStore(Storage.Tables).AddAsync(ToSam(), default);

        Assert.Equal(DemoPeople.SamTaylor.Id, (await council.LoadAsync(default)).FindMeasure(Cs02)!.StandIn);
    }

    [Fact]
    public async Task AChangeMadeByAnotherInstance_ShowsWithinASecond()
    {
        await DemoSeeder().SeedAsync(new DateOnly(2026, 11, 10), default);
        var council = Council();
        Assert.Null((await council.LoadAsync(default)).FindMeasure(Cs02)!.StandIn);

        // Written past this process's stores, as another instance's would be.
        var delegation = ToSam();
        await Storage.Tables.Cover.AddEntityAsync(new TableEntity(delegation.Owner.Value, "delegation|" + delegation.Id)
        {
            ["Owner"] = delegation.Owner.Value, ["Delegate"] = delegation.Delegate.Value, ["Measure"] = "CS 02",
            ["Until"] = "2026-11-30", ["CreatedAt"] = delegation.CreatedAt,
        });
        Assert.Null((await council.LoadAsync(default)).FindMeasure(Cs02)!.StandIn); // as read a moment ago

        await Task.Delay(CouncilToday.RecheckEvery + TimeSpan.FromMilliseconds(50));
        Assert.Equal(DemoPeople.SamTaylor.Id, (await council.LoadAsync(default)).FindMeasure(Cs02)!.StandIn);
    }
}
