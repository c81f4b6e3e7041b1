using Microsoft.Extensions.Options;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Measures;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Escalations;

/// <summary>
/// Who may decide an escalation, under which policy, and everything its cards need (read from storage).
/// </summary>
public sealed class EscalationContexts(
    ResultStore results,
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
    /// Everything a card about <paramref name="x"/> needs. Reads the measure's figures unless given them.
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
        var deciders = DecidersOf(x);
        var ids = new List<string>();
        foreach (var decider in deciders)
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

        return new EscalationContext(
            state,
            council,
            state.DeadlineFor(x.Period, rules.Cycle),
            Policies.For(measure),
            deciders,
            ids,
            time.GetUtcNow()
        );
    }
}
