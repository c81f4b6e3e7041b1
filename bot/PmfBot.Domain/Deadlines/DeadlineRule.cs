using System.Globalization;
using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Deadlines;

/// <summary>What to do when a deadline computed as a calendar day lands on a weekend or bank holiday.</summary>
public enum NonWorkingDayAdjustment
{
    /// <summary>Keep the date: "by the 10th" means the 10th, whatever day it is (the published rule).</summary>
    Keep,

    /// <summary>Move to the next working day.</summary>
    NextWorkingDay,

    /// <summary>Move to the working day before.</summary>
    PreviousWorkingDay,
}

/// <summary>How a period's update deadline is worked out. A closed set.</summary>
/// <remarks>The deadline is a UK date; an update is on time until the end of that day (midnight UK time).</remarks>
public abstract record DeadlineRule
{
    private DeadlineRule() { }

    public abstract DateOnly DeadlineFor(ReportingPeriod period, WorkingDayCalendar calendar);

    /// <summary>
    /// Catalogue text: "10th", "10th next-working-day", "end of month", "5th working day", "15 days".
    /// </summary>
    public abstract string ToText();

    /// <summary>A fixed day of the month after the period ends: "by the 10th of the month after".</summary>
    public sealed record DayOfFollowingMonth(int Day, NonWorkingDayAdjustment Adjustment = NonWorkingDayAdjustment.Keep)
        : DeadlineRule
    {
        public override DateOnly DeadlineFor(ReportingPeriod period, WorkingDayCalendar calendar)
        {
            var month = period.DayAfterEnd;
            var date = new DateOnly(
                month.Year,
                month.Month,
                Math.Min(Day, DateTime.DaysInMonth(month.Year, month.Month))
            );
            return Adjustment switch
            {
                NonWorkingDayAdjustment.NextWorkingDay => calendar.OnOrAfter(date),
                NonWorkingDayAdjustment.PreviousWorkingDay => calendar.OnOrBefore(date),
                _ => date,
            };
        }

        public override string ToText() =>
            Ordinal(Day)
            + Adjustment switch
            {
                NonWorkingDayAdjustment.NextWorkingDay => " next-working-day",
                NonWorkingDayAdjustment.PreviousWorkingDay => " previous-working-day",
                _ => string.Empty,
            };
    }

    /// <summary>The last day of the month after the period: the default for annual measures.</summary>
    public sealed record EndOfFollowingMonth : DeadlineRule
    {
        public override DateOnly DeadlineFor(ReportingPeriod period, WorkingDayCalendar calendar)
        {
            var next = period.DayAfterEnd;
            return new DateOnly(next.Year, next.Month, DateTime.DaysInMonth(next.Year, next.Month));
        }

        public override string ToText() => "end of month";
    }

    /// <summary>
    /// The Nth working day of the month after the period (weekends and English bank holidays skipped).
    /// </summary>
    public sealed record WorkingDayOfFollowingMonth(int N) : DeadlineRule
    {
        public override DateOnly DeadlineFor(ReportingPeriod period, WorkingDayCalendar calendar)
        {
            var next = period.DayAfterEnd;
            return calendar.NthWorkingDayOf(next.Year, next.Month, N);
        }

        public override string ToText() => $"{Ordinal(N)} working day";
    }

    /// <summary>A number of calendar days after the period's last day.</summary>
    public sealed record DaysAfterPeriod(int Days) : DeadlineRule
    {
        public override DateOnly DeadlineFor(ReportingPeriod period, WorkingDayCalendar calendar) =>
            period.End.AddDays(Days);

        public override string ToText() => $"{Days} days";
    }

    /// <summary>Reads the catalogue text written by <see cref="ToText"/>.</summary>
    public static bool TryParse(string? text, out DeadlineRule? rule)
    {
        rule = null;
        var words = (text ?? string.Empty).Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["end", "of", "month"])
        {
            rule = new EndOfFollowingMonth();
        }
        else if (words is [var n, "working", "day"] && TryOrdinal(n, out var nth) && nth is >= 1 and <= 20)
        {
            rule = new WorkingDayOfFollowingMonth(nth);
        }
        else if (
            words is [var d, "days"]
            && int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && days is >= 1 and <= 366
        )
        {
            rule = new DaysAfterPeriod(days);
        }
        else if (words is [var day, .. var rest] && TryOrdinal(day, out var dayOfMonth) && dayOfMonth is >= 1 and <= 31)
        {
            NonWorkingDayAdjustment? adjustment = rest switch
            {
                [] => NonWorkingDayAdjustment.Keep,
                ["next-working-day"] => NonWorkingDayAdjustment.NextWorkingDay,
                ["previous-working-day"] => NonWorkingDayAdjustment.PreviousWorkingDay,
                _ => null,
            };
            rule = adjustment is { } a ? new DayOfFollowingMonth(dayOfMonth, a) : null;
        }

        return rule is not null;
    }

    private static string Ordinal(int n) =>
        n
        + (
            (n % 100) is 11 or 12 or 13
                ? "th"
                : (n % 10) switch
                {
                    1 => "st",
                    2 => "nd",
                    3 => "rd",
                    _ => "th",
                }
        );

    private static bool TryOrdinal(string text, out int n)
    {
        var digits = text.TrimEnd('s', 't', 'n', 'd', 'r', 'h');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out n)
            && (digits == text || Ordinal(n) == text);
    }
}
