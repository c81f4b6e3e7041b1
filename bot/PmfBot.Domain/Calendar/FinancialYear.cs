using System.Globalization;
using System.Text.RegularExpressions;

namespace PmfBot.Domain.Calendar;

/// <summary>A UK local-government financial year, 1 April to 31 March, written "2026/27".</summary>
/// <remarks>
/// Identified by the calendar year it starts in: <c>new FinancialYear(2026)</c> runs from
/// 1 April 2026 to 31 March 2027 inclusive. Q4 of 2026/27 is therefore January–March 2027.
/// </remarks>
public readonly partial record struct FinancialYear : IComparable<FinancialYear>
{
    /// <summary>The earliest and latest years there are; only those between them are read from text.</summary>
    public const int EarliestStartYear = 1900;
    public const int LatestStartYear = 9998;

    public FinancialYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, EarliestStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, LatestStartYear);
        StartYear = startYear;
    }

    /// <summary>
    /// Whether text may name this year: every year but the first and the last, so that anything read
    /// (a card's period, a typed one) has a previous year and a next without reaching the edges.
    /// </summary>
    public static bool CanBeRead(int startYear) => startYear > EarliestStartYear && startYear < LatestStartYear;

    /// <summary>The calendar year in which the financial year starts (April).</summary>
    public int StartYear { get; }

    /// <summary>1 April of <see cref="StartYear"/>.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>31 March of the following calendar year (inclusive).</summary>
    public DateOnly End => new(StartYear + 1, 3, 31);

    public FinancialYear Previous => new(StartYear - 1);

    public FinancialYear Next => new(StartYear + 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The financial year a calendar date falls in (1 April starts a new one).</summary>
    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FinancialYear left, FinancialYear right) => left.CompareTo(right) < 0;

    public static bool operator >(FinancialYear left, FinancialYear right) => left.CompareTo(right) > 0;

    public static bool operator <=(FinancialYear left, FinancialYear right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FinancialYear left, FinancialYear right) => left.CompareTo(right) >= 0;

    /// <summary>The way councils write it: "2026/27".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:00}");

    /// <summary>
    /// Reads "2026/27", "2026-27", "2026/2027", "26/27" or "FY 2026/27". The second year must follow the first.
    /// </summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture);
        if (first < 100)
        {
            first += 2000;
        }

        var expectedSecond = match.Groups["second"].Value.Length == 4 ? first + 1 : (first + 1) % 100;
        if (second != expectedSecond || !CanBeRead(first))
        {
            return false;
        }

        year = new FinancialYear(first);
        return true;
    }

    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year)
            ? year
            : throw new FormatException($"'{text}' is not a financial year. Write it like 2026/27.");

    [GeneratedRegex(
        @"^(?:FY\s*)?(?<first>[0-9]{4}|[0-9]{2})\s*[/\-–]\s*(?<second>[0-9]{4}|[0-9]{2})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex Pattern();
}
