using System.Buffers;

namespace PmfBot.Teams.Proactive;

/// <summary>"At most <see cref="Count"/> in any <see cref="Window"/>", remembering when each send happened.</summary>
/// <remarks>
/// A send is recorded when it starts (so sends in flight count) and moved to when it completed:
/// Teams counts a request when it arrives, which is somewhere in between, so the completion time
/// is the safe one to count from. Not thread-safe: the sender guards it.
/// </remarks>
internal sealed class SlidingWindowLimit(int count, TimeSpan window)
{
    private readonly List<Stamp> _sent = [];

    public int Count => count;

    public TimeSpan Window => window;

    /// <summary>The earliest instant a new send would keep within the limit.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now)
    {
        // Asked on every wait, so without allocating: no lambdas, and a sort only when full.
        var kept = 0;
        for (var i = 0; i < _sent.Count; i++)
        {
            if (now - _sent[i].At < window)
            {
                _sent[kept++] = _sent[i];
            }
        }

        _sent.RemoveRange(kept, _sent.Count - kept);
        if (_sent.Count < count)
        {
            return now;
        }

        // Enough of the oldest must leave the window to make room for one more.
        var times = ArrayPool<DateTimeOffset>.Shared.Rent(_sent.Count);
        try
        {
            for (var i = 0; i < _sent.Count; i++)
            {
                times[i] = _sent[i].At;
            }

            Array.Sort(times, 0, _sent.Count);
            return times[_sent.Count - count] + window;
        }
        finally
        {
            ArrayPool<DateTimeOffset>.Shared.Return(times);
        }
    }

    public Stamp Record(DateTimeOffset at)
    {
        var stamp = new Stamp { At = at };
        _sent.Add(stamp);
        return stamp;
    }
}

/// <summary>When one send counts for a limit; moved forward to its completion.</summary>
internal sealed class Stamp
{
    public DateTimeOffset At { get; set; }
}
