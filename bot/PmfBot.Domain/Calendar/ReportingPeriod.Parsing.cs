using System.Globalization;
using System.Text.RegularExpressions;

namespace PmfBot.Domain.Calendar;

public readonly partial record struct ReportingPeriod
{
    /// <summary>What a person is told when a period can't be read.</summary>
    public const string Examples = "Write a period like Oct 2026, Q2 2026/27, H1 2026/27 or 2026/27.";

    private static readonly string[] MonthNames =
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ];

    /// <summary>
    /// Reads a period the way people write it: "Oct 2026", "October 2026", "Sept 2026", "2026-10",
    /// "Q2 2026/27", "Quarter 2 2026/27", "2026/27 Q2", "H1 2026/27", "2026/27".
    /// </summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var input = Whitespace().Replace(text.Trim(), " ");
        return TryParsePart(input, out period) || TryParseMonth(input, out period) || TryParseCode(input, out period);
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period. {Examples}");

    /// <summary>Reads the storage form written by <see cref="Code"/>.</summary>
    public static bool TryParseCode(string? code, out ReportingPeriod period)
    {
        period = default;
        var match = code is null ? Match.Empty : CodePattern().Match(code);
        if (!match.Success)
        {
            return false;
        }

        var startYear = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (!FinancialYear.CanBeRead(startYear))
        {
            return false;
        }

        var year = new FinancialYear(startYear);
        var kind = match.Groups["kind"].Value switch
        {
            "M" => PeriodKind.Month,
            "Q" => PeriodKind.Quarter,
            "H" => PeriodKind.Half,
            _ => PeriodKind.Year,
        };
        var number = match.Groups["number"].Success
            ? int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture)
            : 1;
        if (number < 1 || number > kind.PerYear())
        {
            return false;
        }

        period = new ReportingPeriod(year, kind, number);
        return true;
    }

    private static bool TryParsePart(string input, out ReportingPeriod period)
    {
        period = default;
        var match = PartPattern().Match(input);
        string yearText,
            partText,
            numberText;
        if (match.Success)
        {
            (partText, numberText, yearText) = (
                match.Groups["part"].Value,
                match.Groups["n"].Value,
                match.Groups["year"].Value
            );
        }
        else if ((match = PartAfterYearPattern().Match(input)).Success)
        {
            (partText, numberText, yearText) = (
                match.Groups["part"].Value,
                match.Groups["n"].Value,
                match.Groups["year"].Value
            );
        }
        else
        {
            if (!FinancialYear.TryParse(input, out var wholeYear))
            {
                return false;
            }

            period = WholeYear(wholeYear);
            return true;
        }

        if (!FinancialYear.TryParse(yearText, out var year))
        {
            return false;
        }

        var kind = char.ToUpperInvariant(partText[0]) == 'Q' ? PeriodKind.Quarter : PeriodKind.Half;
        var number = int.Parse(numberText, CultureInfo.InvariantCulture);
        if (number < 1 || number > kind.PerYear())
        {
            return false;
        }

        period = new ReportingPeriod(year, kind, number);
        return true;
    }

    private static bool TryParseMonth(string input, out ReportingPeriod period)
    {
        period = default;
        var iso = IsoMonthPattern().Match(input);
        if (iso.Success)
        {
            var month = int.Parse(iso.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            var isoYear = int.Parse(iso.Groups["year"].Value, CultureInfo.InvariantCulture);
            return TryCalendarMonth(isoYear, month, out period);
        }

        var named = NamedMonthPattern().Match(input);
        if (!named.Success)
        {
            return false;
        }

        if (MonthNamed(named.Groups["name"].Value) is not { } calendarMonth)
        {
            return false;
        }

        var year = int.Parse(named.Groups["year"].Value, CultureInfo.InvariantCulture);
        return TryCalendarMonth(year, calendarMonth, out period);
    }

    /// <summary>
    /// The calendar month (1 to 12) a word names: "Oct", "October", "sept", any case; a prefix of the full name of at
    /// least three letters, nothing else. Null for any other word.
    /// </summary>
    public static int? MonthNamed(string word)
    {
        var name = word.ToLowerInvariant();
        var index = Array.FindIndex(MonthNames, m => name.StartsWith(m, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(index + 1).ToLowerInvariant();
        return full.StartsWith(name, StringComparison.Ordinal) ? index + 1 : null;
    }

    private static bool TryCalendarMonth(int calendarYear, int calendarMonth, out ReportingPeriod period)
    {
        period = default;
        if (!FinancialYear.CanBeRead(calendarMonth >= 4 ? calendarYear : calendarYear - 1))
        {
            return false;
        }

        period = CalendarMonth(calendarYear, calendarMonth);
        return true;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(
        @"^(?<part>Q|H|Quarter|Half)\s?(?<n>[0-9])\s*,?\s*(?<year>(?:FY\s*)?[0-9]{2,4}\s*[/\-–]\s*[0-9]{2,4})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex PartPattern();

    [GeneratedRegex(
        @"^(?<year>(?:FY\s*)?[0-9]{2,4}\s*[/\-–]\s*[0-9]{2,4})\s*,?\s*(?<part>Q|H|Quarter|Half)\s?(?<n>[0-9])$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex PartAfterYearPattern();

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoMonthPattern();

    [GeneratedRegex(@"^(?<name>[A-Za-z]{3,9})\.?\s*[\s\-]\s*(?<year>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedMonthPattern();

    [GeneratedRegex(
        @"^FY(?<year>[0-9]{4})-(?:(?<kind>M)(?<number>[0-9]{2})|(?<kind>[QH])(?<number>[0-9])|(?<kind>Y))$",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex CodePattern();
}
