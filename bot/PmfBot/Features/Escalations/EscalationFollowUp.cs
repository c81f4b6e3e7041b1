using PmfBot.Council;
using PmfBot.Delivery;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.PlanActivities;
using PmfBot.Measures;
using PmfBot.Standings;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.PlanActivities;
using PmfBot.Storage.Prompts;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Escalations;

/// <summary>
/// The escalations' own scheduled job: raise long-overdue updates and missed milestones; deliver what
/// any escalation still owes someone (they may have installed PmfBot since); remind the escalation
/// owner of an undecided one, then raise it to the next level; ask for a review when a decision's
/// date comes; and stop an activity decided Stop that the catalogue doesn't have stopped yet. The
/// standings say which updates are overdue (a read per service); each measure found is confirmed
/// against its own figures before anything is raised. Activities' reports and escalations are a
/// query each.
/// </summary>
public sealed class EscalationFollowUp(
    CouncilToday catalogue,
    StandingsReader standings,
    ResultStore results,
    EscalationStore store,
    EscalationWrites writes,
    EscalationRaiser raiser,
    EscalationNotices notices,
    EscalationContexts contexts,
    PlanActivityEscalations activityEscalations,
    PlanActivityStops stops,
    PlanActivityProgressStore reports,
    TimeProvider time,
    CouncilRules rules
) : IDueWork
{
    public string What => "The escalation follow-up";

    public async Task<SendReport> RunAsync(CancellationToken cancellationToken)
    {
        var council = await catalogue.LoadAsync(cancellationToken);
        var notClosed = (await store.GetNotClosedAsync(cancellationToken)).ToList();
        var known = notClosed.Select(s => s.Escalation.Key).ToHashSet(StringComparer.Ordinal);
        var states = new Dictionary<Domain.Catalogue.MeasureReference, MeasureState>();
        foreach (var measure in await LongOverdueAsync(council, known, cancellationToken))
        {
            var state = states[measure.Reference] = await MeasureState.ReadAsync(results, measure, cancellationToken);
            notClosed.AddRange(await raiser.RaiseOverdueAsync(state, known, rules.Cycle, cancellationToken));
        }

        notClosed.AddRange(await PlanActivitiesAsync(council, cancellationToken));
        var now = time.GetUtcNow();
        var outcomes = new List<PromptState?>();
        foreach (var read in notClosed)
        {
            var x = read.Escalation;
            var measure = x.IsPlanActivity ? null : council.FindMeasure(x.Measure);
            if (measure is null && council.FindPlanActivity(x.PlanActivity) is null)
            {
                continue; // it has left the catalogue: its escalations stay on record, but nobody is chased
            }

            if (PlanActivityStops.IsOwed(x, council))
            {
                await stops.StopAsync(x, cancellationToken);
            }

            var policy = measure is null ? contexts.Policies.Council : contexts.Policies.For(measure);
            var raised =
                x.IsDueForRaiseAt(now, policy) && contexts.NextLevelFor(x).Count > 0
                    ? await writes.TryChangeAsync(read, x with { RaisedToNextLevelAt = now }, null, cancellationToken)
                    : null;
            x = raised?.Escalation ?? x;

            // Read after any raise: the next level are deciders from then on.
            var context = measure is null
                ? (await contexts.ForAsync(x, council, cancellationToken))!
                : await contexts.ForAsync(x, measure, council, states.GetValueOrDefault(x.Measure), cancellationToken);
            if (raised is not null)
            {
                await notices.ShowAsync(x, context, null, cancellationToken);
            }

            outcomes.AddRange((await notices.DeliverAsync(x, context, cancellationToken)).Select(o => o.State));
            if (x.IsDueForChaseAt(now, policy))
            {
                outcomes.Add(await notices.RemindAsync(x, context, cancellationToken));
            }

            if (x.IsDueForReviewAt(now))
            {
                outcomes.Add(await notices.ReviewAsync(x, context, cancellationToken));
            }
        }

        return SendReport.Of(outcomes);
    }

    /// <summary>
    /// Activities' escalations not yet closed, with any a missed milestone raises now (closed ones count as raised, so
    /// a quarter's milestone escalates once).
    /// </summary>
    private async Task<IEnumerable<StoredEscalation>> PlanActivitiesAsync(
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var escalated = await store.GetAllOfPlanActivitiesAsync(cancellationToken);
        var open = council.Activities.Where(a => !a.IsClosed && a.Milestones.Count > 0).ToList();
        var now = time.GetUtcNow();
        var histories = open.Count == 0 ? null : await reports.GetAllHistoriesAsync(cancellationToken);
        var standings = open.Select(a =>
            PlanActivityStanding.At(a, histories?.GetValueOrDefault(a.Code) ?? [], now, rules.Cycle)
        );
        var raised = await activityEscalations.RaiseMissedMilestonesAsync(
            standings,
            escalated.Select(s => s.Escalation.Key).ToHashSet(StringComparer.Ordinal),
            council,
            cancellationToken
        );
        return escalated.Where(s => s.Escalation.State != EscalationState.Closed).Concat(raised);
    }

    /// <summary>Measures whose standing has an update overdue beyond their policy's days, not yet escalated.</summary>
    private async Task<IEnumerable<Domain.Catalogue.Measure>> LongOverdueAsync(
        CouncilCatalogue council,
        HashSet<string> known,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var standing = await standings.ForAsync(council.Measures, cancellationToken);
        return council
            .Measures.Zip(standing)
            .Where(m =>
                m.Second.OpenAt(m.First, now, rules.Cycle)
                    .Any(o =>
                        EscalationRules.OverdueEscalates(o.Deadline, now, contexts.Policies.For(m.First))
                        && !known.Contains(Escalation.KeyOf(m.First.Reference, o.Period))
                    )
            )
            .Select(m => m.First)
            .ToList();
    }
}
