using Microsoft.Extensions.Options;
using PmfBot.Scheduling;
using PmfBot.Storage.Outbox;

namespace PmfBot.Events;

public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the scheduler looks for events not yet handled.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How old a pending event must be before the scheduler takes it: younger ones are still being
    /// handled by the turn that recorded them (or their figure's transaction is still in flight).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many events a run; the rest wait for the next.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int PerRun { get; set; } = 500;
}

/// <summary>
/// The scheduler's outbox run: re-handles figure events whose handling didn't finish after the
/// turn (a handler failed, the instance stopped), the same for activities' progress reports,
/// and refreshes standings whose escalation or extension changed without being taken in. Two
/// queries of one partition find them.
/// </summary>
public sealed partial class OutboxRun(
    OutboxStore outbox,
    FigureEvents events,
    ProgressEvents progress,
    IOutboxRefresh refreshes,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRun> logger
) : IScheduledWork
{
    public string What => "The outbox run";

    public async Task RunScheduledAsync(CancellationToken cancellationToken)
    {
        var (handled, pending) = await RunOnceAsync(cancellationToken);
        if (handled + pending > 0)
        {
            LogRun(logger, handled, pending);
        }
    }

    /// <returns>Events handled, and events still pending after this run.</returns>
    public async Task<(int Handled, int StillPending)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (markedBy, perRun) = (time.GetUtcNow() - options.Value.Grace, options.Value.PerRun);
        var (handled, pending) = (0, 0);
        var done = new List<string>(); // handled, or pointing at nothing: let go together at the end
        foreach (var marker in await outbox.GetPendingAsync(markedBy, perRun, cancellationToken))
        {
            if (marker.Refresh is not null)
            {
                (handled, pending) = await RefreshAsync(marker, cancellationToken)
                    ? (handled + 1, pending)
                    : (handled, pending + 1);
            }
            else
            {
                await TakeAsync(marker.Key, outbox.ReadAsync(marker, cancellationToken), events.HandleAsync);
            }
        }

        foreach (var marker in await outbox.GetPendingProgressAsync(markedBy, perRun, cancellationToken))
        {
            await TakeAsync(marker.Key, progress.ReadAsync(marker, cancellationToken), progress.HandleAsync);
        }

        await outbox.ForgetAllAsync(done, cancellationToken);
        return (handled, pending);

        // A marker's event: none there (handled, or never written) lets the marker go; handled, likewise.
        async Task TakeAsync<TEvent>(
            string key,
            Task<TEvent?> reading,
            Func<TEvent, CancellationToken, Task<bool>> handle
        )
            where TEvent : class
        {
            if (await reading is not { } found)
            {
                done.Add(key);
            }
            else if (await handle(found, cancellationToken))
            {
                done.Add(key);
                handled++;
            }
            else
            {
                pending++;
            }
        }
    }

    private async Task<bool> RefreshAsync(PendingEvent marker, CancellationToken cancellationToken)
    {
        try
        {
            await refreshes.RefreshAsync(marker, cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogRefreshFailed(logger, e, marker.Key);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing {Marker} failed; the next outbox run tries again")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string marker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Handled} events handled, {Pending} still pending")]
    private static partial void LogRun(ILogger logger, int handled, int pending);
}
