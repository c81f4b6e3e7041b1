using System.Threading.RateLimiting;

namespace PmfBot.Teams.Connector;

/// <summary>
/// Limits counted the way Teams counts them, on arrival: at most <c>Count</c> requests reach Teams in any
/// <c>Window</c>, for each of the given windows. A permit is held while its request is on the way and comes back
/// a whole window after it is released, by which time the response has come, so Teams counted it earlier still.
/// However late a request reaches Teams, the next request on the same permit arrives a window after it.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting's sliding windows count a request when its permit is taken, and a request can
/// reach Teams tens of milliseconds after that on a busy machine: measured, arrival jitter past a 25 ms margin
/// earned 10 responses of 429 in 10,345 in the mixed run. The lease must be held for the request's life, as the
/// resilience pipeline's rate limiter strategy does. Requests wait oldest first, without a queue limit.
/// </remarks>
public sealed class ArrivalWindowRateLimiter : RateLimiter
{
    private readonly (int Count, TimeSpan Window)[] _limits;
    private readonly TimeSpan _longest;
    private readonly int _mostAtOnce;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Queue<long> _released = new(); // when each permit came back from its request, oldest first
    private readonly LinkedList<Waiter> _waiting = new();
    private ITimer? _wake; // made when someone first has to wait
    private long _lastTaken;
    private long _lastReleased; // the newest in _released: asked of every conversation's limiter ten times a second
    private int _held;
    private long _successful;
    private long _failed;
    private bool _disposed;

    public ArrivalWindowRateLimiter(TimeProvider time, params (int Count, TimeSpan Window)[] limits)
    {
        ArgumentOutOfRangeException.ThrowIfZero(limits.Length);
        foreach (var (count, window) in limits)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        }

