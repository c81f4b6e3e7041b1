using System.Globalization;
using System.Text.RegularExpressions;
using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Questions;

/// <summary>
/// Finds the time in a question: "this quarter", "last qtr", "Q2", "quarter 2 2025/26", "July to September", "since
/// April", "in October", "2025/26", "year to date", "the last 3 months". A quarter, month or span named without a year
/// is the latest one that has begun by <c>today</c>.
/// </summary>
public static partial class AskedTimes
{
    private const string MonthWords =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
        + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] Numbers = ["one", "two", "three", "four", "five", "six"];

    /// <summary>
    /// The time <paramref name="text"/> names, if any, and the text without it (and without the word that led to it:
    /// "in", "for", "during", "over"). <paramref name="text"/> is lower case, single-spaced.
    /// </summary>
    public static AskedTime? Find(string text, DateOnly today, out string rest)
    {
        rest = text;
        foreach (var (pattern, read) in Readers)
        {
            var match = pattern.Match(text);
            if (match.Success && read(match, today) is { } time)
            {
                rest = Tidy(text[..match.Index] + " " + text[(match.Index + match.Length)..]);
                return time;
            }
        }

        return null;
    }

    private static readonly (Regex Pattern, Func<Match, DateOnly, AskedTime?> Read)[] Readers =
    [
        (Lead(@"(?:(?:so far )?this (?:financial )?year(?: so far)?|(?:the )?year to date|ytd)"), ThisYear),
        (Lead(@"(?:last|previous|the last|the previous) (?:financial )?year"), LastYear),
        (Lead(@"(?:this|the current|current) (?:quarter|qtr|q)"), (_, t) => SoFar(Quarter(t), t, "this quarter")),
        (Lead(@"(?:last|previous|the last|the previous|past) (?:quarter|qtr)"), LastQuarter),
        (Lead(@"(?:this|the current|current) month"), (_, t) => SoFar(Month(t), t, "this month")),
        (Lead(@"(?:last|previous|the last|the previous) month"), (_, t) => Whole(Month(t).Previous, "last month")),
        (Lead(@"(?:the )?(?:last|past) (?<n>[1-9]|1[0-2]|one|two|three|four|five|six) months"), LastMonths),
        (
            Lead($@"since (?:(?<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)? (?:of )?)?(?<m>{MonthWords})(?: (?<y>\d{{4}}))?"),
            Since
        ),
        (Lead($@"between (?<a>{MonthWords})(?: (?<ya>\d{{4}}))? and (?<b>{MonthWords})(?: (?<yb>\d{{4}}))?"), Between),
        (
            Lead(
                $@"(?<a>{MonthWords})(?: (?<ya>\d{{4}}))? ?(?:-|–|to|until|till|through) ?(?<b>{MonthWords})"
                    + @"(?: (?<yb>\d{4}))?"
            ),
            Between
        ),
        (Lead(@"(?:q ?|qtr ?|quarter )(?<n>[1-4])(?: (?:of )?(?<fy>(?:fy ?)?\d{2,4}[/-]\d{2,4}))?"), QuarterNamed),
        (
            Lead(
                @"(?<ord>first|second|third|fourth|1st|2nd|3rd|4th) (?:quarter|qtr)"
                    + @"(?: (?:of )?(?<fy>(?:fy ?)?\d{2,4}[/-]\d{2,4}))?"
            ),
            QuarterNamed
        ),
        (Lead(@"(?:fy ?)?(?<fy>\d{2,4}[/-]\d{2,4})"), FinancialYearNamed),
        // A month alone needs a lead word or a year: "may" and "march" are everyday words too.
        (
            new Regex(
                $@"\b(?:(?:in|for|during|of) (?<m>{MonthWords})(?: (?<y>\d{{4}}))?|(?<m>{MonthWords}) (?<y>\d{{4}}))\b",
                RegexOptions.CultureInvariant
            ),
            MonthNamed
        ),
    ];

    private static Regex Lead(string pattern) =>
        new($@"\b(?:(?:in|for|during|over|from) )?{pattern}\b", RegexOptions.CultureInvariant);

    private static AskedTime ThisYear(Match _, DateOnly today)
    {
        var year = FinancialYear.Containing(today);
        return new(year.Start, today, $"this year ({year} so far)");
    }

    private static AskedTime LastYear(Match _, DateOnly today)
    {
        var year = FinancialYear.Containing(today).Previous;
        return new(year.Start, year.End, $"last year ({year})");
    }

    private static AskedTime LastQuarter(Match _, DateOnly today) => Whole(Quarter(today).Previous, "last quarter");

    private static AskedTime? LastMonths(Match match, DateOnly today)
    {
        var n = match.Groups["n"].Value;
        var count = int.TryParse(n, CultureInfo.InvariantCulture, out var number)
            ? number
            : Array.IndexOf(Numbers, n) + 1;
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-count);
        return new(from, today, $"the last {count} months ({AskedTime.Span(from, today)})");
    }

    private static AskedTime? Since(Match match, DateOnly today)
    {
        var month = MonthOf(match.Groups["m"].Value);
        var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
        var year = match.Groups["y"].Success
            ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture)
            : today.Year;
        if (day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var from = new DateOnly(year, month, day);
        if (!match.Groups["y"].Success && from > today)
        {
            from = from.AddYears(-1);
        }

        return from > today ? null : new(from, today, $"since {from.ToString("d MMMM yyyy", English)}");
    }

    private static AskedTime? Between(Match match, DateOnly today)
    {
        var (a, b) = (MonthOf(match.Groups["a"].Value), MonthOf(match.Groups["b"].Value));
        int? yearA = match.Groups["ya"].Success
            ? int.Parse(match.Groups["ya"].Value, CultureInfo.InvariantCulture)
            : null;
        int? yearB = match.Groups["yb"].Success
            ? int.Parse(match.Groups["yb"].Value, CultureInfo.InvariantCulture)
            : null;
        var wraps = b < a;
        DateOnly from;
        if (yearA is { } ya)
        {
            from = new DateOnly(ya, a, 1);
        }
        else if (yearB is { } yb)
        {
            from = new DateOnly(wraps ? yb - 1 : yb, a, 1);
        }
        else
        {
            // The latest such span that has begun.
            from = new DateOnly(today.Year, a, 1);
            if (from > today)
            {
                from = from.AddYears(-1);
            }
        }

        var toMonth = new DateOnly(wraps ? from.Year + 1 : from.Year, b, 1);
        var to = toMonth.AddMonths(1).AddDays(-1);
        return to < from ? null : new(from, to, AskedTime.Span(from, to));
    }

    private static AskedTime? QuarterNamed(Match match, DateOnly today)
    {
        var number = match.Groups["n"].Success
            ? match.Groups["n"].Value[0] - '0'
            : match.Groups["ord"].Value switch
            {
                "first" or "1st" => 1,
                "second" or "2nd" => 2,
                "third" or "3rd" => 3,
                _ => 4,
            };
        if (match.Groups["fy"].Success)
        {
            return FinancialYear.TryParse(match.Groups["fy"].Value, out var year)
                ? Whole(ReportingPeriod.Quarter(year, number))
                : null;
        }

        var quarter = ReportingPeriod.Quarter(FinancialYear.Containing(today), number);
        return Whole(quarter.Start > today ? ReportingPeriod.Quarter(quarter.Year.Previous, number) : quarter);
    }

    private static AskedTime? FinancialYearNamed(Match match, DateOnly today) =>
        FinancialYear.TryParse(match.Groups["fy"].Value, out var year) && year.Start <= today
            ? Whole(ReportingPeriod.WholeYear(year))
            : null;

    private static AskedTime? MonthNamed(Match match, DateOnly today)
    {
        var month = MonthOf(match.Groups["m"].Value);
        var year = match.Groups["y"].Success
            ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture)
            : today.Year;
        var start = new DateOnly(year, month, 1);
        if (!match.Groups["y"].Success && start > today)
        {
            start = start.AddYears(-1);
        }

        return Whole(ReportingPeriod.CalendarMonth(start.Year, start.Month));
    }

    private static AskedTime Whole(ReportingPeriod period, string? words = null) =>
        AskedTime.Of(period, words is null ? null : $"{words} ({AskedTime.Span(period.Start, period.End)})");

    private static AskedTime SoFar(ReportingPeriod period, DateOnly today, string words) =>
        new(period.Start, today, $"{words} ({AskedTime.Span(period.Start, period.End)})");

    private static ReportingPeriod Quarter(DateOnly today) => ReportingPeriod.Containing(today, PeriodKind.Quarter);

    private static ReportingPeriod Month(DateOnly today) => ReportingPeriod.Containing(today, PeriodKind.Month);

    // The patterns only let month words through.
    private static int MonthOf(string word) => ReportingPeriod.MonthNamed(word)!.Value;

    private static string Tidy(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
