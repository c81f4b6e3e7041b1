using System.Globalization;
using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Deadlines;

/// <summary>What kind of nudge a step of the reminder schedule is.</summary>
public enum PromptKind
{
    /// <summary>The first "your update is due" card, when the period ends.</summary>
    Prompt,

    /// <summary>Before the deadline, or on the day.</summary>
    Reminder,

    /// <summary>After the deadline has passed.</summary>
    Overdue,

    /// <summary>Long overdue: the owner's Head of Service (who keeps the service's data up to date) is told.</summary>
    Chase,
}

/// <summary>One configured step: a kind and a day offset from its anchor.</summary>
/// <remarks>
/// Anchors: a <see cref="PromptKind.Prompt"/> counts days after the period ended (0 = the first
/// day after the period's last day); a <see cref="PromptKind.Reminder"/> counts days before the
/// deadline (0 = on the day); an <see cref="PromptKind.Overdue"/> step counts days after it.
/// </remarks>
public readonly record struct ReminderOffset(PromptKind Kind, int Days)
{
    /// <summary>
    /// Stable name, used to claim the step in storage so it is sent once: "prompt", "reminder-3", "due-today",
    /// "overdue-5".
    /// </summary>
    public string Key =>
        Kind switch
        {
            PromptKind.Prompt => Days == 0 ? "prompt" : $"prompt+{Days}",
            PromptKind.Reminder => Days == 0
                ? "due-today"
                : string.Create(CultureInfo.InvariantCulture, $"reminder-{Days}"),
            PromptKind.Chase => string.Create(CultureInfo.InvariantCulture, $"chase-{Days}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"overdue-{Days}"),
        };

    /// <summary>
    /// Whether a claimed step is one of the update cycle's (a prompt, reminder, chase or overdue notice).
    /// </summary>
    public static bool IsKey(string step) =>
        step.StartsWith("prompt", StringComparison.Ordinal)
        || step.StartsWith("due-today", StringComparison.Ordinal)
        || step.StartsWith("reminder-", StringComparison.Ordinal)
        || step.StartsWith("chase-", StringComparison.Ordinal)
        || step.StartsWith("overdue-", StringComparison.Ordinal);
}

/// <summary>A step placed in time for one measure's period.</summary>
/// <param name="ExtendedDeadline">For a step counted from a deadline an extension moved: that deadline.</param>
public sealed record ScheduledReminder(
    ReminderOffset Step,
    DateOnly Date,
    DateTimeOffset SendAt,
    DateOnly? ExtendedDeadline = null
)
{
    public PromptKind Kind => Step.Kind;

    /// <summary>
    /// What the step is claimed as: "reminder-3", or "reminder-3@2026-11-13" when counted from an extended deadline,
    /// so a reminder already sent for the old deadline does not stop the one for the new.
    /// </summary>
    public string Key =>
        ExtendedDeadline is { } deadline
            ? string.Create(CultureInfo.InvariantCulture, $"{Step.Key}@{deadline:yyyy-MM-dd}")
            : Step.Key;
}

/// <summary>When the prompt and its reminders go out.</summary>
/// <remarks>
/// <para>Default: the prompt on period end, a reminder 3 days before the deadline and on the day,
/// and chasers 1 and 5 days after, each at 09:00 UK time.</para>
/// <para>With <see cref="WorkingDaysOnly"/> (the default) a step landing on a weekend or bank
/// holiday moves to the next working day; where that makes two steps meet, the later step (the
/// one nearer the deadline) is sent and the earlier dropped. The prompt is always sent; reminders
/// that would fall on or before it are dropped.</para>
/// </remarks>
public sealed record ReminderSchedule(IReadOnlyList<ReminderOffset> Steps, TimeOnly SendAt, bool WorkingDaysOnly = true)
{
    public static ReminderSchedule Default { get; } =
        new(
            [
                new(PromptKind.Prompt, 0),
                new(PromptKind.Reminder, 3),
                new(PromptKind.Reminder, 0),
                new(PromptKind.Overdue, 1),
                new(PromptKind.Overdue, 5),
            ],
            new TimeOnly(9, 0)
        );

    /// <summary>
    /// Where one step falls for a period and its deadline: its anchor plus its days, moved to the
    /// next working day when <see cref="WorkingDaysOnly"/>, sent at <see cref="SendAt"/> UK time.
    /// Overdue and chase steps count from the deadline.
    /// </summary>
    public ScheduledReminder Place(
        ReminderOffset step,
        ReportingPeriod period,
        Deadline deadline,
        WorkingDayCalendar calendar
    )
    {
        var date = step.Kind switch
        {
            PromptKind.Prompt => period.DayAfterEnd.AddDays(step.Days),
            PromptKind.Reminder => deadline.Date.AddDays(-step.Days),
            _ => deadline.Date.AddDays(step.Days),
        };
        if (WorkingDaysOnly)
        {
            date = calendar.OnOrAfter(date);
        }

        var extended = step.Kind != PromptKind.Prompt && deadline.IsExtended ? deadline.Date : (DateOnly?)null;
        return new ScheduledReminder(step, date, UkTime.At(date, SendAt), extended);
    }

    /// <summary>Every step for a period and its deadline, in date order.</summary>
    public IReadOnlyList<ScheduledReminder> Plan(ReportingPeriod period, Deadline deadline, WorkingDayCalendar calendar)
    {
        var prompt = Steps
            .Where(s => s.Kind == PromptKind.Prompt)
            .Select(s => Place(s, period, deadline, calendar))
            .OrderBy(s => s.Date)
            .FirstOrDefault();
        var chasers = Steps
            .Where(s => s.Kind != PromptKind.Prompt)
            .Select(s => Place(s, period, deadline, calendar))
            .OrderBy(s => s.Date)
            .ThenBy(s => s.Kind)
            .ThenByDescending(s => s.Step.Days)
            .ToList();

        // Walk back from the last chaser: keep a step only if it is strictly before the one kept after it.
        var kept = new List<ScheduledReminder>();
        for (var i = chasers.Count - 1; i >= 0; i--)
        {
            if (kept.Count == 0 || chasers[i].Date < kept[^1].Date)
            {
                kept.Add(chasers[i]);
            }
        }

        if (prompt is not null)
        {
            kept.RemoveAll(s => s.Date <= prompt.Date);
            kept.Add(prompt);
        }

        kept.RemoveAll(deadline.WasAgreedAfter);

        return [.. kept.OrderBy(s => s.Date)];
    }

    /// <summary>
    /// The step to send as of now: the latest one whose time has come. Earlier steps that were
    /// never sent (the service was down) are superseded by it rather than all sent at once.
    /// </summary>
    public static ScheduledReminder? StepDueAt(IReadOnlyList<ScheduledReminder> plan, DateTimeOffset now) =>
        plan.LastOrDefault(s => s.SendAt <= now);
}
