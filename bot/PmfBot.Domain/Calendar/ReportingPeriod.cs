using System.Globalization;

namespace PmfBot.Domain.Calendar;

/// <summary>
/// One reporting period of a financial year: a month, a quarter, a half or the whole year.
/// </summary>
/// <remarks>
/// <para><see cref="Number"/> counts from the start of the financial year: month 1 is April,
/// quarter 4 is January–March of the next calendar year.</para>
/// <para><see cref="Start"/> and <see cref="End"/> are both inclusive calendar dates; the period
/// "ends" (for deadlines and prompts) at midnight UK time after <see cref="End"/>.</para>
/// <para>Printed the way councils write it: "Oct 2026", "Q2 2026/27", "H1 2026/27", "2026/27".
/// <see cref="Code"/> is a sortable, key-safe form ("FY2026-Q2") for storage.</para>
/// </remarks>
public readonly partial record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private ReportingPeriod(FinancialYear year, PeriodKind kind, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, kind.PerYear());
        Year = year;
        Kind = kind;
        Number = number;
    }

    public FinancialYear Year { get; }

    public PeriodKind Kind { get; }

    /// <summary>1-based position in the financial year (month 1 = April, quarter 1 = Apr–Jun).</summary>
    public int Number { get; }

    /// <summary>A month by its position in the financial year (1 = April … 12 = March).</summary>
    public static ReportingPeriod Month(FinancialYear year, int number) => new(year, PeriodKind.Month, number);

    /// <summary>A calendar month, e.g. <c>CalendarMonth(2027, 1)</c> is January 2027, month 10 of 2026/27.</summary>
    public static ReportingPeriod CalendarMonth(int calendarYear, int calendarMonth) =>
        Containing(new DateOnly(calendarYear, calendarMonth, 1), PeriodKind.Month);

    public static ReportingPeriod Quarter(FinancialYear year, int number) => new(year, PeriodKind.Quarter, number);

    public static ReportingPeriod Half(FinancialYear year, int number) => new(year, PeriodKind.Half, number);

    public static ReportingPeriod WholeYear(FinancialYear year) => new(year, PeriodKind.Year, 1);

    public static ReportingPeriod Of(FinancialYear year, PeriodKind kind, int number) => new(year, kind, number);

    /// <summary>The period of the given kind that contains a calendar date.</summary>
    public static ReportingPeriod Containing(DateOnly date, PeriodKind kind)
    {
        var year = FinancialYear.Containing(date);
        var monthOfYear = ((date.Month + 8) % 12) + 1; // April → 1 … March → 12
        return new ReportingPeriod(year, kind, ((monthOfYear - 1) / kind.Months()) + 1);
    }

    /// <summary>First day of the period (inclusive).</summary>
    public DateOnly Start => Year.Start.AddMonths((Number - 1) * Kind.Months());

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly End => Start.AddMonths(Kind.Months()).AddDays(-1);

    /// <summary>The first calendar day after the period: when it is over.</summary>
    public DateOnly DayAfterEnd => End.AddDays(1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public ReportingPeriod Previous =>
        Number > 1
            ? new ReportingPeriod(Year, Kind, Number - 1)
            : new ReportingPeriod(Year.Previous, Kind, Kind.PerYear());

    public ReportingPeriod Next =>
        Number < Kind.PerYear() ? new ReportingPeriod(Year, Kind, Number + 1) : new ReportingPeriod(Year.Next, Kind, 1);

    public ReportingPeriod SamePeriodLastYear => new(Year.Previous, Kind, Number);

    /// <summary>Orders by start date, then by length (a month before the quarter that starts with it).</summary>
    public int CompareTo(ReportingPeriod other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Kind.Months().CompareTo(other.Kind.Months());
    }

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>"Oct 2026", "Q2 2026/27", "H1 2026/27" or "2026/27".</summary>
    public override string ToString() =>
        Kind switch
        {
            PeriodKind.Month => Start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
            PeriodKind.Quarter => $"Q{Number} {Year}",
            PeriodKind.Half => $"H{Number} {Year}",
            _ => Year.ToString(),
        };

    /// <summary>A fuller form for cards: "Q2 2026/27 (July to September 2026)", "October 2026".</summary>
    public string LongName =>
        Kind switch
        {
            PeriodKind.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            PeriodKind.Year => $"{Year} (April {Year.StartYear} to March {Year.StartYear + 1})",
            _ => $"{this} ({MonthSpan()})",
        };

    /// <summary>Sortable and safe in a table key: "FY2026-M07", "FY2026-Q2", "FY2026-H1", "FY2026-Y".</summary>
    public string Code =>
        Kind switch
        {
            PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"FY{Year.StartYear}-M{Number:00}"),
            PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"FY{Year.StartYear}-Q{Number}"),
            PeriodKind.Half => string.Create(CultureInfo.InvariantCulture, $"FY{Year.StartYear}-H{Number}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"FY{Year.StartYear}-Y"),
        };

    private string MonthSpan()
    {
        var from = Start.ToString("MMMM", CultureInfo.InvariantCulture);
        var to = End.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return Start.Year == End.Year ? $"{from} to {to}" : $"{from} {Start.Year} to {to}";
    }
}
