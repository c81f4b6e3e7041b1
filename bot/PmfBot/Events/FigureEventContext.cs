using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Measures;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Results;

namespace PmfBot.Events;

/// <summary>
/// A figure event with what its handlers read, read once for all of them: the council, the
/// measure's figures and its escalations. Right after the turn the council and figures are the
/// turn's own (no read at all); from the outbox they are read when a handler first asks.
/// </summary>
public sealed class FigureEventContext
{
    private readonly Func<CancellationToken, Task<CouncilCatalogue>>? _readCouncil;
    private readonly Func<Measure, CancellationToken, Task<MeasureState>>? _readState;
    private readonly EscalationStore _escalationStore;
    private CouncilCatalogue? _council;
    private MeasureState? _state;
    private IReadOnlyList<StoredEscalation>? _escalations;

    private FigureEventContext(
        FigureEvent figureEvent,
        EscalationStore escalations,
        Func<CancellationToken, Task<CouncilCatalogue>>? readCouncil = null,
        Func<Measure, CancellationToken, Task<MeasureState>>? readState = null
    )
    {
        Event = figureEvent;
        _escalationStore = escalations;
        _readCouncil = readCouncil;
        _readState = readState;
    }

    public FigureEvent Event { get; }

    public MeasureResult Figure => Event.Figure;

    /// <summary>For an event the turn has just written, with the council and figures it already holds.</summary>
    /// <param name="state">The measure's figures including this one.</param>
    public static FigureEventContext Known(
        FigureEvent figureEvent,
        CouncilCatalogue council,
        MeasureState state,
        EscalationStore escalations
    ) => new(figureEvent, escalations) { _council = council, _state = state };

    /// <summary>For an event found in the outbox: what handlers ask for is read from storage.</summary>
    public static FigureEventContext Reading(
        FigureEvent figureEvent,
        CatalogueStore catalogue,
        ResultStore results,
        EscalationStore escalations
    ) =>
        new(figureEvent, escalations, catalogue.LoadAsync, (measure, ct) =>
            MeasureState.ReadAsync(results, measure, ct)
        );

    public async Task<CouncilCatalogue> CouncilAsync(CancellationToken cancellationToken) =>
        _council ??= await _readCouncil!(cancellationToken);

    /// <summary>The measure's figures now; null when it has left the catalogue.</summary>
    public async Task<MeasureState?> StateAsync(CancellationToken cancellationToken)
    {
        if (_state is null && (await CouncilAsync(cancellationToken)).FindMeasure(Figure.Measure) is { } measure)
        {
            _state = await _readState!(measure, cancellationToken);
        }

        return _state;
    }

    /// <summary>
    /// The measure's escalations, read once for this event: the forecast in the turn and every handler after it share
    /// the read, and a handler that changes one says so (<see cref="Escalated"/>), so that the handlers after it (the
    /// standings) see it as stored. Whatever a handler writes is checked against storage as always (ETags, claims): a
    /// read grown stale fails the write, and the outbox handles the event again with a fresh context.
    /// </summary>
    public async Task<IReadOnlyList<StoredEscalation>> EscalationsAsync(CancellationToken cancellationToken) =>
        _escalations ??= await _escalationStore.GetForSubjectAsync(Figure.Measure, cancellationToken);

    /// <summary>A handler raised or changed one of the measure's escalations while handling this event.</summary>
    public void Escalated(StoredEscalation changed)
    {
        var others = (_escalations ?? []).Where(s => s.Escalation.Period != changed.Escalation.Period);
        _escalations = [.. others.Append(changed).OrderBy(s => s.Escalation.Period)];
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
