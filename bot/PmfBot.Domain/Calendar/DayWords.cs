using System.Globalization;
using System.Text.RegularExpressions;

namespace PmfBot.Domain.Calendar;

/// <summary>
/// A day as people type it in the chat: "Friday", "next Monday", "tomorrow", "20 Nov",
/// "20 November 2026", "20/11", "20/11/2026", "2026-11-20". Always read forwards from today:
/// "Friday" on a Friday is next week's, and "20 Nov" already passed this year is next year's.
/// </summary>
public static partial class DayWords
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] WithYear =
    [
        "d MMM yyyy",
        "d MMMM yyyy",
        "d/M/yyyy",
        "d/M/yy",
        "dddd d MMMM yyyy",
        "dddd d MMM yyyy",
        "ddd d MMM yyyy",
        "ddd d MMMM yyyy",
    ];

    // Forms typed without a year ("20 Nov"), read with a candidate year appended.
    private static readonly string[] WithoutYear =
    [
        .. new[]
        {
            "d MMM",
            "d MMMM",
            "d/M",
            "dddd d MMMM",
            "dddd d MMM",
            "ddd d MMM",
            "ddd d MMMM",
            "MMMM d",
            "MMM d",
        }.Select(f => $"{f} yyyy"),
    ];

    public static bool TryRead(string? words, DateOnly today, out DateOnly date)
    {
        date = default;
        var text = (words ?? string.Empty).Trim().TrimEnd('.', ',', '!', '?').Trim().ToLowerInvariant();
        text = text == "next week" ? text : Leading().Replace(text, string.Empty);
        if (text.Length == 0)
        {
            return false;
        }

        switch (text)
        {
            case "today":
                date = today;
                return true;
            case "tomorrow":
                date = today.AddDays(1);
                return true;
            case "next week":
                date = Next(today, DayOfWeek.Monday);
                return true;
        }

        var weekday = Weekday().Match(text);
        if (weekday.Success)
        {
            var day = Enum.GetValues<DayOfWeek>()
                .First(d => d.ToString().StartsWith(weekday.Groups["day"].Value, StringComparison.OrdinalIgnoreCase));
            date = Next(today, day);
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        var cleaned = Ordinal().Replace(text, "$1");
        if (DateOnly.TryParseExact(cleaned, WithYear, UkCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return true;
        }

        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            if (
                DateOnly.TryParseExact(
                    $"{cleaned} {year}",
                    WithoutYear,
                    UkCulture,
                    DateTimeStyles.AllowWhiteSpaces,
                    out date
                )
                && date >= today
            )
            {
                return true;
            }
        }

        date = default;
        return false;
    }

    /// <summary>The first such weekday after today (never today itself).</summary>
    private static DateOnly Next(DateOnly today, DayOfWeek day)
    {
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    [GeneratedRegex(@"^((on|the|by|next|this|until|till|til)\s+)+")]
    private static partial Regex Leading();

    [GeneratedRegex(@"^(?<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*$")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"([0-9]+)(st|nd|rd|th)\b")]
    private static partial Regex Ordinal();
}
