using PmfBot.Domain.Escalations;
using PmfBot.Events;
using PmfBot.Standings;
using PmfBot.Storage.Escalations;

namespace PmfBot.Features.Escalations;

/// <summary>
/// Every change to an escalation, made so that its measure's standing follows; the store's own rules (raised once,
/// changed only if unchanged since read) are kept as they are. A change made while handling a figure event is told to
/// the event (<see cref="FigureEventContext.Escalated"/>), whose standings handler takes it in with the figure, and
/// whose outbox entry stays until it has; any other goes through <see cref="StandingsKeeper.ChangeAsync{T}"/>.
/// </summary>
public sealed class EscalationWrites(EscalationStore store, StandingsKeeper standings)
{
    /// <inheritdoc cref="EscalationStore.RaiseAsync"/>
    /// <param name="during">The figure event being handled, if any.</param>
    public async Task<(StoredEscalation Stored, bool Raised)> RaiseAsync(
        Escalation escalation,
        FigureEventContext? during,
        CancellationToken cancellationToken
    )
    {
        if (during is null)
        {
            return await standings.ChangeAsync(
                StandingSource.Escalation,
                escalation.Measure,
                escalation.Period,
                ct => store.RaiseAsync(escalation, ct),
                cancellationToken
            );
        }

        var raised = await store.RaiseAsync(escalation, cancellationToken);
        during.Escalated(raised.Stored);
        return raised;
    }

    /// <inheritdoc cref="EscalationStore.TryChangeAsync"/>
    /// <param name="during">The figure event being handled, if any.</param>
    public async Task<StoredEscalation?> TryChangeAsync(
        StoredEscalation read,
        Escalation changed,
        FigureEventContext? during,
        CancellationToken cancellationToken
    )
    {
        if (during is null)
        {
            return await standings.ChangeAsync(
                StandingSource.Escalation,
                read.Escalation.Measure,
                read.Escalation.Period,
                ct => store.TryChangeAsync(read, changed, ct),
                cancellationToken
            );
        }

        var stored = await store.TryChangeAsync(read, changed, cancellationToken);
        if (stored is not null)
        {
            during.Escalated(stored);
        }

        return stored;
    }
}
