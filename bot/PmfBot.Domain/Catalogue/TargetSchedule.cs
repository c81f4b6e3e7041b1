using System.Globalization;
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
    public static TargetSchedule None { get; } =
        new(null, new Dictionary<FinancialYear, decimal>(), new Dictionary<ReportingPeriod, decimal>());

    private TargetSchedule(
        decimal? standing,
        IReadOnlyDictionary<FinancialYear, decimal> byYear,
        IReadOnlyDictionary<ReportingPeriod, decimal> byPeriod
    )
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
        && ByYear.Count == other.ByYear.Count
        && ByYear.All(kv => other.ByYear.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && ByPeriod.Count == other.ByPeriod.Count
        && ByPeriod.All(kv => other.ByPeriod.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>
    /// The catalogue's text: a bare number is the standing target, "period=value" pairs the rest,
    /// separated by ';': "97.5; Apr 2026=29; Sep 2026=56" or "50; 2027/28=52". Empty means no target.
    /// </summary>
    public string ToText()
    {
        var parts = new List<string>();
        if (Standing is { } standing)
        {
            parts.Add(Number(standing));
        }

        parts.AddRange(ByYear.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={Number(kv.Value)}"));
        parts.AddRange(ByPeriod.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={Number(kv.Value)}"));
        return string.Join("; ", parts);
    }

    /// <summary>
    /// Reads <see cref="ToText"/>'s form. On failure, <paramref name="problem"/> says which part and why.
    /// </summary>
    public static bool TryParse(string? text, out TargetSchedule schedule, out string? problem)
    {
        schedule = None;
        problem = null;
        foreach (
            var raw in (text ?? string.Empty).Split(
                ';',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
        )
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            var valueText = equals < 0 ? raw : raw[(equals + 1)..].Trim();
            if (
                !decimal.TryParse(
                    valueText.TrimEnd('%'),
                    NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands,
                    CultureInfo.InvariantCulture,
                    out var value
                )
            )
            {
                problem = $"target \"{raw}\" is not a number";
                return false;
            }

            if (equals < 0)
            {
                if (schedule.Standing is not null)
                {
                    problem = "two standing targets; give other ones a period, e.g. 2027/28=52";
                    return false;
                }

                schedule = schedule.WithStanding(value);
                continue;
            }

            var periodText = raw[..equals].Trim();
            if (FinancialYear.TryParse(periodText, out var year))
            {
                schedule = schedule.ForYear(year, value);
            }
            else if (ReportingPeriod.TryParse(periodText, out var period))
            {
                schedule = schedule.ForPeriod(period, value);
            }
            else
            {
                problem = $"\"{periodText}\" is not a period. {ReportingPeriod.Examples}";
                return false;
            }
        }

        return true;
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
