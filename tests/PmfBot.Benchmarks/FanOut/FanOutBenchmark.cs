using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Benchmarks.Council;
using PmfBot.Benchmarks.Harness;
using PmfBot.Features.Updates;

namespace PmfBot.Benchmarks.FanOut;

/// <summary>What a fan-out run did, for the report and for the test that keeps the harness honest.</summary>
public sealed record FanOutResult(
    PmfBot.Delivery.SendReport Scan,
    int Delivered,
    int Lost,
    int Duplicated,
    int Throttled,
    TimeSpan Total,
    TimeSpan BeforeFirstSend,
    TimeSpan SendWindow
)
{
    public double PromptsPerSecond =>
        Delivered <= 1 || SendWindow <= TimeSpan.Zero ? 0 : (Delivered - 1) / SendWindow.TotalSeconds;

    /// <summary>Teams' ceiling: 50 requests a second per app per tenant.</summary>
    public double OfCeiling => PromptsPerSecond / 50;
}

/// <summary>
/// Quarter end: every owner's Q2 prompt falls due in the same scan. The real due scan claims each
/// step in Azurite, builds its card and hands it to the paced sender, which talks to a connector
/// that refuses (429, Retry-After) anything over Teams' limits.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task<FanOutResult> RunAsync(
        BenchHost host,
        BenchCouncil council,
        CancellationToken cancellationToken
    )
    {
        var scan = host.Services.GetRequiredService<DueScan>();
        var stopwatch = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var report = await scan.RunAsync(cancellationToken);
        stopwatch.Stop();

        var calls = host.Connector.Calls.ToList();
        var delivered = calls.Where(c => c.Method == "POST" && c.Status is >= 200 and < 300).ToList();
        var perChat = delivered
            .GroupBy(c => c.ConversationId)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ownerChats = council.Owners.Select(BenchCouncil.ChatOf).ToList();

        return new FanOutResult(
            report,
            delivered.Count,
            Lost: ownerChats.Count(chat => !perChat.ContainsKey(chat)),
            Duplicated: perChat.Values.Count(n => n > 1),
            Throttled: calls.Count(c => c.Status == 429),
            stopwatch.Elapsed,
            BeforeFirstSend: delivered.Count == 0 ? TimeSpan.Zero : delivered.Min(c => c.At) - startedAt,
            SendWindow: delivered.Count == 0 ? TimeSpan.Zero : delivered.Max(c => c.At) - delivered.Min(c => c.At)
        );
    }

    /// <summary>Runs the scan on a freshly seeded host and reports it, with what it cost in memory.</summary>
    public static async Task<BenchReport> MeasureAsync(
        BenchHost host,
        BenchCouncil council,
        CancellationToken cancellationToken
    )
    {
        var owners = council.Owners.Count;
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = await RunAsync(host, council, cancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();

        return new BenchReport(
            "fan-out",
            "Fan-out: quarter-end prompts to every owner",
            $"{owners:N0} quarterly measures, one per owner, all owed for Q2 2026/27; the real due scan, Azurite (in "
                + "memory) and a fake connector enforcing Teams' limits (per conversation 7/1 s, 8/2 s, 60/30 s, "
                + "1,800/h; 50/s per tenant; 429 with Retry-After beyond)."
        )
            .Figure("Prompts due", $"{result.Scan.Due:N0}")
            .Figure("Prompts delivered", $"{result.Delivered:N0}")
            .Figure("Whole scan", $"{result.Total.TotalSeconds:N1} s")
            .Figure("Before the first send (catalogue and state reads)", $"{result.BeforeFirstSend.TotalSeconds:N1} s")
            .Figure("Send window (first to last prompt arriving)", $"{result.SendWindow.TotalSeconds:N1} s")
            .Figure("Prompts per second in the send window", $"{result.PromptsPerSecond:N1}")
            .Figure("429s received", $"{result.Throttled}")
            .Figure(
                "Managed heap after the scan (fake connector included)",
                $"{heapAfter / 1048576.0:N0} MiB (before: {heapBefore / 1048576.0:N0} MiB)"
            )
            .Figure("Allocated during the scan", $"{allocated / 1048576.0:N0} MiB")
            .Figure("Peak working set of the process", $"{process.PeakWorkingSet64 / 1048576.0:N0} MiB")
            .Held("Rate against Teams' 50/s ceiling", "≥ 90%", $"{result.OfCeiling:P1}", result.OfCeiling >= 0.9)
            .Held("Lost (owners with no prompt)", "0", $"{result.Lost}", result.Lost == 0)
            .Held("Duplicated (owners prompted twice)", "0", $"{result.Duplicated}", result.Duplicated == 0)
            .Held("429s from Teams' limits", "0", $"{result.Throttled}", result.Throttled == 0);
    }
}
