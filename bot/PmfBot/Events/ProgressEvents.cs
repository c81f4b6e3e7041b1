using PmfBot.Domain.PlanActivities;
using PmfBot.Storage.Outbox;
using PmfBot.Storage.PlanActivities;

namespace PmfBot.Events;

/// <summary>
/// Something that follows from an activity's progress being reported. Like a figure's handlers, it runs after the
/// turn and again from the outbox until every handler has succeeded, so it must be idempotent.
/// </summary>
public interface IProgressEventHandler
{
    /// <summary>What it does, for the log: "progress cards".</summary>
    string Name { get; }

    Task HandleAsync(ProgressReported reported, CancellationToken cancellationToken);
}

/// <summary>
/// Hands a progress report's event to every handler, after the turn and from the outbox, and deletes it once all
/// have succeeded. A handler that fails leaves it pending: the report stays recorded and the owner has their answer.
/// </summary>
public sealed partial class ProgressEvents(
    IEnumerable<IProgressEventHandler> handlers,
    PlanActivityProgressStore store,
    HandledMarkers markers,
    Bot.BackgroundSends background,
    ILogger<ProgressEvents> logger
)
{
    /// <summary>Handles the event once the turn that recorded it has answered (the owner never waits on it).</summary>
    public void AfterTurn(ProgressReported reported) => background.Start($"{reported.Key} event", async ct =>
        {
            if (await HandleAsync(reported, ct))
            {
                markers.Add(reported.Key);
            }
        });

    /// <summary>The event a marker points at; null when there is none (handled, or its report never written).</summary>
    public Task<ProgressReported?> ReadAsync(PendingProgress pending, CancellationToken cancellationToken) =>
        store.ReadEventAsync(pending.PlanActivity, pending.Period, cancellationToken);

    /// <summary>Hands the event to every handler.</summary>
    /// <returns>True when all succeeded and the event is done; its marker is then the caller's to let go.</returns>
    public async Task<bool> HandleAsync(ProgressReported reported, CancellationToken cancellationToken)
    {
        var failed = await EveryHandler.RunAsync(
            handlers,
            h => h.HandleAsync(reported, cancellationToken),
            (h, e) => LogHandlerFailed(logger, e, h.Name, reported.Key),
            cancellationToken
        );
        if (failed > 0)
        {
            return false;
        }

        await store.CompleteEventAsync(reported, cancellationToken);
        return true;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The {Handler} handler failed on {Event}; the outbox run tries again"
    )]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string @event);
}
