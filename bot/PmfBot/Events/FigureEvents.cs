using PmfBot.Domain.Results;
using PmfBot.Storage.Outbox;

namespace PmfBot.Events;

/// <summary>
/// Hands a figure event to every handler, and marks it done in the outbox when all have succeeded.
/// A handler that fails leaves the event pending: the figure stays recorded, the person's answer
/// has gone, and the outbox run tries every handler again later.
/// </summary>
public sealed partial class FigureEvents(
    IEnumerable<IFigureEventHandler> handlers,
    OutboxStore outbox,
    Bot.BackgroundSends background,
    ILogger<FigureEvents> logger)
{
    /// <summary>Handles the event once the current turn has answered (the person never waits on it).</summary>
    public void AfterTurn(FigureEvent figureEvent) =>
        background.Start($"{figureEvent.Key} event", ct => HandleAsync(figureEvent, ct));

    /// <returns>True when every handler succeeded and the event is done.</returns>
    public async Task<bool> HandleAsync(FigureEvent figureEvent, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(figureEvent, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failed++;
                LogHandlerFailed(logger, e, handler.Name, figureEvent.Key);
            }
        }

        if (failed > 0)
        {
            return false;
        }

        await outbox.CompleteAsync(figureEvent, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The {Handler} handler failed on {Event}; the outbox run tries again")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string @event);
}
