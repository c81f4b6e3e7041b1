using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Measures;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Prompts;
using PmfBot.Wording;

namespace PmfBot.Features.Escalations;

/// <summary>
/// Raises escalations: when a recorded figure escalates under the policy (see
/// <see cref="EscalationsFollowFigures"/>), when an update is long overdue, or by hand. Raising is storage-first (one
/// per measure and period, however many try),
/// then the escalation owner's card goes out. A figure back within tolerance (a later period's,
/// a correction, or an overdue figure arriving) closes the measure's escalations up to it.
/// </summary>
public sealed class EscalationRaiser(
    EscalationWrites writes,
    EscalationNotices notices,
    EscalationContexts contexts,
    Bot.ProactiveMessenger messenger,
    Bot.BackgroundSends background,
    Telemetry.PmfMetrics metrics,
    TimeProvider time
)
{
    /// <summary>
    /// An update overdue beyond the policy's days escalates once. (A figure's own escalation
    /// follows its event, which the outbox retries until done.) Returns the escalations it raised
    /// or found raised by someone else meanwhile; the caller delivers their cards, so every
    /// instance sees the same work and the claims decide who sends.
    /// </summary>
    public async Task<IReadOnlyList<StoredEscalation>> RaiseOverdueAsync(
        MeasureState state,
        IReadOnlySet<string> alreadyRaised,
        Domain.Deadlines.UpdateCyclePolicy updates,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var policy = contexts.Policies.For(state.Measure);
        var raised = new List<StoredEscalation>();
        var overdue = state
            .OpenAt(now, updates)
            .Where(o => EscalationRules.OverdueEscalates(o.Deadline, now, policy))
            .Select(o => New(state.Measure, o.Period, EscalationTrigger.Overdue, null));
        foreach (var escalation in overdue)
        {
            if (
                !alreadyRaised.Contains(escalation.Key)
                && (await RaiseAsync(escalation, null, cancellationToken)).Stored
                    is { Escalation.State: not EscalationState.Closed } stored
            )
            {
                raised.Add(stored);
            }
        }

        return raised;
    }

    /// <summary>
    /// An owner escalates by hand. The period is the latest with a figure, or the latest ended when none is in yet.
    /// </summary>
    public async Task<(Escalation Escalation, bool Raised, string Sentence)> ByHandAsync(
        Measure measure,
        MeasureState state,
        Person by,
        string? reason,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var latest = state.History.OrderByDescending(r => r.Period).FirstOrDefault();
        var period = latest?.Period ?? measure.LatestEndedPeriodAsOf(UkTime.DateAt(time.GetUtcNow()));
        var escalation = New(measure, period, EscalationTrigger.ByHand, latest?.ActionNote) with
        {
            RaisedBy = by.Id,
            Reason = reason,
        };
        var (stored, raised) = await RaiseAsync(escalation, null, cancellationToken);
        if (!raised)
        {
            return (stored.Escalation, false, string.Empty);
        }

        var context = await contexts.ForAsync(stored.Escalation, measure, council, state, cancellationToken);
        return (stored.Escalation, true, await DeliverAsync(stored.Escalation, context, by.Id, cancellationToken));
    }

    /// <summary>Closes an escalation if nobody has changed it since it was read; its cards then say so.</summary>
    /// <param name="during">The figure event that closes it.</param>
    public async Task<bool> CloseAsync(
        StoredEscalation read,
        EscalationClosure closure,
        Measure measure,
        CouncilCatalogue council,
        MeasureState? state,
        Events.FigureEventContext during,
        CancellationToken cancellationToken
    )
    {
        if (
            await writes.TryChangeAsync(read, read.Escalation.Close(closure), during, cancellationToken)
            is not { } closed
        )
        {
            return false;
        }

        await notices.ShowAsync(
            closed.Escalation,
            await contexts.ForAsync(closed.Escalation, measure, council, state, cancellationToken),
            null,
            cancellationToken
        );
        return true;
    }

    /// <summary>
    /// The escalation owner's card goes out after the turn has answered: their chat may be queued
    /// under Teams' limits (a Chief Officer gets many at quarter end), and the owner shouldn't wait.
    /// </summary>
    /// <param name="toldTo">Who the returned sentence is for: whoever escalated by hand.</param>
    private async Task<string> DeliverAsync(
        Escalation escalation,
        EscalationContext context,
        PersonId toldTo,
        CancellationToken cancellationToken
    )
    {
        var sentence = await ToldOfRaisingAsync(
            escalation.Measure,
            escalation.EscalationOwner,
            toldTo,
            context.Council,
            cancellationToken
        );
        background.Start($"{escalation.Measure} {escalation.Period.Code} escalation cards", ct =>
            notices.DeliverAsync(escalation, context, ct)
        );
        return sentence;
    }

    /// <summary>
    /// "Escalated to Priya Shah …", for whoever's figure (or request) raised it: whether the
    /// escalation owner will see it now or once they open PmfBot, or that it is theirs to decide.
    /// </summary>
    public async Task<string> ToldOfRaisingAsync(
        MeasureReference measure,
        PersonId escalationOwner,
        PersonId toldTo,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        if (toldTo == escalationOwner)
        {
            return $"You are {measure}'s escalation owner as well: its escalation card follows, for your decision.";
        }

        var chief = council.NameOf(escalationOwner);
        var reachable =
            council.FindPerson(escalationOwner)?.AadObjectId is { Length: > 0 } aad
            && await messenger.CanReachPersonAsync(aad, cancellationToken);
        return reachable
            ? $"Escalated to {chief} (escalation owner) for a decision; you'll hear what they decide."
            : $"Escalated to {chief} (escalation owner), who can't get PmfBot cards yet: "
                + "they'll get it once they open PmfBot in Teams.";
    }

    /// <summary>Stores it if the measure's period has none yet: one escalation however many try.</summary>
    /// <param name="during">The figure event that raises it, if any.</param>
    public async Task<(StoredEscalation Stored, bool Raised)> RaiseAsync(
        Escalation escalation,
        Events.FigureEventContext? during,
        CancellationToken cancellationToken
    )
    {
        var (stored, raised) = await writes.RaiseAsync(escalation, during, cancellationToken);
        if (raised)
        {
            metrics.EscalationRaised(escalation.Trigger);
        }

        return (stored, raised);
    }

    /// <summary>
    /// Reopens a closed escalation a correction put off track again. Throws when someone changed it since it was read,
    /// so the figure's event is tried again from a fresh read.
    /// </summary>
    public async Task<StoredEscalation> ReopenAsync(
        StoredEscalation closed,
        EscalationTrigger trigger,
        string? proposedAction,
        Events.FigureEventContext during,
        CancellationToken cancellationToken
    )
    {
        var reopened = closed.Escalation.Reopen(trigger, time.GetUtcNow(), proposedAction);
        var stored = await writes.TryChangeAsync(closed, reopened, during, cancellationToken)
            ?? throw ChangedMeanwhile(closed);
        metrics.EscalationRaised(trigger);
        return stored;
    }

    /// <summary>Records a corrected figure's new trigger on an escalation not closed; throws as
    /// <see cref="ReopenAsync"/> does.</summary>
    public async Task<StoredEscalation> RejudgeAsync(
        StoredEscalation read,
        EscalationTrigger trigger,
        Events.FigureEventContext during,
        CancellationToken cancellationToken
    ) =>
        await writes.TryChangeAsync(read, read.Escalation.Rejudge(trigger, time.GetUtcNow()), during, cancellationToken)
        ?? throw ChangedMeanwhile(read);

    private static InvalidOperationException ChangedMeanwhile(StoredEscalation read) =>
        new($"Escalation {read.Escalation.Key} changed while a corrected figure was judged; the event is tried again.");

    public Escalation New(Measure measure, ReportingPeriod period, EscalationTrigger trigger, string? proposedAction) =>
        new()
        {
            Subject = measure.Reference,
            Period = period,
            Trigger = trigger,
            EscalationOwner = measure.EscalationOwner,
            Owner = measure.Owner,
            RaisedAt = time.GetUtcNow(),
            ProposedAction = proposedAction,
        };
}
