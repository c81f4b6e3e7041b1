using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Results;

/// <summary>
/// How long audit entries are kept: the financial year they were made in, then
/// <see cref="FinancialYearsAfter"/> whole financial years ("current year + 6", as local
/// government retention schedules write it for performance records).
/// </summary>
public sealed record RetentionPeriod
{
    public RetentionPeriod(int financialYearsAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(financialYearsAfter, 1);
        FinancialYearsAfter = financialYearsAfter;
    }

    public int FinancialYearsAfter { get; }

    /// <summary>
    /// Entries made before this instant (1 April, UK time) have had their years and may be deleted.
    /// With 6: on any day of 2026/27, entries made before 1 April 2020 (in 2019/20 or earlier).
    /// </summary>
    public DateTimeOffset DeleteBefore(DateTimeOffset now)
    {
        var current = FinancialYear.Containing(UkTime.DateAt(now));
        return UkTime.StartOf(new FinancialYear(current.StartYear - FinancialYearsAfter).Start);
    }
}
