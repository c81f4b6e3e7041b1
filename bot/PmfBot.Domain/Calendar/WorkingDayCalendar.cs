namespace PmfBot.Domain.Calendar;

/// <summary>
/// Which days are working days: Monday to Friday, less English bank holidays and any extra days the council closes.
/// </summary>
/// <remarks>Immutable. <see cref="England"/> is the default; a council adds closure days (or a newly proclaimed bank
/// holiday) with <see cref="WithExtraNonWorkingDays"/>.</remarks>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _extraNonWorkingDays;

    private WorkingDayCalendar(IEnumerable<DateOnly> extraNonWorkingDays) =>
        _extraNonWorkingDays = [.. extraNonWorkingDays];

    public static WorkingDayCalendar England { get; } = new([]);

    public WorkingDayCalendar WithExtraNonWorkingDays(IEnumerable<DateOnly> days) =>
        new(_extraNonWorkingDays.Concat(days));

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_extraNonWorkingDays.Contains(date)
        && !EnglishBankHolidays.IsBankHoliday(date);

    /// <summary>The date itself if it is a working day, else the next one.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The date itself if it is a working day, else the one before.</summary>
    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>The nth working day of a calendar month (n from 1). Throws if the month has fewer.</summary>
    public DateOnly NthWorkingDayOf(int year, int month, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var date = new DateOnly(year, month, 1);
        var count = 0;
        while (date.Month == month)
        {
            if (IsWorkingDay(date) && ++count == n)
            {
                return date;
            }

            date = date.AddDays(1);
        }

        throw new ArgumentOutOfRangeException(nameof(n), n, $"{year}-{month:00} has only {count} working days.");
    }
}
