using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Catalogue;

/// <summary>A measure's targets: a standing target, per-year targets and per-period (profiled) targets.</summary>
/// <remarks>
/// The target for a period is the most specific one set: that exact period (a profiled target,
/// e.g. council tax collected by end of September), else its financial year, else the standing
/// target. No target at any level means the measure is judged by direction of travel alone.
/// </remarks>
public sealed record TargetSchedule
{
    public static TargetSchedule None { get; } = new(null, new Dictionary<FinancialYear, decimal>(), new Dictionary<ReportingPeriod, decimal>());

    private TargetSchedule(decimal? standing, IReadOnlyDictionary<FinancialYear, decimal> byYear, IReadOnlyDictionary<ReportingPeriod, decimal> byPeriod)
    {
        Standing = standing;
        ByYear = byYear;
        ByPeriod = byPeriod;
    }

    /// <summary>The target for any period with nothing more specific, or null.</summary>
    public decimal? Standing { get; }

    public IReadOnlyDictionary<FinancialYear, decimal> ByYear { get; }

    /// <summary>Profiled targets for particular periods.</summary>
    public IReadOnlyDictionary<ReportingPeriod, decimal> ByPeriod { get; }

    public bool IsEmpty => Standing is null && ByYear.Count == 0 && ByPeriod.Count == 0;

    public static TargetSchedule Of(decimal standing) => None.WithStanding(standing);

    public TargetSchedule WithStanding(decimal? standing) => new(standing, ByYear, ByPeriod);

    public TargetSchedule ForYear(FinancialYear year, decimal target) =>
        new(Standing, new Dictionary<FinancialYear, decimal>(ByYear) { [year] = target }, ByPeriod);

    public TargetSchedule ForPeriod(ReportingPeriod period, decimal target) =>
        new(Standing, ByYear, new Dictionary<ReportingPeriod, decimal>(ByPeriod) { [period] = target });

    /// <summary>The target that applies to a period, or null where none is set.</summary>
    public decimal? For(ReportingPeriod period) =>
        ByPeriod.TryGetValue(period, out var exact) ? exact
        : ByYear.TryGetValue(period.Year, out var yearly) ? yearly
        : Standing;

    /// <summary>Value equality (the dictionaries compared by content), for "what changed" reports.</summary>
    public bool SameAs(TargetSchedule other) =>
        Standing == other.Standing
        && ByYear.Count == other.ByYear.Count && ByYear.All(kv => other.ByYear.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && ByPeriod.Count == other.ByPeriod.Count && ByPeriod.All(kv => other.ByPeriod.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
