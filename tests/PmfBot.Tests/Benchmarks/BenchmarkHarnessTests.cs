using Microsoft.Extensions.DependencyInjection;
using PmfBot.Benchmarks.Answers;
using PmfBot.Benchmarks.Council;
using PmfBot.Benchmarks.FanOut;
using PmfBot.Benchmarks.Harness;
using PmfBot.Benchmarks.Mixed;
using PmfBot.Benchmarks.Scale;

namespace PmfBot.Tests.Benchmarks;

/// <summary>
/// The benchmark harness, small enough for the test command, so it can't rot between benchmark
/// runs: what it counts (delivered, lost, duplicated, recorded, storage requests) must be right.
/// Speed is the benchmark command's business (infra/local/bench.sh), never asserted here.
/// </summary>
public class BenchmarkHarnessTests
{
    [Fact]
    public async Task AQuarterEndFanOut_ThenAnswers_CountEveryPromptAndAnswer()
    {
        var council = BenchCouncil.Quarterly(120);
        await using var host = await BenchHost.StartAsync(
            council,
            "2026-10-01T10:00",
            withChats: true,
            CancellationToken.None,
            checkTokens: true
        );

        var fanOut = await FanOutBenchmark.RunAsync(host, council, CancellationToken.None);
        var answers = await AnswersBenchmark.RunAsync(
            host,
            council,
            submissions: 30,
            perSecond: 30,
            CancellationToken.None
        );

        Assert.Equal(
            (120, 120, 120, 0, 0, 0),
            (fanOut.Scan.Due, fanOut.Scan.Sent, fanOut.Delivered, fanOut.Lost, fanOut.Duplicated, fanOut.Throttled)
        );
        // one in ten off target, escalated
        Assert.Equal((30, 30, 30, 3), (answers.Submitted, answers.Answered, answers.Recorded, answers.Escalated));
        Assert.Equal(30, answers.LatenciesMs.Count);
        Assert.True(answers.TokensChecked);
        // at least the catalogue, the figure's transaction, its event
        Assert.InRange(answers.StorageRequestsPerAnswer, 3, 60);
    }

    [Fact]
    public async Task TheMixedRun_CountsPromptsDigestsAnswersAndEscalations()
    {
        var council = BenchCouncil.Quarterly(120); // a service per 50 owners: two channels' digests
        await using var host = await BenchHost.StartAsync(
            council,
            "2026-10-01T10:00",
            withChats: true,
            CancellationToken.None,
            (storage, serviceUrl) => MixedTrafficBenchmark.SeedDigestsAsync(storage, council, serviceUrl),
            checkTokens: true
        );

        var mixed = await MixedTrafficBenchmark.RunAsync(
            host,
            council,
            answers: 20,
            TimeSpan.Zero,
            CancellationToken.None
        );

        Assert.Equal((120, 0, 0), (mixed.PromptsDelivered, mixed.PromptsLost, mixed.PromptsDuplicated));
        Assert.Equal((20, 2, 2), (mixed.AnswersRecorded, mixed.EscalationsExpected, mixed.EscalationCards));
        Assert.Equal((2, 2, 0), (mixed.Digests, mixed.DigestsPosted, mixed.DigestsDuplicated));
        // Whether any request earned a 429 is timing: the benchmark's to measure, not this test's.
        Assert.True(mixed.Requests > 0 && mixed.Window > TimeSpan.Zero);
        Assert.Equal(20, mixed.AnswerLatenciesMs.Count);
    }

    [Fact]
    public async Task ABigCouncilsQuestions_AreAnswered_AndTheirStorageRequestsCounted()
    {
        var council = BenchCouncil.Monthly(100);
        await using var host = await BenchHost.StartAsync(
            council,
            "2026-11-09T09:00",
            withChats: true,
            CancellationToken.None,
            (storage, _) =>
                council.SeedHistoryAsync(
                    storage.Tables,
                    Domain.Calendar.ReportingPeriod.CalendarMonth(2026, 10),
                    12,
                    DateTimeOffset.UtcNow.AddDays(-5),
                    CancellationToken.None
                )
        );

        await host
            .Services.GetRequiredService<global::PmfBot.Standings.StandingsRepair>()
            .RepairAsync(CancellationToken.None);
        var timed = await ScaleBenchmark.RunAsync(host, council, runs: 1, CancellationToken.None);

        Assert.Equal(12, timed.Count);
        Assert.All(timed.Skip(8), t => Assert.True(t.CardBytes > 0, $"{t.What}: answered with a card"));
        Assert.All(timed, t => Assert.True(t.StorageRequests > 0, t.What));
        Assert.Equal(1, timed[0].StorageRequests); // the yardstick: one partition read
        Assert.InRange(timed[3].CardBytes, 1, Cards.CardJson.MaxBytes);
        Assert.InRange(timed[4].StorageRequests, 1, 2); // a service's scorecard: its standings and the open escalations
        Assert.InRange(timed[3].StorageRequests, 1, council.Catalogue.Services.Count + 5);
        Assert.True(timed[6].CardBytes > 1000, "the tab's data came back over HTTP, signed in with an SSO token");
        Assert.True(timed[7].CardBytes > 1000, "the report workbook was written");
    }

    [Fact]
    public void AReport_SaysWhichTargetsWereKept()
    {
        var markdown = new BenchReport("x", "Title", "Setup.")
            .Figure("Things", $"{3}")
            .Held("Fast enough", "< 100 ms", $"{150} ms", false)
            .ToMarkdown(DateTimeOffset.UnixEpoch);

        Assert.Contains("| Things | 3 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Fast enough | < 100 ms | 150 ms | **no** |", markdown, StringComparison.Ordinal);
    }
}
