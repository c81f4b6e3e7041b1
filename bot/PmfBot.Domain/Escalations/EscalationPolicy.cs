using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Escalations;

/// <summary>When a measure goes to its escalation owner, and how an undecided escalation is followed up.</summary>
/// <param name="EscalateRed">A Red (significantly off track) result escalates.</param>
/// <param name="AmberWorseningPeriods">Consecutive periods Amber and worse than the one before (or, with no target,
/// worse) that escalate; 0 turns it off.</param>
/// <param name="OverdueDays">An update missing for more than this many days after its deadline escalates; null turns it
/// off.</param>
/// <param name="ChaseAfterDays">Days an escalation may wait for a decision before its escalation owner is
/// reminded.</param>
/// <param name="RaiseAfterDays">Days without a decision before it goes to the next level (the Heads of Paid Service /
/// Management Team).</param>
public sealed record EscalationPolicy(
    bool EscalateRed,
    int AmberWorseningPeriods,
    int? OverdueDays,
    int ChaseAfterDays,
    int RaiseAfterDays
)
{
    public static EscalationPolicy Default { get; } =
        new(EscalateRed: true, AmberWorseningPeriods: 2, OverdueDays: 14, ChaseAfterDays: 3, RaiseAfterDays: 7);

    /// <summary>
    /// Follow-ups (an overdue escalation, a reminder, the raise, a review) go out from this UK time on their day, like
    /// the update cycle's steps.
    /// </summary>
    public static TimeOnly FollowUpsFrom { get; } = new(9, 0);

    /// <summary>
    /// The instant a follow-up falls due: <paramref name="days"/> after a UK date, at <see cref="FollowUpsFrom"/>.
    /// </summary>
    public static DateTimeOffset FollowUpAt(DateOnly from, int days) =>
        Calendar.UkTime.At(from.AddDays(days), FollowUpsFrom);

    /// <summary>Checks the numbers make sense together. Returns the problem, or null.</summary>
    public string? Problem() =>
        AmberWorseningPeriods < 0 ? "AmberWorseningPeriods can't be negative."
        : OverdueDays < 0 ? "OverdueDays can't be negative."
        : ChaseAfterDays < 1 ? "ChaseAfterDays must be at least 1."
        : RaiseAfterDays <= ChaseAfterDays
            ? "RaiseAfterDays must be after ChaseAfterDays: the escalation owner is reminded before it goes up a level."
        : null;
}

/// <summary>The council's escalation policy, and any measure's own.</summary>
public sealed record EscalationPolicies(
    EscalationPolicy Council,
    IReadOnlyDictionary<MeasureReference, EscalationPolicy> PerMeasure
)
{
    public static EscalationPolicies Default { get; } =
        new(EscalationPolicy.Default, new Dictionary<MeasureReference, EscalationPolicy>());

    public EscalationPolicy For(Measure measure) => PerMeasure.GetValueOrDefault(measure.Reference) ?? Council;
}
