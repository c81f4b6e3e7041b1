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
/// Raises escalations: when a recorded figure escalates under the policy, when an update is long
/// overdue, or by hand. Raising is storage-first (one per measure and period, however many try),
/// then the escalation owner's card goes out. A figure back within tolerance (a later period's,
/// a correction, or an overdue figure arriving) closes the measure's escalations up to it.
/// </summary>
public sealed partial class EscalationRaiser(
    EscalationStore store,
    EscalationNotices notices,
    EscalationContexts contexts,
    Bot.ProactiveMessenger messenger,
    Bot.BackgroundSends background,
    Telemetry.PmfMetrics metrics,
    TimeProvider time,
    ILogger<EscalationRaiser> logger)
{
    /// <summary>How far back the scan looks for figures whose escalation was missed: far longer than any outage it covers, short enough not to raise old history.</summary>
    public static readonly TimeSpan MissedWithin = TimeSpan.FromDays(1);

    /// <summary>
    /// <see cref="OnRecordedAsync"/> for a turn that has already stored the figure: the figure is
    /// safe whatever happens here, so a storage or Teams failure is logged and the person told the
    /// scan will catch up (it raises figures recorded in the last day whose escalation was missed).
    /// </summary>
    public async Task<string?> AfterRecordingAsync(MeasureResult result, MeasureState state, Domain.Catalogue.Catalogue council, CancellationToken cancellationToken)
    {
        try
        {
            return await OnRecordedAsync(result, state, council, cancellationToken);
        }
        catch (Exception e) when (Storage.StorageFault.Is(e))
        {
            LogEscalationFailed(logger, e, result.Measure.Value, result.Period.Code);
            return "If it needs escalating, that will happen within a few minutes.";
        }
    }

    /// <summary>After a figure is recorded (or corrected): raise or close as the rules say.</summary>
    /// <param name="state">The measure's state including the figure.</param>
    /// <returns>A sentence for whoever entered it ("Escalated to Priya Shah …"), or null when nothing changed.</returns>
    public async Task<string?> OnRecordedAsync(MeasureResult result, MeasureState state, Domain.Catalogue.Catalogue council, CancellationToken cancellationToken)
    {
        var measure = state.Measure;
        var existing = await store.GetForMeasureAsync(measure.Reference, cancellationToken);
        var sentences = new List<string>();

        if (EscalationRules.IsBackWithinTolerance(result))
        {
            var why = $"back within tolerance: {result.Period} was {measure.Format(result.Value)} ({result.Rag?.ToString() ?? MeasureWords.NoTargetStatus(result.VsPrevious)})";
            foreach (var earlier in existing.Where(s => s.Escalation.State != EscalationState.Closed && s.Escalation.Period <= result.Period))
            {
                if (await CloseAsync(earlier, new EscalationClosure(time.GetUtcNow(), $"{measure.Reference} is {why}."), measure, council, state, cancellationToken))
                {
                    sentences.Add($"{measure.Reference}'s {earlier.Escalation.Period} escalation is closed: it is {why}.");
                }
            }
        }

        var policy = contexts.Policies.For(measure);
        if (EscalationRules.ForResult(result, state.History, policy) is { } trigger)
        {
            var escalation = New(measure, result.Period, trigger, result.ActionNote);
            var (stored, raised) = await RaiseAsync(escalation, cancellationToken);
            var context = await contexts.ForAsync(stored.Escalation, measure, council, state, cancellationToken);
            if (raised)
            {
                sentences.Add(await DeliverAsync(stored.Escalation, context, result.RecordedBy, cancellationToken));
            }
            else
            {
                // Raised before (overdue, or by hand): its cards now show the figure.
                await notices.ShowAsync(stored.Escalation, context, null, cancellationToken);
            }
        }

        return sentences.Count == 0 ? null : string.Join(' ', sentences);
    }

    /// <summary>
    /// The scan: an update overdue beyond the policy's days escalates once, and so does a figure
    /// recorded in the last day whose escalation was missed when it was recorded (storage failed
    /// then). Returns the escalations it raised or found raised by someone else meanwhile; the
    /// caller delivers their cards, so every instance sees the same work and the claims decide who sends.
    /// </summary>
    public async Task<IReadOnlyList<StoredEscalation>> RaiseMissedAsync(
        IReadOnlyCollection<MeasureState> states, IReadOnlySet<string> alreadyRaised, Domain.Deadlines.UpdateCyclePolicy updates, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var raised = new List<StoredEscalation>();
        foreach (var state in states)
        {
            var policy = contexts.Policies.For(state.Measure);
            var overdue = state.OpenAt(now, updates).Where(o => EscalationRules.OverdueEscalates(o.Deadline, now, policy))
                .Select(o => New(state.Measure, o.Period, EscalationTrigger.Overdue, null));
            var missed = state.History.Where(r => r.RecordedAt >= now - MissedWithin)
                .Select(r => (Result: r, Trigger: EscalationRules.ForResult(r, state.History, policy)))
                .Where(r => r.Trigger is not null)
                .Select(r => New(state.Measure, r.Result.Period, r.Trigger!.Value, r.Result.ActionNote));
            foreach (var escalation in overdue.Concat(missed))
            {
                if (!alreadyRaised.Contains(escalation.Key) && (await RaiseAsync(escalation, cancellationToken)).Stored is { Escalation.State: not EscalationState.Closed } stored)
                {
                    raised.Add(stored);
                }
            }
        }

        return raised;
    }

    /// <summary>An owner escalates by hand. The period is the latest with a figure, or the latest ended when none is in yet.</summary>
    public async Task<(Escalation Escalation, bool Raised, string Sentence)> ByHandAsync(
        Measure measure, MeasureState state, Person by, string? reason, Domain.Catalogue.Catalogue council, CancellationToken cancellationToken)
    {
        var latest = state.History.OrderByDescending(r => r.Period).FirstOrDefault();
        var period = latest?.Period ?? measure.LatestEndedPeriodAsOf(UkTime.DateAt(time.GetUtcNow()));
        var escalation = New(measure, period, EscalationTrigger.ByHand, latest?.ActionNote) with { RaisedBy = by.Id, Reason = reason };
        var (stored, raised) = await RaiseAsync(escalation, cancellationToken);
        if (!raised)
        {
            return (stored.Escalation, false, string.Empty);
        }

        var context = await contexts.ForAsync(stored.Escalation, measure, council, state, cancellationToken);
        return (stored.Escalation, true, await DeliverAsync(stored.Escalation, context, by.Id, cancellationToken));
    }

    /// <summary>Closes an escalation if nobody has changed it since it was read; its cards then say so.</summary>
    public async Task<bool> CloseAsync(StoredEscalation read, EscalationClosure closure, Measure measure, Domain.Catalogue.Catalogue council, MeasureState? state, CancellationToken cancellationToken)
    {
        if (await store.TryChangeAsync(read, read.Escalation.Close(closure), cancellationToken) is not { } closed)
        {
            return false;
        }

        await notices.ShowAsync(closed.Escalation, await contexts.ForAsync(closed.Escalation, measure, council, state, cancellationToken), null, cancellationToken);
        return true;
    }

    /// <summary>
    /// The escalation owner's card goes out after the turn has answered: their chat may be queued
    /// under Teams' limits (a Chief Officer gets many at quarter end), and the owner shouldn't wait.
    /// </summary>
    /// <param name="toldTo">Who the returned sentence is for: whoever entered the figure or escalated by hand.</param>
    private async Task<string> DeliverAsync(
        Escalation escalation, EscalationContext context, PersonId toldTo, CancellationToken cancellationToken)
    {
        var sentence = toldTo == escalation.EscalationOwner
            ? $"You are {escalation.Measure}'s escalation owner as well: its escalation card follows, "
                + "for your decision."
            : await EscalatedToSomeoneElseAsync(escalation, context, cancellationToken);
        background.Start($"{escalation.Measure} {escalation.Period.Code} escalation cards",
            ct => notices.DeliverAsync(escalation, context, ct));
        return sentence;
    }

    /// <summary>"Escalated to Priya Shah …": whether they will see it now, or once they open PmfBot.</summary>
    private async Task<string> EscalatedToSomeoneElseAsync(
        Escalation escalation, EscalationContext context, CancellationToken cancellationToken)
    {
        var chief = context.Council.NameOf(escalation.EscalationOwner);
        var reachable = context.Council.FindPerson(escalation.EscalationOwner)?.AadObjectId is { Length: > 0 } aad
            && await messenger.CanReachPersonAsync(aad, cancellationToken);
        return reachable
            ? $"Escalated to {chief} (escalation owner) for a decision; you'll hear what they decide."
            : $"Escalated to {chief} (escalation owner), who can't get PmfBot cards yet: "
                + "they'll get it once they open PmfBot in Teams.";
    }

    /// <summary>Stores it if the measure's period has none yet: one escalation however many try.</summary>
    private async Task<(StoredEscalation Stored, bool Raised)> RaiseAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        var (stored, raised) = await store.RaiseAsync(escalation, cancellationToken);
        if (raised)
        {
            metrics.EscalationRaised(escalation.Trigger);
        }

        return (stored, raised);
    }

    private Escalation New(Measure measure, ReportingPeriod period, EscalationTrigger trigger, string? proposedAction) => new()
    {
        Measure = measure.Reference,
        Period = period,
        Trigger = trigger,
        EscalationOwner = measure.EscalationOwner,
        Owner = measure.Owner,
        RaisedAt = time.GetUtcNow(),
        ProposedAction = proposedAction,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Measure} {Period}: recorded, but raising or closing its escalation failed; the due scan will raise it")]
    private static partial void LogEscalationFailed(ILogger logger, Exception exception, string measure, string period);
}
