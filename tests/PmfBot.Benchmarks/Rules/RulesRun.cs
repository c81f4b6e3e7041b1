using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PmfBot.Benchmarks.Harness;

namespace PmfBot.Benchmarks.Rules;

/// <summary>Runs <see cref="RulesBenchmarks"/> with BenchmarkDotNet, in this process (no separate build), and summarises it.</summary>
public static class RulesRun
{
    public static BenchReport RunAndReport(string folder)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(folder, "rules-benchmarkdotnet"));
        var summary = BenchmarkRunner.Run<RulesBenchmarks>(config);

        var report = new BenchReport("rules", "Rules: the pure evaluations per second",
            "BenchmarkDotNet 0.15.8, in-process, 3 warm-up and 10 measured iterations; the full BenchmarkDotNet table is in rules-benchmarkdotnet/results/.");
        foreach (var run in summary.Reports.Where(r => r.ResultStatistics is not null))
        {
            var mean = run.ResultStatistics!.Mean; // nanoseconds per operation
            var allocated = run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase) ?? 0;
            report.Figure(run.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                $"{1e9 / mean:N0} per second ({Duration(mean)} each, {allocated:N0} B allocated)");
        }

        return report;
    }

    private static string Duration(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => $"{nanoseconds:N0} ns",
        < 1_000_000 => $"{nanoseconds / 1_000:N1} µs",
        _ => $"{nanoseconds / 1_000_000:N1} ms",
    };
}
