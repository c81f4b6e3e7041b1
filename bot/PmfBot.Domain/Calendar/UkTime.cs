namespace PmfBot.Domain.Calendar;

/// <summary>UK local time (Europe/London: GMT in winter, BST in summer) and instants.</summary>
/// <remarks>
/// Deadlines and send times are written in local dates and times; the scheduler works in
/// instants. Two local hours a year are awkward, resolved explicitly:
/// a time in the spring-forward gap (01:00–02:00 on the last Sunday of March) is moved forward
/// by the gap (01:30 → 02:30 BST); a time in the autumn overlap (01:00–02:00 on the last Sunday
/// of October) takes its first occurrence (BST).
/// </remarks>
public static class UkTime
{
    /// <summary>Europe/London from the system's time-zone database.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The UK calendar date at an instant.</summary>
    public static DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(LocalAt(instant));

    /// <summary>The UK wall-clock time at an instant.</summary>
    public static DateTime LocalAt(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The instant a UK wall-clock date and time happens (see remarks for the two odd hours).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Spring forward: the clock jumps an hour, so does the time.
            local = local.AddHours(1);
            return new DateTimeOffset(local, Zone.GetUtcOffset(local));
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The instant a UK day begins (midnight local).</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);
}
