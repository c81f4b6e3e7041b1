using Azure.Storage.Blobs;
using PmfBot.Storage.Leases;
using PmfBot.Testing;

namespace PmfBot.Storage.Tests;

/// <summary>The scheduler's blob lease on Azurite's Blob service: one holder at a time, released or lapsed.</summary>
public sealed class LeaderLeaseTests : StorageTestBase
{
    private static readonly TimeSpan Fifteen = TimeSpan.FromSeconds(15);

    private LeaderLease Holder() => new(new BlobServiceClient(Storage.ConnectionString), Storage.Prefix + "leader");

    [Fact]
    public async Task OneHolderAtATime_TheOtherGetsItOnceReleased()
    {
        var (a, b) = (Holder(), Holder());

        Assert.True(await a.TryAcquireAsync(Fifteen, default));
        Assert.False(await b.TryAcquireAsync(Fifteen, default));
        Assert.True(await a.TryAcquireAsync(Fifteen, default)); // acquiring again as the holder renews
        Assert.True(await a.TryRenewAsync(default));

        await a.ReleaseAsync(default);

        Assert.True(await b.TryAcquireAsync(Fifteen, default));
        Assert.False(await a.TryRenewAsync(default)); // a's lease is gone: it must stop leading
        await a.ReleaseAsync(default); // and releasing what it no longer holds is harmless
        Assert.False(await a.TryAcquireAsync(Fifteen, default));
    }

    [Fact]
    public async Task AHolderThatStopsRenewing_LosesTheLease_WhenItLapses()
    {
        var (dead, next) = (Holder(), Holder());
        Assert.True(await dead.TryAcquireAsync(Fifteen, default));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await next.TryAcquireAsync(Fifteen, default))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The lease never lapsed.");
            await Task.Delay(500);
        }

        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        Assert.False(await dead.TryRenewAsync(default));
    }
}
