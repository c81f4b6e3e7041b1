using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Measures;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Prompts;

namespace PmfBot.Features.Escalations;

/// <summary>
/// The due scan's part in escalations: raise long-overdue updates; deliver what any escalation
/// still owes someone (they may have installed PmfBot since); remind the escalation owner of an
/// undecided one, then raise it to the next level; and ask for a review when a decision's date comes.
/// </summary>
public sealed class EscalationFollowUp(EscalationStore store, EscalationRaiser raiser, EscalationNotices notices, EscalationContexts contexts, TimeProvider time)
{
    /// <returns>The outcome of each card sent or tried (null: handled before).</returns>
    public async Task<IReadOnlyList<PromptState?>> RunAsync(
        IReadOnlyDictionary<MeasureReference, MeasureState> states, Domain.Catalogue.Catalogue council, Domain.Deadlines.UpdateCyclePolicy updates, CancellationToken cancellationToken)
    {
        var outcomes = new List<PromptState?>();
        var notClosed = (await store.GetNotClosedAsync(cancellationToken)).ToList();
        var known = notClosed.Select(s => s.Escalation.Key).ToHashSet(StringComparer.Ordinal);
        notClosed.AddRange(await raiser.RaiseMissedAsync([.. states.Values], known, updates, cancellationToken));

        var now = time.GetUtcNow();
        foreach (var read in notClosed)
        {
            var x = read.Escalation;
            if (council.FindMeasure(x.Measure) is not { } measure || !states.TryGetValue(x.Measure, out var state))
            {
                continue; // the measure has left the catalogue: its escalations stay on record, but nobody is chased
            }

            var policy = contexts.Policies.For(measure);
            var raised = x.IsDueForRaiseAt(now, policy) && contexts.NextLevelFor(x).Count > 0
                ? await store.TryChangeAsync(read, x with { RaisedToNextLevelAt = now }, cancellationToken)
                : null;
            x = raised?.Escalation ?? x;

            // Read after any raise: the next level are deciders from then on.
            var context = await contexts.ForAsync(x, measure, council, state, cancellationToken);
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

        return outcomes;
    }
}
