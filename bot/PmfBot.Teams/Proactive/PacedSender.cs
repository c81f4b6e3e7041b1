using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmfBot.Teams.Connector;

namespace PmfBot.Teams.Proactive;

/// <summary>
/// The one queue for all proactive traffic. It keeps under Teams' limits instead of bouncing off
/// them: sends spaced evenly at <see cref="PacedSenderOptions.TenantSendsPerSecond"/> overall,
/// and per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 an hour, one at a time and in
/// order. If Teams still throttles, the conversation (or, when several are throttled, everything)
/// waits as long as Retry-After says, then the send is tried again. Every send's outcome is
/// reported back through the task <see cref="SendAsync"/> returns.
/// </summary>
/// <remarks>
/// Teams counts requests when they arrive; we count each send from when it completed (the latest
/// it can have arrived), and keep conversation windows <see cref="Safety"/> wider for clock
/// granularity, so arrivals stay inside the limits however the network's latency varies.
/// </remarks>
public sealed partial class PacedSender(
    ConnectorClient connector,
    ConnectorMetrics metrics,
    IOptions<PacedSenderOptions> options,
    TimeProvider time,
    ILogger<PacedSender> logger
) : BackgroundService
{
    public static readonly TimeSpan Safety = TimeSpan.FromMilliseconds(50);

    private static readonly (int Count, TimeSpan Window)[] ConversationLimits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    // Conversations with messages waiting. A message joins its conversation's backlog when it is
    // queued (so each chat's messages keep the order they were sent in); a worker takes a whole
    // conversation and works through its backlog, so one chat's sends never overlap.
    private readonly Channel<ConversationPace> _ready = Channel.CreateUnbounded<ConversationPace>();
    private readonly ConcurrentDictionary<string, ConversationPace> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SlidingWindowLimit _tenant = new(options.Value.TenantSendsPerSecond, TimeSpan.FromSeconds(1));
    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1.0 / options.Value.TenantSendsPerSecond);

    // When the next send is due if sends went exactly every _spacing (a "theoretical arrival
    // time"). A send may go up to one spacing early, so a timer that fires late is made up by the
    // next send instead of slowing the whole fan-out; the one-second window still caps any burst.
    private DateTimeOffset _tenantNextSlot = DateTimeOffset.MinValue;
    private readonly SemaphoreSlim _tenantTurn = new(1, 1);
    private DateTimeOffset _tenantPausedUntil = DateTimeOffset.MinValue;
    private bool _stopped;

    // Cancelled only when the host's shutdown deadline passes: a send already in flight is let
    // finish, so its outcome is known (a message Teams accepted is never reported unsent).
    private readonly CancellationTokenSource _inFlight = new();

    /// <summary>Queues a message; the task completes when it has been sent, given up or withdrawn.</summary>
    /// <param name="cancellationToken">
    /// Cancelling it withdraws the message if it has not gone yet (a scheduler leader that lost its
    /// lease must not send what the next leader will): the task then completes at once with a
    /// "Withdrawn" failure. A send already in flight is not withdrawn: its real outcome is reported.
    /// </param>
    public Task<ProactiveResult> SendAsync(ProactiveMessage message, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(
            message,
            new TaskCompletionSource<ProactiveResult>(TaskCreationOptions.RunContinuationsAsynchronously)
        );
        lock (_gate)
        {
            if (_stopped)
            {
                return Task.FromResult(Stopped(0));
            }

            var pace = _conversations.GetOrAdd(message.ConversationId, _ => new ConversationPace());
            pace.Backlog.Enqueue(pending);
            if (!pace.Busy)
            {
                pace.Busy = true;
                _ready.Writer.TryWrite(pace);
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            var withdrawal = cancellationToken.Register(static p => ((Pending)p!).TryWithdraw(), pending);
            _ = pending.Result.Task.ContinueWith(
                _ => withdrawal.Dispose(),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default
            );
        }

        return pending.Result.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrency).Select(_ => WorkAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            ReportUnsent();
        }
    }

    /// <summary>
    /// Stops, and reports everything not sent. Also here, not only in ExecuteAsync: a stop that
    /// comes before the background loop has started cancels it before it runs.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(() => _inFlight.Cancel()))
        {
            await base.StopAsync(cancellationToken);
        }

        ReportUnsent();
    }

    public override void Dispose()
    {
        _inFlight.Dispose();
        _tenantTurn.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Nothing is left hanging: whatever was not sent is reported as such (the caller's claim stays open for a
    /// restart).
    /// </summary>
    private void ReportUnsent()
    {
        lock (_gate)
        {
            _stopped = true;
            _ready.Writer.TryComplete();
            foreach (var pace in _conversations.Values)
            {
                while (pace.Backlog.TryDequeue(out var left))
                {
                    left.Result.TrySetResult(Stopped(0));
                }
            }
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var pace in _ready.Reader.ReadAllAsync(stoppingToken))
        {
            while (true)
            {
                Pending pending;
                lock (_gate)
                {
                    if (!pace.Backlog.TryDequeue(out pending!))
                    {
                        pace.Busy = false;
                        break;
                    }
                }

                if (pending.IsWithdrawn)
                {
                    continue; // already answered
                }

                try
                {
                    pending.Result.TrySetResult(await SendPacedAsync(pending, pace, stoppingToken));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    pending.Result.TrySetResult(Stopped(0));
                    throw;
                }
            }
        }
    }

    private async Task<ProactiveResult> SendPacedAsync(
        Pending pending,
        ConversationPace pace,
        CancellationToken stoppingToken
    )
    {
        var message = pending.Message;
        for (var attempt = 1; ; attempt++)
        {
            var stamps = await WaitForSlotAsync(pace, stoppingToken);
            if (!pending.TryTakeOff())
            {
                return Withdrawn(attempt - 1); // taken back while it waited: never sent
            }

            var outcome = await connector.SendAsync(
                message.ServiceUrl,
                message.ConversationId,
                message.Activity,
                _inFlight.Token
            );
            lock (_gate)
            {
                var completed = time.GetUtcNow();
                foreach (var stamp in stamps)
                {
                    stamp.At = completed;
                }
            }

            if (outcome is not SendOutcome.Throttled throttled)
            {
                if (outcome is not SendOutcome.Sent)
                {
                    LogGaveUp(logger, message.Key, message.ConversationId, outcome);
                }

                return new ProactiveResult(outcome, attempt);
            }

            LogThrottled(logger, message.ConversationId, throttled.RetryAt);
            if (attempt >= options.Value.MaxThrottledAttempts)
            {
                var gaveUp = new SendOutcome.Failed(429, "Throttled", $"Teams throttled this send {attempt} times.");
                LogGaveUp(logger, message.Key, message.ConversationId, gaveUp);
                return new ProactiveResult(gaveUp, attempt);
            }

            metrics.Retried("paced-sender", "429");

            lock (_gate)
            {
                pace.PausedUntil = throttled.RetryAt;

                // Throttled while another conversation is too: the tenant's budget ran out, not this chat's.
                var now = time.GetUtcNow();
                if (_conversations.Values.Count(c => c.PausedUntil > now) > 1 && throttled.RetryAt > _tenantPausedUntil)
                {
                    _tenantPausedUntil = throttled.RetryAt;
                }
            }
        }
    }

    /// <summary>
    /// Waits until this conversation and the tenant both have room, then takes it. The
    /// conversation's own limits are waited for first, alone; then one worker at a time waits
    /// for the tenant's next slot, so the others sleep on the turnstile instead of every worker
    /// waking at every slot (at quarter end that herd cost more than the sends).
    /// </summary>
    private async Task<IReadOnlyList<Stamp>> WaitForSlotAsync(ConversationPace pace, CancellationToken stoppingToken)
    {
        while (true)
        {
            TimeSpan? wait;
            lock (_gate)
            {
                wait = TimeUntil(pace, tenantToo: false);
            }

            if (wait is null)
            {
                break;
            }

            await Task.Delay(wait.Value, time, stoppingToken);
        }

        await _tenantTurn.WaitAsync(stoppingToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    if (TimeUntil(pace, tenantToo: true) is { } later)
                    {
                        wait = later;
                    }
                    else
                    {
                        var now = time.GetUtcNow();
                        _tenantNextSlot = Later(_tenantNextSlot, now) + _spacing;
                        return [_tenant.Record(now), .. pace.Record(now)];
                    }
                }

                await Task.Delay(wait, time, stoppingToken);
            }
        }
        finally
        {
            _tenantTurn.Release();
        }
    }

    /// <summary>
    /// How long until a send to this conversation (and, with <paramref name="tenantToo"/>, the tenant) is allowed; null
    /// when it is now. Under the lock.
    /// </summary>
    private TimeSpan? TimeUntil(ConversationPace pace, bool tenantToo)
    {
        var now = time.GetUtcNow();
        var next = Later(pace.PausedUntil, pace.NextAllowed(now)); // never before now
        if (tenantToo)
        {
            var tenantSlot = _tenantNextSlot == DateTimeOffset.MinValue ? now : _tenantNextSlot - _spacing;
            next = Later(next, Later(Later(_tenantPausedUntil, tenantSlot), _tenant.NextAllowed(now)));
        }

        return next <= now ? null : next - now;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static ProactiveResult Stopped(int attempts) =>
        new(new SendOutcome.Withdrawn("the bot stopped before it was sent."), attempts);

    private static ProactiveResult Withdrawn(int attempts) =>
        new(new SendOutcome.Withdrawn("the sender took it back."), attempts);

    /// <summary>
    /// A queued message. Once a worker takes it off (it is on the wire) it can no longer be withdrawn, and vice versa.
    /// </summary>
    private sealed record Pending(ProactiveMessage Message, TaskCompletionSource<ProactiveResult> Result)
    {
        private const int Queued = 0,
            TakenOff = 1,
            Withdrawn = 2;
        private int _state;

        public bool IsWithdrawn => Volatile.Read(ref _state) == Withdrawn;

        /// <summary>Marks it on its way; false when it was withdrawn first.</summary>
        public bool TryTakeOff() => Interlocked.CompareExchange(ref _state, TakenOff, Queued) != Withdrawn;

        public void TryWithdraw()
        {
            if (Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued)
            {
                Result.TrySetResult(PacedSender.Withdrawn(0));
            }
        }
    }

    /// <summary>One conversation's limits and backlog. Guarded by the sender's lock.</summary>
    private sealed class ConversationPace
    {
        private readonly SlidingWindowLimit[] _limits =
        [
            .. ConversationLimits.Select(l => new SlidingWindowLimit(l.Count, l.Window + Safety)),
        ];

        public bool Busy { get; set; }

        public Queue<Pending> Backlog { get; } = new();

        public DateTimeOffset PausedUntil { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset NextAllowed(DateTimeOffset now)
        {
            var next = now;
            foreach (var limit in _limits)
            {
                next = Later(next, limit.NextAllowed(now));
            }

            return next;
        }

        public IEnumerable<Stamp> Record(DateTimeOffset at) => [.. _limits.Select(l => l.Record(at))];
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Teams throttled a send to {ConversationId}; trying again at {RetryAt}"
    )]
    private static partial void LogThrottled(ILogger logger, string conversationId, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up sending {Key} to {ConversationId}: {Outcome}")]
    private static partial void LogGaveUp(ILogger logger, string? key, string conversationId, SendOutcome outcome);
}
