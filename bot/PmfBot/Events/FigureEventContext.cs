using System.Collections.Concurrent;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Measures;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Results;

namespace PmfBot.Events;

/// <summary>
/// A figure event with what its handlers read, read once for all of them: the council and the
/// measure's figures. Right after the turn they are the turn's own (no read at all); from the
/// outbox they are read when a handler first asks.
/// </summary>
public sealed class FigureEventContext
{
    private readonly Func<CancellationToken, Task<CouncilCatalogue>> _readCouncil;
    private readonly Func<Measure, CancellationToken, Task<MeasureState>> _readState;
    private readonly ConcurrentDictionary<string, object> _readOnce = new(StringComparer.Ordinal);
    private CouncilCatalogue? _council;
    private MeasureState? _state;

    private FigureEventContext(
        FigureEvent figureEvent,
        Func<CancellationToken, Task<CouncilCatalogue>> readCouncil,
        Func<Measure, CancellationToken, Task<MeasureState>> readState
    )
    {
        Event = figureEvent;
        _readCouncil = readCouncil;
        _readState = readState;
    }

    public FigureEvent Event { get; }

    public MeasureResult Figure => Event.Figure;

    /// <summary>For an event the turn has just written, with the council and figures it already holds.</summary>
    /// <param name="state">The measure's figures including this one.</param>
    public static FigureEventContext Known(FigureEvent figureEvent, CouncilCatalogue council, MeasureState state) =>
        new(figureEvent, _ => Task.FromResult(council), (_, _) => Task.FromResult(state))
        {
            _council = council,
            _state = state,
        };

    /// <summary>For an event found in the outbox: what handlers ask for is read from storage.</summary>
    public static FigureEventContext Reading(FigureEvent figureEvent, CatalogueStore catalogue, ResultStore results) =>
        new(figureEvent, catalogue.LoadAsync, (measure, ct) => MeasureState.ReadAsync(results, measure, ct));

    public async Task<CouncilCatalogue> CouncilAsync(CancellationToken cancellationToken) =>
        _council ??= await _readCouncil(cancellationToken);

    /// <summary>The measure's figures now; null when it has left the catalogue.</summary>
    public async Task<MeasureState?> StateAsync(CancellationToken cancellationToken)
    {
        if (_state is null && (await CouncilAsync(cancellationToken)).FindMeasure(Figure.Measure) is { } measure)
        {
            _state = await _readState(measure, cancellationToken);
        }

        return _state;
    }

    /// <summary>
    /// A handler's own read, made once for this event: the forecast in the turn and the handling after it share it.
    /// Whatever the handler then writes is checked against storage as always (ETags, claims), so a read grown stale
    /// in between fails the write, and the outbox handles the event again with a fresh context.
    /// </summary>
    /// <param name="what">Names the read, unique to the handler ("escalations").</param>
    public async Task<T> ReadOnceAsync<T>(
        string what,
        Func<CancellationToken, Task<T>> read,
        CancellationToken cancellationToken
    )
        where T : class
    {
        if (_readOnce.TryGetValue(what, out var known))
        {
            return (T)known;
        }

        var value = await read(cancellationToken);
        _readOnce[what] = value;
        return value;
    }

    /// <summary>
    /// The measure's figures, when this event's figure is still the newest version of its period.
    /// Null for an event overtaken by a correction (the newer event does what follows from it), and
    /// for a measure that has left the catalogue: either way there is nothing for a handler to do.
    /// </summary>
    public async Task<MeasureState?> CurrentStateAsync(CancellationToken cancellationToken) =>
        await StateAsync(cancellationToken) is { } state && state.ResultFor(Figure.Period)?.Version == Figure.Version
            ? state
            : null;
}
