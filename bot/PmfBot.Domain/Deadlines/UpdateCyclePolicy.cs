using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Deadlines;

/// <summary>Where a period stands for updates at an instant.</summary>
public enum UpdateWindowState
{
    /// <summary>The period has not ended: its figure cannot be known yet.</summary>
    NotYetEnded,

    /// <summary>Ended and not yet closed: the figure may be entered (late, after the deadline) or corrected.</summary>
    Open,

    /// <summary>
    /// Closed: the figure has gone into the quarterly reports; changes go through the performance team.
    /// </summary>
    Closed,
}

/// <summary>
/// The council's settings for the update cycle: when people are prompted and chased, and when a period closes.
/// </summary>
/// <param name="ChaseAfterDaysOverdue">When the Head of Service hears of an update still missing (PMF: Heads of Service
/// keep their staff's data up to date).</param>
/// <param name="ClosesDaysAfterDeadline">
/// How many days after its deadline a period stays open: late figures and corrections are taken
/// until then and the due scan chases until then. Afterwards the period is closed.
/// </param>
public sealed record UpdateCyclePolicy(
    ReminderSchedule Schedule,
    DeadlinePolicy Deadlines,
    int ChaseAfterDaysOverdue,
    int ClosesDaysAfterDeadline
)
{
    public static UpdateCyclePolicy Default { get; } =
        new(ReminderSchedule.Default, DeadlinePolicy.Default, ChaseAfterDaysOverdue: 7, ClosesDaysAfterDeadline: 60);

    /// <summary>The first instant a period's figure may be entered: midnight UK time after its last day.</summary>
    public static DateTimeOffset OpensAt(ReportingPeriod period) => UkTime.StartOf(period.DayAfterEnd);

    /// <summary>The instant a period closes: midnight UK time at the end of the last open day.</summary>
    public DateTimeOffset ClosesAt(Deadline deadline) =>
        UkTime.StartOf(deadline.Date.AddDays(ClosesDaysAfterDeadline + 1));

    /// <summary>
    /// The last day an extension may move a deadline to: the day the period would close without
    /// one. Later, and the figure would miss the reports the period's closing feeds.
    /// </summary>
    public DateOnly LatestExtensionFor(Deadline deadline) =>
        (deadline.ExtendedFrom ?? deadline.Date).AddDays(ClosesDaysAfterDeadline);

    public UpdateWindowState StateAt(ReportingPeriod period, Deadline deadline, DateTimeOffset now) =>
        now < OpensAt(period) ? UpdateWindowState.NotYetEnded
        : now >= ClosesAt(deadline) ? UpdateWindowState.Closed
        : UpdateWindowState.Open;
}
