using PmfBot.Domain.Calendar;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Domain.Catalogue;

/// <summary>
/// A performance measure (indicator): what is counted, how often, against what target, and who answers for it.
/// </summary>
/// <remarks>
/// <para>A measure is reported for a period when it is active on the period's last day:
/// <see cref="ActiveFrom"/> on or before it and <see cref="ActiveTo"/> (inclusive) not before it.</para>
/// <para><see cref="Owner"/> updates it (so may <see cref="Delegates"/>); off-track results go to
/// the <see cref="EscalationOwner"/>, the Chief Officer over the service.</para>
/// </remarks>
public sealed record Measure
{
    /// <summary>Most decimal places a value may carry (display and rounding).</summary>
    public const int MaxDecimals = 4;

    public required MeasureReference Reference { get; init; }
    public required string Title { get; init; }
    public required string ServiceCode { get; init; }
    public required MeasureUnit Unit { get; init; }
    public int Decimals { get; init; }
    public required Polarity Polarity { get; init; }
    public required Frequency Frequency { get; init; }
    public TargetSchedule Targets { get; init; } = TargetSchedule.None;

    /// <summary>Per period (the default), or the financial year to date.</summary>
    public Accumulation Accumulation { get; init; } = Accumulation.PerPeriod;
    public Margin Tolerance { get; init; } = Margin.DefaultTolerance;
    public required PersonId Owner { get; init; }
    public IReadOnlyList<PersonId> Delegates { get; init; } = [];

    /// <summary>
    /// Who covers for the owner today under a delegation (see <see cref="Cover.Delegation"/>): prompts go to them.
    /// Never stored.
    /// </summary>
    public PersonId? StandIn { get; init; }

    /// <summary>
    /// Who the update cycle's prompts and reminders go to: the stand-in while there is one, else the owner.
    /// </summary>
    public PersonId PromptsGoTo => StandIn ?? Owner;
    public required PersonId EscalationOwner { get; init; }
    public IReadOnlyList<string> PriorityCodes { get; init; } = [];
    public DateOnly? ActiveFrom { get; init; }
    public DateOnly? ActiveTo { get; init; }

    /// <summary>A deadline rule of this measure's own, overriding the council's default for its frequency.</summary>
    public DeadlineRule? DeadlineRule { get; init; }

    public PeriodKind PeriodKind => Frequency.PeriodKind();

    /// <summary>True when the measure is reported for the period (active on its last day).</summary>
    public bool IsReportedFor(ReportingPeriod period) =>
        period.Kind == PeriodKind
        && (ActiveFrom is null || ActiveFrom <= period.End)
        && (ActiveTo is null || ActiveTo >= period.End);

    /// <summary>True when the person may enter this measure's values: the owner or a delegate.</summary>
    public bool MayBeUpdatedBy(PersonId person) => person == Owner || Delegates.Contains(person);

    /// <summary>The latest period of this measure's frequency that has ended on or before a date.</summary>
    public ReportingPeriod LatestEndedPeriodAsOf(DateOnly date) =>
        ReportingPeriod.Containing(date, PeriodKind).Previous;

    public string Format(decimal value) => Unit.Format(value, Decimals);
}
