using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Deadlines;

/// <summary>One thing the due scan must send: a step of a measure's period, to a person.</summary>
/// <param name="Recipient">The owner (or their stand-in under a delegation), or for a <see cref="PromptKind.Chase"/>
/// whoever <see cref="DuePlanner.ChaserOf"/> names.</param>
public sealed record DueAction(
    Measure Measure,
    ReportingPeriod Period,
    Deadline Deadline,
    ScheduledReminder Step,
    PersonId Recipient
)
{
    /// <summary>
    /// What the scan claims in storage before sending, so each step goes out once, ever: "NI 192|FY2026-Q2|reminder-3"
    /// (or "…|reminder-3@2026-07-24" for a deadline an extension moved).
    /// </summary>
    public string ClaimKey => $"{Measure.Reference.Key}|{Period.Code}|{Step.Key}";
}

/// <summary>
/// What is due as of an instant, for every measure: for each period that has ended, is reported
/// and is still unanswered and open (see <see cref="OpenUpdates"/>), the latest step of the
/// reminder schedule whose time has come (earlier, missed steps are superseded, not sent late),
/// and the chase to the Head of Service once it is <see cref="UpdateCyclePolicy.ChaseAfterDaysOverdue"/> days late.
/// </summary>
/// <remarks>Pure: the scan passes in what storage knows (answered periods, extensions) and the instant; the same inputs
/// always give the same actions.</remarks>
public static class DuePlanner
{
    /// <param name="lineManagers">Owners' line managers from the directory (owner → manager), for services with no Head
    /// of Service; see <see cref="ChaserOf"/>.</param>
    public static IEnumerable<DueAction> DueAt(
        IEnumerable<Measure> measures,
        IReadOnlyList<Service> services,
        Func<Measure, ReportingPeriod, bool> isAnswered,
        Func<Measure, ReportingPeriod, IEnumerable<DeadlineExtension>> extensions,
        DateTimeOffset now,
        UpdateCyclePolicy policy,
        IReadOnlyDictionary<PersonId, PersonId>? lineManagers = null
    )
    {
        foreach (var measure in measures)
        {
            foreach (var (_, period, deadline) in OpenUpdates.For(measure, isAnswered, extensions, now, policy))
            {
                var plan = policy.Schedule.Plan(period, deadline, policy.Deadlines.Calendar);
                if (ReminderSchedule.StepDueAt(plan, now) is { } step)
                {
                    yield return new DueAction(measure, period, deadline, step, measure.PromptsGoTo);
                }

                if (
                    policy.Schedule.Place(
                        new ReminderOffset(PromptKind.Chase, policy.ChaseAfterDaysOverdue),
                        period,
                        deadline,
                        policy.Deadlines.Calendar
                    )
                        is var chase
                    && chase.SendAt <= now
                    && !deadline.WasAgreedAfter(chase)
                    && ChaserOf(
                        measure,
                        services,
                        lineManagers is not null && lineManagers.TryGetValue(measure.Owner, out var manager)
                            ? manager
                            : null
                    )
                        is { } chaser
                )
                {
                    yield return new DueAction(measure, period, deadline, chase, chaser);
                }
            }
        }
    }

    /// <summary>
    /// Who is told of a long-overdue update: the Head of Service; where the service has none, the
    /// owner's line manager when the directory names one (<paramref name="ownersManager"/>); where
    /// the owner is their own Head of Service (or no one is found), the escalation owner. Nobody
    /// when that is the owner too, as the owner has had their own reminders.
    /// </summary>
    public static PersonId? ChaserOf(Measure measure, IReadOnlyList<Service> services, PersonId? ownersManager = null)
    {
        PersonId? chaser = HeadOfServiceOf(measure, services) switch
        {
            { } head when head != measure.Owner => head,
            null when ownersManager is { } manager && manager != measure.Owner => manager,
            _ => measure.EscalationOwner,
        };
        return chaser == measure.Owner ? null : chaser;
    }

    /// <summary>
    /// Whether a chase for this measure would look for the owner's line manager: its service names no Head of Service.
    /// </summary>
    public static bool NeedsLineManager(Measure measure, IReadOnlyList<Service> services) =>
        HeadOfServiceOf(measure, services) is null;

    private static PersonId? HeadOfServiceOf(Measure measure, IReadOnlyList<Service> services) =>
        services.FirstOrDefault(s => s.Code == measure.ServiceCode)?.HeadOfService;
}
