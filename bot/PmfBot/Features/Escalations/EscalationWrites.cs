using PmfBot.Domain.Escalations;
using PmfBot.Standings;
using PmfBot.Storage.Escalations;

namespace PmfBot.Features.Escalations;

/// <summary>
/// Every change to an escalation, made so that its measure's standing follows (see
/// <see cref="StandingsKeeper.ChangeAsync{T}"/>): the store's own rules (raised once, changed only if unchanged since
/// read) are kept as they are.
/// </summary>
public sealed class EscalationWrites(EscalationStore store, StandingsKeeper standings)
{
    /// <inheritdoc cref="EscalationStore.RaiseAsync"/>
    public Task<(StoredEscalation Stored, bool Raised)> RaiseAsync(
        Escalation escalation,
        CancellationToken cancellationToken
    ) =>
        standings.ChangeAsync(
            StandingSource.Escalation,
            escalation.Measure,
            escalation.Period,
            ct => store.RaiseAsync(escalation, ct),
            cancellationToken
        );

    /// <inheritdoc cref="EscalationStore.TryChangeAsync"/>
    public Task<StoredEscalation?> TryChangeAsync(
        StoredEscalation read,
        Escalation changed,
        CancellationToken cancellationToken
    ) =>
        standings.ChangeAsync(
            StandingSource.Escalation,
            read.Escalation.Measure,
            read.Escalation.Period,
            ct => store.TryChangeAsync(read, changed, ct),
            cancellationToken
        );
}
