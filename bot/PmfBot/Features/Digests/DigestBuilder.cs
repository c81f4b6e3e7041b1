using Microsoft.Extensions.Options;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Standings;

namespace PmfBot.Features.Digests;

/// <summary>Reads what a scope's digest needs and composes it (Domain's <see cref="Digest.Compose"/>).</summary>
/// <remarks>
/// Storage: where the scope's measures stand, their escalations included (one read per service, in
/// parallel). A standing's figures carry when each was recorded, so the week's changes are judged
/// on what was known at each end of it. The scope's activities: a read each (see <see cref="PlanActivityReader"/>).
/// </remarks>
public sealed class DigestBuilder(StandingsReader standings, PlanActivityReader activities, CouncilRules rules)
{
    public async Task<Digest> ComposeAsync(
        DigestScope scope,
        CouncilCatalogue council,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        var measures = scope.MeasuresIn(council);
        var read = await standings.ForAsync(measures, cancellationToken);
        var policy = rules.Cycle;
        var facts = measures.Zip(read, (m, s) => new MeasureFacts(m, s.Recent, [.. s.OpenAt(m, to, policy)])).ToList();
        var inScope = scope.PlanActivitiesIn(council);
        var plans = await activities.ReadAsync(inScope, cancellationToken);
        var escalated = await activities.EscalationsAsync(inScope, cancellationToken);
        return Digest.Compose(facts, read.SelectMany(s => s.Escalations), from, to) with
        {
            Activities = Domain.PlanActivities.PlanActivityWeek.Compose(plans, from, to, policy, escalated),
        };
    }
}
