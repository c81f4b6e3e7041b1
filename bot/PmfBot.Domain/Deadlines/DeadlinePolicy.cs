using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Deadlines;

/// <summary>
/// The council's deadline rules per frequency, its working-day calendar, and how each measure's deadline comes out.
/// </summary>
/// <remarks>
/// Defaults (North Norfolk's published rules): monthly, quarterly and half-yearly measures by the
/// 10th of the month after the period; annual measures by the end of the month after the year.
/// A measure's own <see cref="Measure.DeadlineRule"/> overrides these; an approved extension
/// overrides both for its period.
/// </remarks>
public sealed record DeadlinePolicy(
    DeadlineRule Monthly,
    DeadlineRule Quarterly,
    DeadlineRule HalfYearly,
    DeadlineRule Annual,
    WorkingDayCalendar Calendar
)
{
    public static DeadlinePolicy Default { get; } =
        new(
            new DeadlineRule.DayOfFollowingMonth(10),
            new DeadlineRule.DayOfFollowingMonth(10),
            new DeadlineRule.DayOfFollowingMonth(10),
            new DeadlineRule.EndOfFollowingMonth(),
            WorkingDayCalendar.England
        );

    public DeadlineRule RuleFor(Measure measure) =>
        measure.DeadlineRule
        ?? measure.Frequency switch
        {
            Frequency.Monthly => Monthly,
            Frequency.Quarterly => Quarterly,
            Frequency.HalfYearly => HalfYearly,
            _ => Annual,
        };

    /// <summary>The deadline for a measure's period, taking any approved extension into account.</summary>
    /// <param name="extensions">Extension requests for this measure and period, in any state; only approved ones
    /// count.</param>
    public Deadline DeadlineFor(
        Measure measure,
        ReportingPeriod period,
        IEnumerable<DeadlineExtension>? extensions = null
    )
    {
        var original = RuleFor(measure).DeadlineFor(period, Calendar);
        var extension = extensions
            ?.Where(e =>
                e.Decision is ExtensionDecision.Approved && e.Period == period && e.Measure == measure.Reference
            )
            .MaxBy(e => e.NewDeadline);
        return extension is null || extension.NewDeadline <= original
            ? new Deadline(original, null)
            : new Deadline(extension.NewDeadline, original, extension.DecidedAt);
    }
}
