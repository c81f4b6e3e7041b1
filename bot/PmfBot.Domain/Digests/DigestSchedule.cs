using System.Globalization;
using System.Text.RegularExpressions;
using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Digests;

/// <summary>When a channel's weekly digest is posted: a day of the week and a UK wall-clock time.</summary>
/// <remarks>
/// The time is Europe/London's, so 09:00 is 09:00 in both GMT and BST: the instant moves with the
/// clocks (08:00 UTC in summer, 09:00 UTC in winter). A time in the spring-forward gap or the
/// autumn overlap resolves as <see cref="UkTime.At"/> says.
/// </remarks>
public sealed partial record DigestSchedule(DayOfWeek Day, TimeOnly Time)
{
    /// <summary>Mondays at 09:00: the start of the working week.</summary>
    public static DigestSchedule Default { get; } = new(DayOfWeek.Monday, new TimeOnly(9, 0));

    /// <summary>"Mondays at 09:00".</summary>
    public override string ToString() => $"{Day}s at {Time.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>The same schedule as a Quartz cron expression in Europe/London ("0 0 9 ? * MON").</summary>
    public string CronExpression => $"0 {Time.Minute} {Time.Hour} ? * {Day.ToString()[..3].ToUpperInvariant()}";

    /// <summary>The latest time it fell due at or before <paramref name="instant"/>.</summary>
    public DateTimeOffset LatestAtOrBefore(DateTimeOffset instant)
    {
        var date = UkTime.DateAt(instant);
        for (var back = 0; back <= 8; back++)
        {
            var day = date.AddDays(-back);
            if (day.DayOfWeek == Day && UkTime.At(day, Time) is var at && at <= instant)
            {
                return at;
            }
        }

        throw new InvalidOperationException("A weekly schedule always falls due within eight days."); // unreachable
    }

    /// <summary>The next time it falls due after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var date = UkTime.DateAt(instant);
        for (var ahead = 0; ahead <= 8; ahead++)
        {
            var day = date.AddDays(ahead);
            if (day.DayOfWeek == Day && UkTime.At(day, Time) is var at && at > instant)
            {
                return at;
            }
        }

        throw new InvalidOperationException("A weekly schedule always falls due within eight days."); // unreachable
    }

    /// <summary>
    /// The ISO week a posting falls in ("2026-W48"): with the subscription, what is claimed so each week posts once.
    /// </summary>
    public static string WeekOf(DateTimeOffset posting)
    {
        var date = UkTime.DateAt(posting).ToDateTime(TimeOnly.MinValue);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}"
        );
    }

    /// <summary>
    /// Reads a schedule as people type it: "weekly", "Mondays 9:00", "on Friday at 4pm",
    /// "tue 08:30". A day alone means 09:00; a time alone means Mondays. Null when the text
    /// names no day or time (the caller uses the default), or a problem in words.
    /// </summary>
    public static bool TryParse(string text, out DigestSchedule? schedule, out string? problem)
    {
        schedule = null;
        problem = null;
        var day = DayPattern().Match(text);
        var time = TimePattern().Match(text);
        if (!day.Success && !time.Success)
        {
            return true;
        }

        var dayOfWeek = day.Success ? DayFrom(day.Groups["day"].Value) : Default.Day;
        var at = Default.Time;
        if (time.Success)
        {
            var hour = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = time.Groups["m"].Success ? int.Parse(time.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var half = time.Groups["ampm"].Value.ToLowerInvariant();
            if (half.Length > 0 && (hour is < 1 or > 12))
            {
                problem = $"\"{time.Value.Trim()}\" isn't a time I can read: try 9:00 or 4pm.";
                return false;
            }

            hour = half switch
            {
                "pm" when hour < 12 => hour + 12,
                "am" when hour == 12 => 0,
                _ => hour,
            };
            if (hour > 23 || minute > 59 || (!time.Groups["m"].Success && half.Length == 0 && !day.Success))
            {
                problem = $"\"{time.Value.Trim()}\" isn't a time I can read: try 9:00 or 4pm.";
                return false;
            }

            at = new TimeOnly(hour, minute);
        }

        schedule = new DigestSchedule(dayOfWeek, at);
        return true;
    }

    /// <summary>
    /// The schedule's words cut out of a phrase, leaving what it is about ("Place department Mondays 9:00" → "Place
    /// department").
    /// </summary>
    public static string WithoutScheduleWords(string text) =>
        Spaces()
            .Replace(TimePattern().Replace(DayPattern().Replace(WeeklyPattern().Replace(text, " "), " "), " "), " ")
            .Trim();

    private static DayOfWeek DayFrom(string word) =>
        word.ToLowerInvariant()[..3] switch
        {
            "mon" => DayOfWeek.Monday,
            "tue" => DayOfWeek.Tuesday,
            "wed" => DayOfWeek.Wednesday,
            "thu" => DayOfWeek.Thursday,
            "fri" => DayOfWeek.Friday,
            "sat" => DayOfWeek.Saturday,
            _ => DayOfWeek.Sunday,
        };

    [GeneratedRegex(
        @"\b(?:on\s+|every\s+)?(?<day>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?"
            + @"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex DayPattern();

    [GeneratedRegex(
        @"(?:\bat\s+)?\b(?<h>[0-9]{1,2})(?:[:.](?<m>[0-9]{2}))?\s*(?<ampm>am|pm)?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex TimePattern();

    [GeneratedRegex(
        @"\b(?:weekly|each\s+week|every\s+week)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex WeeklyPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