        _limits = limits;
        _longest = limits.Max(limit => limit.Window);
        _mostAtOnce = limits.Min(limit => limit.Count);
        _time = time;
        _lastTaken = time.GetTimestamp();
    }

    /// <summary>Null while a request is on the way, waiting, or still counted in a window.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                if (_held > 0 || _waiting.Count > 0)
                {
                    return null;
                }

                var now = _time.GetTimestamp();
                var since = _released.Count == 0 ? _lastTaken : _lastReleased + ToTicks(_longest);
                return since > now ? null : _time.GetElapsedTime(since, now);
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Available(_time.GetTimestamp()),
                CurrentQueuedCount = _waiting.Sum(waiter => waiter.Count),
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_waiting.Count == 0 && Available(_time.GetTimestamp()) >= permitCount)
            {
                return Take(permitCount);
            }

            _failed++;
            return Lease.Refused;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckCount(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_waiting.Count == 0 && Available(_time.GetTimestamp()) >= permitCount)
            {
                return ValueTask.FromResult<RateLimitLease>(Take(permitCount));
            }

            waiter = new Waiter(permitCount);
            waiter.Node = _waiting.AddLast(waiter);
            WakeWhenRoom();
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Cancelling = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        }

        return new ValueTask<RateLimitLease>(waiter.Lease.Task);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Shut();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        Shut();
        await base.DisposeAsyncCore();
    }

    /// <summary>Refuses anyone still waiting: the limiter goes with the host.</summary>
    private void Shut()
    {
        List<Waiter> waiting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        _wake?.Dispose();
        foreach (var waiter in waiting)
        {
            waiter.Cancelling.Dispose();
            waiter.Lease.TrySetException(new ObjectDisposedException(nameof(ArrivalWindowRateLimiter)));
        }
    }

    private void CheckCount(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _mostAtOnce);
    }

    /// <summary>Permits free in every window: not held, and not released within the window.</summary>
    private int Available(long now)
    {
        while (_released.Count > 0 && _released.Peek() + ToTicks(_longest) <= now)
        {
            _released.Dequeue();
        }

        var available = int.MaxValue;
        foreach (var (count, window) in _limits)
        {
            var since = now - ToTicks(window);
            var counted = CountSince(since);
            available = Math.Min(available, count - _held - counted);
        }

        return Math.Max(0, available);
    }

    /// <summary>How many permits came back after <paramref name="since"/> (a loop: this runs per request).</summary>
    private int CountSince(long since)
    {
        var counted = 0;
        foreach (var released in _released)
        {
            counted += released > since ? 1 : 0;
        }

        return counted;
    }

    /// <summary>When the <paramref name="n"/>th permit released after <paramref name="since"/> came back.</summary>
    private long NthSince(long since, int n)
    {
        foreach (var released in _released)
        {
            if (released > since && --n == 0)
            {
                return released;
            }
        }

        throw new InvalidOperationException("Fewer permits were released in the window than counted.");
    }

    private Lease Take(int permitCount)
    {
        _held += permitCount;
        _lastTaken = _time.GetTimestamp();
        _successful++;
        return new Lease(this, permitCount);
    }

    private void Release(int permitCount)
    {
        lock (_gate)
        {
            _held -= permitCount;
            var now = _time.GetTimestamp();
            for (var i = 0; i < permitCount; i++)
            {
                _released.Enqueue(now);
            }

            _lastReleased = now;

            WakeWhenRoom();
        }
    }

    /// <summary>
    /// Hands permits to the oldest waiters while there is room, then sleeps until the next permit returns.
    /// </summary>
    private void Wake()
    {
        var granted = new List<(Waiter Waiter, Lease Lease)>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            while (_waiting.First is { Value: var first } && Available(now) >= first.Count)
            {
                _waiting.RemoveFirst();
                first.Node = null;
                granted.Add((first, Take(first.Count)));
            }

            WakeWhenRoom();
        }

        foreach (var (waiter, lease) in granted)
        {
            waiter.Cancelling.Dispose();
            if (!waiter.Lease.TrySetResult(lease))
            {
                lease.Dispose(); // cancelled as it was granted
            }
        }
    }

    /// <summary>
    /// Sets the timer for the moment the oldest waiter could go: when enough released permits have left every
    /// window. Permits still held come back only on release, which calls this again.
    /// </summary>
    private void WakeWhenRoom()
    {
        if (_waiting.First is not { Value: var first })
        {
            _wake?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        _wake ??= _time.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        var now = _time.GetTimestamp();
        var at = now;
        foreach (var (count, window) in _limits)
        {
            // Of the releases still in this window, the one whose leaving makes room for the first waiter.
            var since = now - ToTicks(window);
            var counted = CountSince(since);
            var mustLeave = _held + counted + first.Count - count;
            if (mustLeave > counted)
            {
                _wake.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return; // held permits have to come back first, and their release wakes us
            }

            if (mustLeave > 0)
            {
                at = Math.Max(at, NthSince(since, mustLeave) + ToTicks(window));
            }
        }

        var due = at <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, at) + TimeSpan.FromMilliseconds(1);
        _wake.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node is null)
            {
                return; // already granted
            }

            _waiting.Remove(waiter.Node);
            waiter.Node = null;
            _failed++;
            WakeWhenRoom(); // a smaller waiter behind it may fit now
        }

        waiter.Lease.TrySetCanceled(cancellationToken);
    }

    private long ToTicks(TimeSpan span) =>
        (long)(span.Ticks * (_time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));

    private sealed class Waiter(int count)
    {
        public int Count { get; } = count;

        public TaskCompletionSource<RateLimitLease> Lease { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Cancelling { get; set; }
    }

    private sealed class Lease(ArrivalWindowRateLimiter? limiter, int count) : RateLimitLease
    {
        public static readonly Lease Refused = new(null, 0);

        private int _released;

        public override bool IsAcquired => limiter is not null;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (limiter is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                limiter.Release(count);
            }

            base.Dispose(disposing);
        }
    }
}
