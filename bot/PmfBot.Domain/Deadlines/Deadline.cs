using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Deadlines;

/// <summary>The UK date an update is due by: on time until midnight UK time at the end of <see cref="Date"/>.</summary>
/// <param name="ExtendedFrom">The original deadline when an extension moved it, otherwise null.</param>
/// <param name="ExtendedAt">When that extension was agreed: reminders for the new deadline that would have gone
/// before it are not sent late (the owner has just been told the new date).</param>
public sealed record Deadline(DateOnly Date, DateOnly? ExtendedFrom, DateTimeOffset? ExtendedAt = null)
{
    /// <summary>The instant the update becomes late: midnight UK time after the deadline day (BST-aware).</summary>
    public DateTimeOffset LateFrom => UkTime.StartOf(Date.AddDays(1));

    public bool IsExtended => ExtendedFrom is not null;

    /// <summary>
    /// A step counted from this deadline that fell before the extension setting it was agreed: not sent, as the
    /// decision itself told the owner the new date.
    /// </summary>
    public bool WasAgreedAfter(ScheduledReminder step) =>
        ExtendedAt is { } agreed && step.Kind != PromptKind.Prompt && step.SendAt < agreed;

    public bool IsOverdueAt(DateTimeOffset now) => now >= LateFrom;

    /// <summary>Whole UK calendar days since the deadline day; zero or less while not late.</summary>
    public int DaysOverdueAt(DateTimeOffset now) => UkTime.DateAt(now).DayNumber - Date.DayNumber;
}
