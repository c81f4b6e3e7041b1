using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Measures;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Outbox;
using PmfBot.Storage.Results;

namespace PmfBot.Events;

/// <summary>
/// Hands a figure event to every handler, and marks it done in the outbox when all have succeeded.
/// A handler that fails leaves the event pending: the figure stays recorded, the person's answer
/// has gone, and the outbox run tries every handler again later.
/// </summary>
public sealed partial class FigureEvents(
    IEnumerable<IFigureEventHandler> handlers,
    OutboxStore outbox,
    CatalogueStore catalogue,
    ResultStore results,
    Storage.Escalations.EscalationStore escalations,
    Bot.BackgroundSends background,
    HandledMarkers markers,
    ILogger<FigureEvents> logger
) : IDisposable
{
    // Events handled after turns, a few at a time: a burst of answers queues its after-turn work here rather than
    // in storage's queue, ahead of the next person's turn. The outbox has every event should the process stop.
    private readonly SemaphoreSlim _afterTurns = new(AfterTurnsAtOnce);

    // Those that take in what the others did (the standings) run after them.
    private readonly IReadOnlyList<IFigureEventHandler> _handlers = [.. handlers.OrderBy(h => h.TakesInTheOthers)];

    /// <summary>How many events are handled after their turns at once.</summary>
    public const int AfterTurnsAtOnce = 2;

    /// <summary>
    /// For the turn that has just stored <paramref name="figureEvent"/>'s figure: what its handlers
    /// are about to do, in words for the person, and then the handling itself once the turn has
    /// answered (the person never waits on it).
    /// </summary>
    /// <param name="state">The measure's figures including this one.</param>
    /// <returns>The handlers' sentences, or null when none has anything to say.</returns>
    public async Task<string?> AfterTurnAsync(
        FigureEvent figureEvent,
        CouncilCatalogue council,
        MeasureState state,
        PersonId toldTo,
        CancellationToken cancellationToken
    )
    {
        var context = FigureEventContext.Known(figureEvent, council, state, escalations);
        var sentences = new List<string>();
        foreach (var forecast in _handlers.OfType<IFigureEventForecast>())
        {
            try
            {
                if (await forecast.ForetellAsync(context, toldTo, cancellationToken) is { Length: > 0 } sentence)
                {
                    sentences.Add(sentence);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The figure is stored: a sentence fewer never costs the person their answer.
                LogForecastFailed(logger, e, forecast.GetType().Name, figureEvent.Key);
            }
        }

        background.Start($"{figureEvent.Key} event", ct => HandleAfterTurnAsync(context, ct));
        return sentences.Count == 0 ? null : string.Join(' ', sentences);
    }

    /// <summary>Handles an event found in the outbox, reading what its handlers need.</summary>
    /// <returns>
    /// True when every handler succeeded and the event is done; its marker is then the caller's to let go
    /// (<see cref="OutboxStore.ForgetAllAsync"/>).
    /// </returns>
    public Task<bool> HandleAsync(FigureEvent figureEvent, CancellationToken cancellationToken) =>
        HandleAsync(FigureEventContext.Reading(figureEvent, catalogue, results, escalations), cancellationToken);

    public void Dispose() => _afterTurns.Dispose();

    private async Task HandleAfterTurnAsync(FigureEventContext context, CancellationToken cancellationToken)
    {
        await _afterTurns.WaitAsync(cancellationToken);
        try
        {
            if (await HandleAsync(context, cancellationToken))
            {
                markers.Add(context.Event.Key);
            }
        }
        finally
        {
            _afterTurns.Release();
        }
    }

    private async Task<bool> HandleAsync(FigureEventContext context, CancellationToken cancellationToken)
    {
        var failed = await EveryHandler.RunAsync(
            _handlers,
            h => h.HandleAsync(context, cancellationToken),
            (h, e) => LogHandlerFailed(logger, e, h.Name, context.Event.Key),
            cancellationToken
        );
        if (failed > 0)
        {
            return false;
        }

        await outbox.CompleteAsync(context.Event, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Forecast} could not say what follows {Event}")]
    private static partial void LogForecastFailed(ILogger logger, Exception exception, string forecast, string @event);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The {Handler} handler failed on {Event}; the outbox run tries again"
    )]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string @event);
}
