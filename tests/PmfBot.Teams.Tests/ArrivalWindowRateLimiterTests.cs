using Microsoft.Extensions.Time.Testing;
using PmfBot.Teams.Connector;

namespace PmfBot.Teams.Tests;

/// <summary>
/// Teams counts a request when it arrives; the limiter counts a permit until a window after its request is done,
/// so no window of Teams' ever sees more than the limit, however late requests arrive.
/// </summary>
public class ArrivalWindowRateLimiterTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task APermit_ComesBackAWindowAfterItsRequestIsDone_NotAfterItWasTaken()
    {
        using var limiter = new ArrivalWindowRateLimiter(_time, (2, Second));
        using var first = await limiter.AcquireAsync();
        var second = await limiter.AcquireAsync();
        var third = limiter.AcquireAsync().AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(1500)); // the second request is slow to reach Teams
        second.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted, "a window has not passed since the slow request was done");

        _time.Advance(TimeSpan.FromMilliseconds(2));
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public async Task EveryWindow_Holds_TheLongerOnesToo()
    {
        using var limiter = new ArrivalWindowRateLimiter(_time, (7, Second), (8, 2 * Second));
        for (var i = 0; i < 7; i++)
        {
            (await limiter.AcquireAsync()).Dispose();
        }

        _time.Advance(TimeSpan.FromMilliseconds(1001));
        (await limiter.AcquireAsync()).Dispose(); // the eighth in two seconds
        var ninth = limiter.AcquireAsync().AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(ninth.IsCompleted, "eight have gone in the last two seconds");
        _time.Advance(TimeSpan.FromMilliseconds(200));
        using var granted = await ninth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public async Task Waiters_GoOldestFirst_AndOneThatGivesUp_LeavesTheQueue()
    {
        using var limiter = new ArrivalWindowRateLimiter(_time, (1, Second));
        (await limiter.AcquireAsync()).Dispose();
        using var givesUp = new CancellationTokenSource();
        var first = limiter.AcquireAsync(1, givesUp.Token).AsTask();
        var second = limiter.AcquireAsync().AsTask();

        await givesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        _time.Advance(TimeSpan.FromMilliseconds(1001));

        using var granted = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(granted.IsAcquired);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public void ATryWhileOthersWait_IsRefused_SoNobodyJumpsTheQueue()
    {
        using var limiter = new ArrivalWindowRateLimiter(_time, (1, Second));
        limiter.AttemptAcquire().Dispose();
        var waiting = limiter.AcquireAsync();
        _time.Advance(TimeSpan.FromMilliseconds(999));

        using var attempt = limiter.AttemptAcquire();

        Assert.False(attempt.IsAcquired);
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public void IsIdle_OnlyOnceItsLongestWindowHasPassed()
    {
        using var limiter = new ArrivalWindowRateLimiter(_time, (7, Second), (60, TimeSpan.FromSeconds(30)));
        var lease = limiter.AttemptAcquire();
        Assert.Null(limiter.IdleDuration);
        lease.Dispose();

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(limiter.IdleDuration);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.IdleDuration);
    }

    /// <summary>
    /// Requests taken as soon as there is room, each reaching Teams 0–80 ms after its permit and answered up to
    /// 40 ms after that: counted at arrival, no second ever holds more than the limit.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void HoweverLateRequestsArrive_NoWindowSeesMoreThanTheLimit(int seed)
    {
        var random = new Random(seed);
        using var limiter = new ArrivalWindowRateLimiter(_time, (50, Second), (60, 2 * Second));
        var onTheWay = new List<(DateTimeOffset Done, IDisposable Lease)>();
        var arrivals = new List<DateTimeOffset>();

        for (var step = 0; step < 20_000; step++) // 20 s in steps of a millisecond
        {
            var now = _time.GetUtcNow();
            foreach (var done in onTheWay.Where(request => request.Done <= now).ToList())
            {
                done.Lease.Dispose();
                onTheWay.Remove(done);
            }

            while (limiter.AttemptAcquire() is { IsAcquired: true } lease)
            {
                var arrival = now + TimeSpan.FromMilliseconds(random.Next(0, 80));
                arrivals.Add(arrival);
                onTheWay.Add((arrival + TimeSpan.FromMilliseconds(random.Next(0, 40)), lease));
            }

            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        arrivals.Sort();
        var mostInASecond = arrivals.Select((at, i) => arrivals.Skip(i).TakeWhile(t => t - at < Second).Count()).Max();
        var mostInTwo = arrivals.Select((at, i) => arrivals.Skip(i).TakeWhile(t => t - at < 2 * Second).Count()).Max();
        Assert.Equal(50, mostInASecond);
        Assert.Equal(60, mostInTwo);
    }
}
