using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.PlanActivities;
using PmfBot.Events;
using PmfBot.Storage.Escalations;

namespace PmfBot.Features.Escalations;

/// <summary>
/// Activities' escalations (PMF: an action significantly off track goes to the Chief Officer, like a measure): a
/// report of "off track" raises its quarter's, a later report back on track or completed closes it, and a milestone
/// missed raises its quarter's from the follow-up. They go to the Chief Officer of the activity's department, with the
/// same cards, decisions and follow-up as a measure's; "Stop the activity" stops it (<see cref="PlanActivityStops"/>).
/// </summary>
public sealed partial class PlanActivityEscalations(
    EscalationStore store,
    EscalationWrites writes,
    EscalationNotices notices,
    EscalationContexts contexts,
    Council.CouncilToday council,
    Telemetry.PmfMetrics metrics,
    TimeProvider time,
    ILogger<PlanActivityEscalations> logger
) : IProgressEventHandler
{
    public string Name => "activity escalations";

    /// <summary>
    /// Raises (or, run again from the outbox, finds) the escalation an off-track report calls for and delivers its
    /// cards; a report back on track closes what it ends. Idempotent: raising is once per activity and quarter, and
    /// each card is claimed before it is sent.
    /// </summary>
    public async Task HandleAsync(ProgressReported reported, CancellationToken cancellationToken)
    {
        var report = reported.Progress;
        var catalogue = await council.LoadAsync(cancellationToken);
        if (catalogue.FindPlanActivity(report.ActivityCode) is not { } activity)
        {
            return; // gone from the catalogue: nothing to escalate
        }

        if (PlanActivityEscalationRules.ForReport(report) is { } trigger)
        {
            await RaiseAsync(activity, report.Period, trigger, report.ActionNote, catalogue, cancellationToken);
            return;
        }

        foreach (var read in await store.GetForSubjectAsync(SubjectOf(activity), cancellationToken))
        {
            if (
                read.Escalation.State != EscalationState.Closed
                && PlanActivityEscalationRules.IsEndedBy(report, read.Escalation)
            )
            {
                await CloseAsync(read, report, catalogue, cancellationToken);
            }
        }
    }

    /// <summary>
    /// For the follow-up: raises an escalation for each quarter with a milestone missed that has none yet, and returns
    /// those it raised or found raised by another instance meanwhile (the follow-up delivers their cards with the
    /// rest).
    /// </summary>
    /// <param name="escalated">The keys of every activity escalation already stored, closed ones too.</param>
    public async Task<IReadOnlyList<StoredEscalation>> RaiseMissedMilestonesAsync(
        IEnumerable<PlanActivityStanding> standings,
        IReadOnlySet<string> escalated,
        CouncilCatalogue catalogue,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var raised = new List<StoredEscalation>();
        foreach (var standing in standings)
        {
            var quarters = PlanActivityEscalationRules
                .MissedMilestonesAt(standing, now)
                .Select(m => m.Quarter)
                .Distinct()
                .Where(q => !escalated.Contains(Escalation.KeyOf(SubjectOf(standing.PlanActivity), q)));
            foreach (var quarter in quarters)
            {
                if (
                    New(standing.PlanActivity, quarter, EscalationTrigger.MissedMilestone, null, catalogue) is not { } x
                )
                {
                    LogNoEscalationOwner(logger, standing.PlanActivity.Code, standing.PlanActivity.ServiceCode);
                    break;
                }

                var (stored, isNew) = await writes.RaiseAsync(x, null, cancellationToken);
                if (isNew)
                {
                    metrics.EscalationRaised(x.Trigger);
                }

                // Raised here or by another instance meanwhile: every instance sees the same work, and the cards'
                // claims decide who sends.
                if (stored.Escalation.State != EscalationState.Closed)
                {
                    raised.Add(stored);
                }
            }
        }

        return raised;
    }

    private async Task RaiseAsync(
        PlanActivity activity,
        Domain.Calendar.ReportingPeriod quarter,
        EscalationTrigger trigger,
        string? proposedAction,
        CouncilCatalogue catalogue,
        CancellationToken cancellationToken
    )
    {
        if (New(activity, quarter, trigger, proposedAction, catalogue) is not { } x)
        {
            LogNoEscalationOwner(logger, activity.Code, activity.ServiceCode);
            return;
        }

        var (stored, raised) = await writes.RaiseAsync(x, null, cancellationToken);
        if (raised)
        {
            metrics.EscalationRaised(trigger);
        }

        if (stored.Escalation.State != EscalationState.Closed)
        {
            var context = await contexts.ForPlanActivityAsync(
                stored.Escalation,
                activity,
                catalogue,
                cancellationToken
            );
            await notices.DeliverAsync(stored.Escalation, context, cancellationToken);
        }
    }

    private async Task CloseAsync(
        StoredEscalation read,
        PlanActivityProgress report,
        CouncilCatalogue catalogue,
        CancellationToken cancellationToken
    )
    {
        var status = Wording.PlanActivityWords.StatusWords(report.Status).ToLowerInvariant();
        var why = $"reported {status} for {report.Period}.";
        var closure = new EscalationClosure(time.GetUtcNow(), why);
        if (
            await writes.TryChangeAsync(read, read.Escalation.Close(closure), null, cancellationToken) is not { } closed
        )
        {
            // Someone decided it meanwhile: the outbox runs this again from a fresh read.
            throw new InvalidOperationException($"Escalation {read.Escalation.Key} changed while a report closed it.");
        }

        if (await contexts.ForAsync(closed.Escalation, catalogue, cancellationToken) is { } context)
        {
            await notices.ShowAsync(closed.Escalation, context, null, cancellationToken);
        }
    }

    /// <summary>A new escalation to the department's Chief Officer; null when the catalogue names none.</summary>
    private Escalation? New(
        PlanActivity activity,
        Domain.Calendar.ReportingPeriod quarter,
        EscalationTrigger trigger,
        string? proposedAction,
        CouncilCatalogue catalogue
    ) =>
        catalogue.EscalationOwnerOf(activity) is { } chief
            ? new Escalation
            {
                Subject = SubjectOf(activity),
                Period = quarter,
                Trigger = trigger,
                EscalationOwner = chief,
                Owner = activity.Owner,
                RaisedAt = time.GetUtcNow(),
                ProposedAction = proposedAction,
            }
            : null;

    private static EscalationSubject SubjectOf(PlanActivity activity) =>
        EscalationSubject.OfPlanActivity(activity.Code);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Activity {Activity} needs escalating, but its service {Service} has no department's Chief Officer"
    )]
    private static partial void LogNoEscalationOwner(ILogger logger, string activity, string service);
}
