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
        _sent.RemoveAll(s => now - s.At >= window);
        if (_sent.Count < count)
        {
            return now;
        }

        // Enough of the oldest must leave the window to make room for one more.
        var oldestFirst = _sent.Select(s => s.At).Order().ToList();
        return oldestFirst[_sent.Count - count] + window;
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
