using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Cover;

/// <summary>
/// "Snooze until Monday": no reminders to this person (for one measure, or all) before the start
/// of <see cref="Until"/>. Never past a deadline: the card on the deadline day, and anything
/// overdue, still goes.
/// </summary>
/// <param name="Measure">The measure snoozed; null for all the person's reminders.</param>
public sealed record Snooze(PersonId Person, MeasureReference? Measure, DateOnly Until, DateTimeOffset CreatedAt)
{
    /// <summary>The longest a snooze may be asked for; a deadline usually cuts it shorter.</summary>
    public const int MaxDays = 31;

    /// <summary>
    /// True when a step for this measure, due by <paramref name="deadline"/>, is held back on <paramref name="today"/>.
    /// </summary>
    public bool Holds(PersonId recipient, MeasureReference measure, DateOnly deadline, DateOnly today) =>
        recipient == Person && (Measure is null || Measure == measure) && today < Until && today < deadline;
}
