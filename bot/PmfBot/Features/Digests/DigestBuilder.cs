using Microsoft.Extensions.Options;
using PmfBot.Domain.Digests;
using PmfBot.Features.Updates;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Digests;

/// <summary>Reads what a scope's digest needs and composes it (Domain's <see cref="Digest.Compose"/>).</summary>
/// <remarks>Storage: one partition read per measure in the scope (figures and extensions), bounded in parallel, and one escalation query.</remarks>
public sealed class DigestBuilder(ResultStore results, EscalationStore escalations, IOptions<UpdateCycleOptions> updates)
{
    public async Task<Digest> ComposeAsync(DigestScope scope, Domain.Catalogue.Catalogue council, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var measures = scope.MeasuresIn(council);
        var states = MeasureState.ReadAsync(results, measures, cancellationToken);
        var moved = escalations.GetOpenOrChangedSinceAsync(from, cancellationToken);
        var policy = updates.Value.ToPolicy();
        var read = await states;
        var facts = measures.Select(m => new MeasureFacts(m, read[m.Reference].History, [.. read[m.Reference].OpenAt(to, policy)])).ToList();
        return Digest.Compose(facts, await moved, from, to);
    }
}
