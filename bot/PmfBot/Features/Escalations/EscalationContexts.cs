using Microsoft.Extensions.Options;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Measures;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.PlanActivities;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Escalations;

/// <summary>
/// Who may decide an escalation, under which policy, and everything its cards need (read from storage).
/// </summary>
public sealed class EscalationContexts(
    ResultStore results,
    PlanActivityProgressStore reports,
    ConversationStore conversations,
    IOptions<EscalationOptions> options,
    CouncilRules rules,
    TimeProvider time
)
{
    public EscalationPolicies Policies => options.Value.ToPolicies();

    /// <summary>The escalation owner, their deputies, and the next level once it has gone there.</summary>
    public IReadOnlyList<PersonId> DecidersOf(Escalation x) =>
        [
            .. new[] { x.EscalationOwner }
                .Concat(options.Value.DeputiesOf(x.EscalationOwner))
                .Concat(x.RaisedToNextLevelAt is null ? [] : options.Value.NextLevelIds())
                .Distinct(),
        ];

    public bool MayDecide(Escalation x, PersonId person) => x.MayBeDecidedBy(person, DecidersOf(x));

    /// <summary>
    /// The measures whose escalations a person may find theirs: those they own or update, those they are escalation
    /// owner (or a deputy) of, and every measure for the next level, to whom any escalation may go.
    /// </summary>
    public IReadOnlyList<Measure> MeasuresEscalatingTo(PersonId person, CouncilCatalogue council)
    {
        var nextLevel = options.Value.NextLevelIds().Contains(person);
        return
        [
            .. council.Measures.Where(m =>
                nextLevel
                || m.MayBeUpdatedBy(person)
                || m.EscalationOwner == person
                || options.Value.DeputiesOf(m.EscalationOwner).Contains(person)
            ),
        ];
    }

    /// <summary>The next level to raise to: the configured people, less the escalation owner.</summary>
    public IReadOnlyList<PersonId> NextLevelFor(Escalation x) =>
        [.. options.Value.NextLevelIds().Where(p => p != x.EscalationOwner)];

    /// <summary>
    /// Everything a card about <paramref name="x"/> needs, whether a measure's or an activity's. Null when its measure
    /// or activity has left the catalogue: it stays on record, but nobody is sent anything about it.
    /// </summary>
    public async Task<EscalationContext?> ForAsync(
        Escalation x,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        if (x.PlanActivity is { } code)
        {
            return council.FindPlanActivity(code) is { } activity
                ? await ForPlanActivityAsync(x, activity, council, cancellationToken)
                : null;
        }

        return council.FindMeasure(x.Measure) is { } measure
            ? await ForAsync(x, measure, council, null, cancellationToken)
            : null;
    }

    /// <summary>
    /// Everything a card about a measure's escalation needs. Reads the measure's figures unless given them.
    /// </summary>
    public async Task<EscalationContext> ForAsync(
        Escalation x,
        Measure measure,
        CouncilCatalogue council,
        MeasureState? state,
        CancellationToken cancellationToken
    )
    {
        state ??= await MeasureState.ReadAsync(results, measure, cancellationToken);
        return new EscalationContext(
            state,
            null,
            council,
            state.DeadlineFor(x.Period, rules.Cycle),
            Policies.For(measure),
            DecidersOf(x),
            await RefreshIdsAsync(x, council, cancellationToken),
            time.GetUtcNow()
        );
    }

    /// <summary>Everything a card about an activity's escalation needs: its reports, read here.</summary>
    public async Task<EscalationContext> ForPlanActivityAsync(
        Escalation x,
        PlanActivity activity,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    ) =>
        new(
            null,
            new PlanActivityFacts(activity, await reports.GetHistoryAsync(activity.Code, cancellationToken)),
            council,
            null,
            Policies.Council,
            DecidersOf(x),
            await RefreshIdsAsync(x, council, cancellationToken),
            time.GetUtcNow()
        );

    private async Task<IReadOnlyList<string>> RefreshIdsAsync(
        Escalation x,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var ids = new List<string>();
        foreach (var decider in DecidersOf(x))
        {
            // Teams identifies a refresh's users by their Teams id ("29:…"), known once they have talked to the bot.
            if (
                council.FindPerson(decider)?.AadObjectId is { Length: > 0 } aad
                && await conversations.GetPersonalAsync(aad, cancellationToken) is { UserId: { } userId }
            )
            {
                ids.Add(userId);
            }
        }

        return ids;
    }
}
