using BenchmarkDotNet.Attributes;
using PmfBot.Benchmarks.Council;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Status;

namespace PmfBot.Benchmarks.Rules;

/// <summary>
/// The pure rules every scan and every answer leans on: judging a figure (RAG against target and
/// tolerance, direction of travel), working out a deadline, finding periods, and the due plan for a
/// whole council. Per operation, so "evaluations per second" is 1 s divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 9);
    private static readonly DateTimeOffset Now = UkTime.At(Today, new TimeOnly(9, 0));
    private static readonly ReportingPeriod October = ReportingPeriod.CalendarMonth(2026, 10);

    private Measure _measure = null!;
    private CouncilCatalogue _council = null!;

    [GlobalSetup]
    public void Setup()
    {
        _council = BenchCouncil.Monthly(2_000).Catalogue;
        _measure = _council.Measures[0];
    }

    [Benchmark(Description = "RAG and direction of travel for one figure")]
    public Judgement Judge() => StatusRules.Judge(_measure, October, 76.4m, 78.1m, 81.0m, StatusPolicy.Default);

    [Benchmark(Description = "Deadline for one measure's period")]
    public Deadline DeadlineFor() => DeadlinePolicy.Default.DeadlineFor(_measure, October);

    [Benchmark(Description = "Latest ended period as of a date")]
    public ReportingPeriod LatestEndedPeriod() => _measure.LatestEndedPeriodAsOf(Today);

    [Benchmark(Description = "Update window state (open, overdue, closed)")]
    public UpdateWindowState WindowState() => UpdateCyclePolicy.Default.StateAt(October, DeadlinePolicy.Default.DeadlineFor(_measure, October), Now);

    [Benchmark(Description = "Due plan for 2,000 measures (nothing answered)")]
    public int DuePlanForTheCouncil() =>
        DuePlanner.DueAt(_council.Measures, _council.Services, (_, _) => false, (_, _) => [], Now, UpdateCyclePolicy.Default).Count();
}
