using PmfBot.Domain.Escalations;
using PmfBot.Events;
using PmfBot.Standings;
using PmfBot.Storage.Escalations;

namespace PmfBot.Features.Escalations;

/// <summary>
/// Every change to an escalation, made so that its measure's standing follows; the store's own rules (raised once,
/// changed only if unchanged since read) are kept as they are. A change made while handling a figure event is told to
/// the event (<see cref="FigureEventContext.Escalated"/>), whose standings handler takes it in with the figure, and
/// whose outbox entry stays until it has; any other goes through <see cref="StandingsKeeper.ChangeAsync{T}"/>. An
/// activity's escalation has no standing: it is written as it is.
/// </summary>
public sealed class EscalationWrites(EscalationStore store, StandingsKeeper standings)
{
    /// <inheritdoc cref="EscalationStore.RaiseAsync"/>
    /// <param name="during">The figure event being handled, if any.</param>
    public Task<(StoredEscalation Stored, bool Raised)> RaiseAsync(
        Escalation escalation,
        FigureEventContext? during,
        CancellationToken cancellationToken
    ) => WriteAsync(escalation, ct => store.RaiseAsync(escalation, ct), r => r.Stored, during, cancellationToken);

    /// <inheritdoc cref="EscalationStore.TryChangeAsync"/>
    /// <param name="during">The figure event being handled, if any.</param>
    public Task<StoredEscalation?> TryChangeAsync(
        StoredEscalation read,
        Escalation changed,
        FigureEventContext? during,
        CancellationToken cancellationToken
    ) => WriteAsync(read.Escalation, ct => store.TryChangeAsync(read, changed, ct), s => s, during, cancellationToken);

    /// <param name="stored">What the write stored, if it stored anything.</param>
    private async Task<T> WriteAsync<T>(
        Escalation about,
        Func<CancellationToken, Task<T>> write,
        Func<T, StoredEscalation?> stored,
        FigureEventContext? during,
        CancellationToken cancellationToken
    )
    {
        if (about.IsPlanActivity)
        {
            // Standings are measures'; digests and scorecards read activities' escalations from the store.
            return await write(cancellationToken);
        }

        if (during is null)
        {
            return await standings.ChangeAsync(
                StandingSource.Escalation,
                about.Measure,
                about.Period,
                write,
                cancellationToken
            );
        }

        var written = await write(cancellationToken);
        if (stored(written) is { } escalation)
        {
            during.Escalated(escalation);
        }

        return written;
    }
}
