using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;
using PmfBot.Domain.People;
using PmfBot.Features.Demo;
using PmfBot.Features.Retention;
using PmfBot.Scheduling;
using PmfBot.Storage.Cover;
using PmfBot.Storage.People;
using PmfBot.Testing;

namespace PmfBot.Tests.Retention;

/// <summary>
/// The README's retention table, the rows the sweep enforces: ended cover goes after Retention:EndedCoverDays, and a
/// leaver's record once their days are up and the catalogue names them nowhere. The scheduler leader runs it on start.
/// </summary>
public sealed class PersonalDataSweepTests : StorageTestBase
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse(
        "2026-11-07T09:00:00Z",
        System.Globalization.CultureInfo.InvariantCulture
    );
    private static readonly DateOnly Today = new(2026, 11, 7);
    private static readonly PersonId Leaver = PersonId.Parse("old.hand@northmere.gov.uk");

    private CoverStore Cover => new(Storage.Tables);

    private LeaverStore Leavers => new(Storage.Tables);

    private async Task SeedAsync()
    {
        await DemoSeeder().SeedAsync(Today, default);
        // ended 91 days ago (gone), ended 89 days ago (kept), in force (kept)
        await Cover.AddAsync(
            new Delegation(
                "endedlongago",
                DemoPeople.ChrisEvans.Id,
                DemoPeople.FionaGrant.Id,
                null,
                Today.AddDays(-91),
                Now.AddDays(-200)
            ),
            default
        );
        await Cover.AddAsync(
            new Delegation(
                "endedlately1",
                DemoPeople.ChrisEvans.Id,
                DemoPeople.FionaGrant.Id,
                null,
                Today.AddDays(-89),
                Now.AddDays(-200)
            ),
            default
        );
        await Cover.AddAsync(
            new Delegation(
                "inforce00001",
                DemoPeople.SamTaylor.Id,
                DemoPeople.FionaGrant.Id,
                null,
                Today.AddDays(9),
                Now
            ),
            default
        );
        await Cover.SnoozeAsync(
            new Snooze(DemoPeople.PriyaShah.Id, null, Today.AddDays(-100), Now.AddDays(-110)),
            default
        );
        // a leaver the catalogue no longer names, long ago (gone); one still owning measures (kept); one lately (kept)
        await Leavers.TryAddAsync(
            new Leaver(Leaver, "Old Hand", Now.AddDays(-200), LeavingReason.AccountDisabled, []),
            default
        );
        await Leavers.TryAddAsync(
            new Leaver(DemoPeople.SamTaylor.Id, "Sam Taylor", Now.AddDays(-200), LeavingReason.AccountDisabled, []),
            default
        );
        await Leavers.TryAddAsync(
            new Leaver(
                PersonId.Parse("new.leaver@northmere.gov.uk"),
                "New Leaver",
                Now.AddDays(-10),
                LeavingReason.MarkedByPerformanceTeam,
                []
            ),
            default
        );
    }

    private async Task<IReadOnlyList<string>> DelegationIdsAsync() =>
        [.. (await Cover.GetDelegationsInForceAsync(Today.AddDays(-1000), default)).Select(d => d.Id).Order()];

    [Fact]
    public async Task TheLeader_DeletesEndedCoverAndForgottenLeavers_AndKeepsWhatIsStillNeeded()
    {
        await SeedAsync();

        await using var app = PmfBotHost.Build(
            LoopbackHost.Args(Settings, ["--Retention:SweepOnSchedule", "true", "--Clock:StartAt", "2026-11-07T09:00"])
        );
        Assert.Contains("personal-data-sweep", app.Services.GetRequiredService<ScheduledJobNames>());
        await app.StartAsync();

        for (var i = 0; i < 200 && (await DelegationIdsAsync()).Contains("endedlongago"); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(["endedlately1", "inforce00001"], await DelegationIdsAsync());
        Assert.Empty(await Cover.GetSnoozesInForceAsync(Today.AddDays(-1000), default));
        Assert.Equal(
            ["new.leaver@northmere.gov.uk", "sam.taylor@northmere.gov.uk"],
            (await Leavers.GetAllAsync(default)).Keys.Select(k => k.Value).Order()
        );
    }

    [Fact]
    public async Task ASecondSweep_FindsNothingMore()
    {
        await SeedAsync();
        await using var app = PmfBotHost.Build(LoopbackHost.Args(Settings, ["--Clock:StartAt", "2026-11-07T09:00"]));
        var sweep = app.Services.GetRequiredService<PersonalDataSweep>();

        Assert.Equal(new SweepReport(2, 1), await sweep.RunAsync(default));
        Assert.Equal(new SweepReport(0, 0), await sweep.RunAsync(default));
    }
}
