using System.Globalization;
using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Questions;

/// <summary>
/// The days a question is about ("this quarter", "since April", "2025/26"), as UK dates, both ends included. A
/// period's figure belongs to it when the whole period lies within.
/// </summary>
/// <param name="Words">How an answer names it: "this quarter (Oct to Dec 2026)".</param>
public sealed record AskedTime(DateOnly From, DateOnly To, string Words)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public bool Holds(ReportingPeriod period) => period.Start >= From && period.End <= To;

    /// <summary>The days of a reporting period: "Q2 2026/27 (Jul to Sep 2026)".</summary>
    public static AskedTime Of(ReportingPeriod period, string? words = null) =>
        new(period.Start, period.End, words ?? $"{period} ({Span(period.Start, period.End)})");

    /// <summary>"Jul to Sep 2026", "Apr 2025 to Mar 2026", "Nov 2026".</summary>
    public static string Span(DateOnly from, DateOnly to) =>
        (from.Year == to.Year && from.Month == to.Month) ? from.ToString("MMM yyyy", Invariant)
        : from.Year == to.Year ? $"{from.ToString("MMM", Invariant)} to {to.ToString("MMM yyyy", Invariant)}"
        : $"{from.ToString("MMM yyyy", Invariant)} to {to.ToString("MMM yyyy", Invariant)}";
}
