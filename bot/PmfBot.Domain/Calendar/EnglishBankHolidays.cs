namespace PmfBot.Domain.Calendar;

/// <summary>Bank holidays in England and Wales, by rule plus the one-off changes since 1995.</summary>
/// <remarks>
/// The rules: New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the
/// last Monday of August, Christmas Day and Boxing Day; a holiday on a weekend moves to the next
/// weekday that is not already a holiday. One-off days (jubilees, a coronation, a state funeral)
/// and moved days are listed below. Future one-offs are announced by royal proclamation: councils
/// add them through <see cref="WorkingDayCalendar"/>'s extra non-working days until this list is updated.
/// </remarks>
public static class EnglishBankHolidays
{
    private static readonly Dictionary<DateOnly, DateOnly> MovedDays = new()
    {
        [new DateOnly(1995, 5, 1)] = new DateOnly(1995, 5, 8), // VE Day 50th anniversary
        [new DateOnly(2002, 5, 27)] = new DateOnly(2002, 6, 4), // Golden Jubilee
        [new DateOnly(2012, 5, 28)] = new DateOnly(2012, 6, 4), // Diamond Jubilee
        [new DateOnly(2020, 5, 4)] = new DateOnly(2020, 5, 8), // VE Day 75th anniversary
        [new DateOnly(2022, 5, 30)] = new DateOnly(2022, 6, 2), // Platinum Jubilee
    };

    private static readonly DateOnly[] ExtraDays =
    [
        new(1999, 12, 31), // Millennium
        new(2002, 6, 3), // Golden Jubilee
        new(2011, 4, 29), // Royal wedding
        new(2012, 6, 5), // Diamond Jubilee
        new(2022, 6, 3), // Platinum Jubilee
        new(2022, 9, 19), // State funeral of Queen Elizabeth II
        new(2023, 5, 8), // Coronation of King Charles III
    ];

    /// <summary>Every bank holiday in a calendar year, in date order.</summary>
    public static IReadOnlyList<DateOnly> In(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<DateOnly>
        {
            NextFreeWeekday(new DateOnly(year, 1, 1), []),
            easter.AddDays(-2),
            easter.AddDays(1),
            NthWeekday(year, 5, DayOfWeek.Monday, 1),
            LastWeekday(year, 5, DayOfWeek.Monday),
            LastWeekday(year, 8, DayOfWeek.Monday),
        };

        var christmas = NextFreeWeekday(new DateOnly(year, 12, 25), []);
        var boxingDay = NextFreeWeekday(new DateOnly(year, 12, 26), [christmas]);
        days.Add(christmas);
        days.Add(boxingDay);

        for (var i = 0; i < days.Count; i++)
        {
            if (MovedDays.TryGetValue(days[i], out var moved))
            {
                days[i] = moved;
            }
        }

        days.AddRange(ExtraDays.Where(d => d.Year == year));
        days.Sort();
        return days;
    }

    public static bool IsBankHoliday(DateOnly date) => In(date.Year).Contains(date);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NextFreeWeekday(DateOnly date, IReadOnlyCollection<DateOnly> taken)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Contains(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }
}
