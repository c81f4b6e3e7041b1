using Microsoft.Extensions.Options;
using PmfBot.Storage;
using PmfBot.Storage.Leases;

namespace PmfBot.Scheduling;

/// <summary>How the instances of the bot choose the one that runs the scheduled work.</summary>
public sealed class LeadershipOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string SectionName = "Leadership";

    /// <summary>
    /// How long the leader's blob lease lasts unrenewed (Azure allows 15 to 60 seconds). If the
    /// leader dies, another instance takes over within about this long. Renewed every third of it.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(
        System.ComponentModel.DataAnnotations.ValidationContext validationContext
    )
    {
        if (LeaseDuration < TimeSpan.FromSeconds(15) || LeaseDuration > TimeSpan.FromSeconds(60))
        {
            yield return new(
                "Leadership:LeaseDuration must be between 00:00:15 and 00:01:00 (Azure's limits for a blob lease).",
                [nameof(LeaseDuration)]
            );
        }
    }
}

/// <summary>What /readyz says about leadership.</summary>
public enum LeadershipState
{
    /// <summary>Not yet asked: the first attempt has not finished.</summary>
    Starting,

    /// <summary>This instance holds the lease and runs the scheduled work.</summary>
    Leader,

    /// <summary>Another instance holds the lease; this one serves /api/messages only.</summary>
    Follower,

    /// <summary>
    /// The lease could not be reached (storage down); this instance runs no scheduled work until it can.
    /// </summary>
    Unknown,
}

/// <summary>
/// Every instance serves Teams; exactly one, the holder of a blob lease in the bot's storage
/// account, runs the scheduled work (the due scan, digests, retention) and with it the fan-out of
/// proactive sends. It renews the lease every third of its duration; a renewal it cannot make
/// ends its tenure at once (its work is cancelled and its queued sends withdrawn) well before
/// the lease lapses, so two leaders never overlap. Another instance takes the lapsed lease over
/// and, because claims made before its tenure began are known to be abandoned, resumes them.
/// </summary>
public sealed partial class SchedulerLeader(
    IOptions<StorageOptions> storage,
    IOptions<LeadershipOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<SchedulerLeader> logger
) : BackgroundService
{
    private readonly LeaderLease _lease = new(storage, "scheduler-leader");
    private readonly Lock _gate = new();
    private CancellationTokenSource? _tenure;

    public LeadershipState State { get; private set; } = LeadershipState.Starting;

    /// <summary>When this instance's current tenure began; null when it does not lead.</summary>
    public DateTimeOffset? LeaderSince { get; private set; }

    /// <summary>
    /// A token for work done as leader: cancelled the moment the tenure ends. None (already
    /// cancelled) when this instance does not lead.
    /// </summary>
    public CancellationToken Tenure
    {
        get
        {
            lock (_gate)
            {
                return _tenure?.Token ?? new CancellationToken(canceled: true);
            }
        }
    }

    public bool IsLeader => State == LeadershipState.Leader;

    /// <summary>
    /// Terms for a claim made here. As leader, a claim made well before this tenure began is the
    /// dead leader's and is resumed at once. "Well before": a leader stops claiming at its first
    /// failed renewal, a third of a lease after its last good one, and its lease lapses a whole
    /// lease after that, so its claims are at least two thirds of a lease older than this tenure.
    /// Half a lease leaves room for the instances' clocks to differ a little.
    /// </summary>
    public ClaimTerms ClaimTerms(
        string claimant,
        DateTimeOffset now,
        TimeSpan lease,
        int maxAttempts,
        TimeSpan retryWaitingEvery = default
    ) => new(claimant, now, lease, maxAttempts, LeaderSince - options.Value.LeaseDuration / 2, retryWaitingEvery);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var duration = options.Value.LeaseDuration;
        var every = duration / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var held = IsLeader
                    ? await _lease.TryRenewAsync(stoppingToken)
                    : await _lease.TryAcquireAsync(duration, stoppingToken);
                if (held)
                {
                    BeginTenure();
                }
                else
                {
                    EndTenure(LeadershipState.Follower);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage unreachable (or answering oddly): stop leading now, long before the lease
                // can lapse under us, so a second leader never overlaps this one. The next round tries again.
                LogLeaseUnreachable(logger, e, State);

                EndTenure(LeadershipState.Unknown);
            }

            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Graceful shutdown: ends the tenure, then gives the lease up, so another instance takes over at once.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var wasLeader = IsLeader;
        await base.StopAsync(cancellationToken);
        EndTenure(LeadershipState.Follower);
        if (wasLeader)
        {
            try
            {
                await _lease.ReleaseAsync(cancellationToken);
                LogReleased(logger);
            }
            catch (Exception e)
                when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException)
            {
                LogReleaseFailed(logger, e); // it lapses on its own
            }
        }
    }

    private void BeginTenure()
    {
        lock (_gate)
        {
            if (State == LeadershipState.Leader)
            {
                return;
            }

            _tenure = new CancellationTokenSource();
            LeaderSince = time.GetUtcNow();
            State = LeadershipState.Leader;
        }

        LogLeading(logger, _lease.HolderId);
        _ = RunScheduledWorkNowAsync();
    }

    /// <summary>
    /// A new leader runs the scheduled work at once, to resume what the last one left, rather than at its next turn.
    /// </summary>
    private async Task RunScheduledWorkNowAsync()
    {
        if (
            services.GetService<ScheduledJobNames>() is not { } names
            || services.GetService<Quartz.ISchedulerFactory>() is not { } factory
        )
        {
            return;
        }

        try
        {
            var scheduler = await factory.GetScheduler();
            foreach (var name in names)
            {
                await scheduler.TriggerJob(new Quartz.JobKey(name), new Quartz.JobDataMap());
            }
        }
        catch (Exception e) when (e is Quartz.SchedulerException or InvalidOperationException)
        {
            LogTriggerFailed(logger, e); // the schedule still runs it at its next turn
        }
    }

    private void EndTenure(LeadershipState now)
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            var wasLeader = State == LeadershipState.Leader;
            State = now;
            ended = wasLeader ? _tenure : null;
            if (wasLeader)
            {
                _tenure = null;
                LeaderSince = null;
            }
        }

        if (ended is not null)
        {
            ended.Cancel(); // not disposed: work may still be reading the token it was given
            LogStepDown(logger, now);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "This instance now leads (lease {LeaseId}): it runs the scheduled work"
    )]
    private static partial void LogLeading(ILogger logger, string leaseId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "This instance no longer leads ({State}): its scheduled work is cancelled"
    )]
    private static partial void LogStepDown(ILogger logger, LeadershipState state);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "The scheduler's lease could not be reached (was {State}); no scheduled work runs here until it can"
    )]
    private static partial void LogLeaseUnreachable(ILogger logger, Exception exception, LeadershipState state);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not start the scheduled work at once on becoming leader; it runs at its next turn"
    )]
    private static partial void LogTriggerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave up the leader's lease on shutdown")]
    private static partial void LogReleased(ILogger logger);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not give up the leader's lease on shutdown; it lapses on its own"
    )]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
