using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Delivery;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.People;
using PmfBot.Storage.People;

namespace PmfBot.Tests.People;

/// <summary>
/// Who has left, as every card sent asks: kept for a second, so a fan-out of thousands of cards reads the table about
/// once a second rather than once a card, and read again at once when this process records or removes a leaver.
/// </summary>
public class KnownLeaversTests : StorageTestBase
{
    private readonly FakeTimeProvider _clock = new();
    private static readonly PersonId Chris = PersonId.Parse("chris.evans@northmere.gov.uk");

    private static Leaver Left(PersonId person) =>
        new(person, "Chris Evans", DateTimeOffset.UnixEpoch, LeavingReason.MarkedByPerformanceTeam, []);

    [Fact]
    public async Task ALeaverRecordedOrRemovedHere_IsSeenAtOnce_ThroughAnyStore()
    {
        var known = new KnownLeavers(new LeaverStore(Storage.Tables), _clock);
        Assert.Empty(await known.GetAsync(default));

        await new LeaverStore(Storage.Tables).TryAddAsync(Left(Chris), default);
        Assert.True((await known.GetAsync(default)).ContainsKey(Chris));

        await new LeaverStore(Storage.Tables).DeleteAsync(Chris, default);
        Assert.Empty(await known.GetAsync(default));
    }

    [Fact]
    public async Task ALeaverRecordedElsewhere_IsSeenOnceTheSecondIsUp_NotBefore()
    {
        var known = new KnownLeavers(new LeaverStore(Storage.Tables), _clock);
        Assert.Empty(await known.GetAsync(default));

        // Another instance's write: straight to the table, so this process doesn't count it.
        var row = new TableEntity("leaver", Chris.Value)
        {
            ["Person"] = Chris.Value,
            ["Name"] = "Chris Evans",
            ["NoticedAt"] = DateTimeOffset.UnixEpoch,
            ["Why"] = nameof(LeavingReason.MarkedByPerformanceTeam),
            ["ToldTo"] = string.Empty,
        };
        await Storage.Tables.Leavers.AddEntityAsync(row);
        Assert.Empty(await known.GetAsync(default)); // kept: not read again within the second
        _clock.Advance(KnownLeavers.RecheckEvery - TimeSpan.FromTicks(1));
        Assert.Empty(await known.GetAsync(default));

        _clock.Advance(KnownLeavers.RecheckEvery);
        Assert.True((await known.GetAsync(default)).ContainsKey(Chris));
    }
}
