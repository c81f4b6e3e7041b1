namespace PmfBot.Domain.Calendar;

/// <summary>The length of a reporting period inside a financial year.</summary>
public enum PeriodKind
{
    /// <summary>A calendar month; April is month 1 of the financial year.</summary>
    Month,

    /// <summary>Q1 = Apr–Jun, Q2 = Jul–Sep, Q3 = Oct–Dec, Q4 = Jan–Mar.</summary>
    Quarter,

    /// <summary>H1 = Apr–Sep, H2 = Oct–Mar.</summary>
    Half,

    /// <summary>The whole financial year.</summary>
    Year,
}

public static class PeriodKindExtensions
{
    /// <summary>How many calendar months one period of this kind spans.</summary>
    public static int Months(this PeriodKind kind) =>
        kind switch
        {
            PeriodKind.Month => 1,
            PeriodKind.Quarter => 3,
            PeriodKind.Half => 6,
            PeriodKind.Year => 12,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

    /// <summary>How many periods of this kind make a financial year.</summary>
    public static int PerYear(this PeriodKind kind) => 12 / kind.Months();
}
