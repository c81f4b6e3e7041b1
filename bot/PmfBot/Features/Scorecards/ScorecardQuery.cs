using Microsoft.Extensions.Options;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Scorecards;
using PmfBot.Standings;

namespace PmfBot.Features.Scorecards;

/// <summary>
/// Reads what a scorecard needs: where its measures stand, their escalations not yet closed
/// included (one read per service), and its activities' reports (a read each).
/// </summary>
public sealed class ScorecardQuery(
    StandingsReader standings,
    PlanActivityReader activities,
    CouncilRules rules,
    TimeProvider time,
    IOptions<ScorecardOptions> options
)
{
    /// <param name="plans">The activities and milestones shown beside the measures (none for one measure).</param>
    public async Task<Scorecard> ForAsync(
        DigestScope scope,
        IReadOnlyList<Measure> measures,
        IReadOnlyList<PlanActivity> plans,
        CancellationToken cancellationToken
    )
    {
        var stand = await standings.ForAsync(measures, cancellationToken);
        var read = await activities.ReadAsync(plans, cancellationToken);
        var escalated = await activities.EscalationsAsync(plans, cancellationToken);
        return Scorecard.For(
            scope,
            measures.Zip(stand.Select(s => s.Recent)),
            stand.SelectMany(s => s.NotClosed),
            rules.Status
        ) with
        {
            Activities = PlanActivityScorecard.For(read, time.GetUtcNow(), rules.Cycle, escalated),
        };
    }

    /// <summary>
    /// The services a person's "my service" means: those whose measures they own, update or are
    /// escalation owner of, those they head, those they are configured members of, and every
    /// service of a department they are Chief Officer of.
    /// </summary>
    public IReadOnlyList<Service> ServicesOf(Person person, CouncilCatalogue council)
    {
        var codes = council
            .Measures.Where(m => m.MayBeUpdatedBy(person.Id) || m.EscalationOwner == person.Id)
            .Select(m => m.ServiceCode)
            .Concat(council.Services.Where(s => s.HeadOfService == person.Id).Select(s => s.Code))
            .Concat(options.Value.ServicesOf(person.Id))
            .Concat(
                council
                    .Departments.Where(d => d.ChiefOfficer == person.Id)
                    .SelectMany(d => council.Services.Where(s => s.DepartmentCode == d.Code))
                    .Select(s => s.Code)
            )
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. council.Services.Where(s => codes.Contains(s.Code))];
    }
}
