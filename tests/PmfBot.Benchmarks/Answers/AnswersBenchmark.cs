using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Benchmarks.Council;
using PmfBot.Benchmarks.Harness;
using PmfBot.Benchmarks.Scale;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Prompts;
using PmfBot.Storage.Results;

namespace PmfBot.Benchmarks.Answers;

/// <summary>What an answers run measured.</summary>
/// <param name="StorageRequestsPerAnswer">
/// Azure Table requests per submission, everything it sets off included (the figure's
/// transaction, its event, the standing, the escalation and its cards' claims), counted on a run
/// of its own so the counting doesn't slow the timed one.
/// </param>
/// <param name="StorageRequestsByKind">
/// The same, per answer, by method and table ("POST $batch" is a transaction).
/// </param>
public sealed record AnswersResult(
    int Submitted,
    int Answered,
    int Recorded,
    int Escalated,
    double OfferedPerSecond,
    double AchievedPerSecond,
    IReadOnlyList<double> LatenciesMs,
    bool TokensChecked,
    double StorageRequestsPerAnswer,
    IReadOnlyList<(string Kind, double PerAnswer)> StorageRequestsByKind
)
{
    public double P50 => Percentiles.Of(LatenciesMs, 50);

    public double P95 => Percentiles.Of(LatenciesMs, 95);

    public double P99 => Percentiles.Of(LatenciesMs, 99);

    public double Max => LatenciesMs.Count == 0 ? double.NaN : LatenciesMs[^1];
}

/// <summary>
/// Owners pressing "Submit" on their prompt cards: Action.Execute invokes posted to /api/messages
/// at a steady rate (each sent on schedule, not after the last one finished), against Azurite.
/// One in ten is off target with an action note, so it is escalated to the Chief Officer.
/// </summary>
public static class AnswersBenchmark
{
    /// <summary>Submissions counted for storage requests after the timed run, on other owners' prompts.</summary>
    public const int Counted = 50;

    public static async Task<AnswersResult> RunAsync(
        BenchHost host,
        BenchCouncil council,
        int submissions,
        double perSecond,
        CancellationToken cancellationToken
    )
    {
        var period = ReportingPeriod.Parse(BenchCouncil.SubmissionPeriodCode);
        var measures = council.Catalogue.Measures.Take(submissions).ToList();
        var (latencies, answered, elapsed) = await SubmitAsync(
            host,
            council,
            measures,
            period,
            perSecond,
            cancellationToken
        );

        // What each answer set off (the escalation owner's card among it) runs after the answer: wait for it.
        await host.Services.GetRequiredService<PmfBot.Bot.BackgroundSends>().WhenIdleAsync();
        var results = host.Services.GetRequiredService<ResultStore>();
        var recorded = 0;
        foreach (var measure in measures)
        {
            recorded += await results.GetAsync(measure.Reference, period, cancellationToken) is null ? 0 : 1;
        }

        var chiefsChats = council.ChiefOfficers.Select(BenchCouncil.ChatOf).ToHashSet(StringComparer.Ordinal);
        var escalated = host.Connector.Calls.Count(c =>
            c.Method == "POST" && c.Status < 300 && chiefsChats.Contains(c.ConversationId)
        );

        // Storage requests per answer, on a run of its own (the listener's cost stays out of the timings).
        var counted = council.Catalogue.Measures.Skip(submissions).Take(Counted).ToList();
        // Counted from the first submission: the harness's own look-up of the cards to press stays out.
        StorageOperations? operations = null;
        double perAnswer;
        IReadOnlyList<(string Kind, double PerAnswer)> byKind;
        try
        {
            var tables = host.Storage.Tables.Service.Uri;
            await SubmitAsync(
                host,
                council,
                counted,
                period,
                perSecond,
                cancellationToken,
                sending: () => operations = new StorageOperations(tables, host.Storage.Prefix, countTransactions: true)
            );
            await host.Services.GetRequiredService<PmfBot.Bot.BackgroundSends>().WhenIdleAsync();
            var answers = (double)Math.Max(1, counted.Count);
            perAnswer = operations!.Requests / answers;
            byKind = [.. operations.ByKind.Select(kind => (kind.Kind, kind.Requests / answers))];
        }
        finally
        {
            operations?.Dispose();
        }

        return new AnswersResult(
            measures.Count,
            answered,
            recorded,
            escalated,
            perSecond,
            measures.Count / elapsed.TotalSeconds,
            [.. latencies.Order()],
            host.ChecksTokens,
            perAnswer,
            byKind
        );
    }

    /// <summary>One in ten submissions is off target with an action note, so it is escalated.</summary>
    internal static bool OffTarget(int index) => index % 10 == 0;

    /// <summary>
    /// Presses Submit on each measure's prompt card at a steady rate, each sent on schedule, not
    /// after the last one finished.
    /// </summary>
    /// <param name="promptsStillArriving">
    /// Find each prompt card as it is pressed (the fan-out is still sending them), rather than all
    /// before the clock starts.
    /// </param>
    internal static async Task<(double[] Latencies, int Answered, TimeSpan Elapsed)> SubmitAsync(
        BenchHost host,
        BenchCouncil council,
        List<Measure> measures,
        ReportingPeriod period,
        double perSecond,
        CancellationToken cancellationToken,
        bool promptsStillArriving = false,
        Action? sending = null
    )
    {
        var prompts = host.Services.GetRequiredService<PromptStore>();
        async Task<string?> PromptOf(Measure measure, CancellationToken ct) =>
            (await prompts.GetForPeriodAsync(measure.Reference, period, ct))
                .FirstOrDefault(p => p.ActivityId is not null)
                ?.ActivityId;

        var pressedCards = new Dictionary<MeasureReference, string?>();
        foreach (var measure in promptsStillArriving ? [] : measures)
        {
            pressedCards[measure.Reference] = await PromptOf(measure, cancellationToken);
        }

        sending?.Invoke(); // the harness's own reads of the cards are done
        var latencies = new double[measures.Count];
        var answered = 0;
        var started = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var inFlight = new List<Task>(measures.Count);
        for (var i = 0; i < measures.Count; i++)
        {
            var due = interval * i;
            if (due > started.Elapsed)
            {
                await Task.Delay(due - started.Elapsed, cancellationToken);
            }

            var index = i;
            inFlight.Add(
                Task.Run(
                    async () =>
                    {
                        var measure = measures[index];
                        var owner = council.Catalogue.FindPerson(measure.Owner)!;
                        var pressed = promptsStillArriving
                            ? await PromptOf(measure, cancellationToken)
                            : pressedCards[measure.Reference];
                        var body = Invoke(host, owner, measure, period, pressed, OffTarget(index));
                        var clock = Stopwatch.StartNew();
                        try
                        {
                            using var response = await host.Client.PostAsync(
                                new Uri("/api/messages", UriKind.Relative),
                                JsonContent.Create(body),
                                cancellationToken
                            );
                            var answer = response.IsSuccessStatusCode
                                ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)
                                : default;
                            if (
                                response.IsSuccessStatusCode
                                && answer.TryGetProperty("type", out var type)
                                && type.GetString() == "application/vnd.microsoft.card.adaptive"
                            )
                            {
                                Interlocked.Increment(ref answered);
                            }
                        }
                        catch (Exception e)
                            when (e is HttpRequestException or TaskCanceledException
                                && !cancellationToken.IsCancellationRequested
                            )
                        {
                            // No answer within the client's 30 s: counted as not answered, its time as it stood.
                        }

                        latencies[index] = clock.Elapsed.TotalMilliseconds;
                    },
                    cancellationToken
                )
            );
        }

        await Task.WhenAll(inFlight);
        return (latencies, answered, started.Elapsed);
    }

    /// <summary>What Teams posts when an owner presses Submit on their prompt card.</summary>
    internal static object Invoke(
        BenchHost host,
        Person owner,
        Measure measure,
        ReportingPeriod period,
        string? pressedCard,
        bool offTarget
    ) =>
        new
        {
            type = "invoke",
            name = "adaptiveCard/action",
            id = Guid.NewGuid().ToString("N"),
            channelId = "msteams",
            serviceUrl = host.Connector.ServiceUrl,
            replyToId = pressedCard,
            from = new
            {
                id = $"29:{owner.Id.Value}",
                name = owner.Name,
                aadObjectId = owner.AadObjectId,
            },
            recipient = new { id = BenchCouncil.BotId, name = "PmfBot" },
            conversation = new
            {
                id = BenchCouncil.ChatOf(owner),
                conversationType = "personal",
                tenantId = BenchCouncil.Tenant,
            },
            channelData = new { tenant = new { id = BenchCouncil.Tenant } },
            value = new
            {
                action = new
                {
                    type = "Action.Execute",
                    verb = "submitUpdate",
                    data = new
                    {
                        verb = "submitUpdate",
                        measure = measure.Reference.Value,
                        period = period.Code,
                        value = offTarget ? "61.5" : "86.2",
                        commentary = offTarget
                            ? "Two caseworkers left in August and have not been replaced yet."
                            : "On track; the new triage step is working.",
                        actionNote = offTarget
                            ? "Agency staff start on Monday; backlog cleared by the end of November."
                            : null,
                    },
                },
            },
        };

    public static BenchReport Report(AnswersResult result, int owners) =>
        new BenchReport(
            "answers",
            "Answers: owners submitting their prompt cards",
            $"{result.Submitted:N0} Action.Execute submissions to /api/messages at a steady "
                + $"{result.OfferedPerSecond:N0}/s, "
                + "each for a different owner's Q2 2026/27 prompt (one in ten off target, so escalated); "
                + $"{owners:N0} owners in the catalogue; Azurite in memory; loopback; "
                + (
                    result.TokensChecked
                        ? "every request's JWT validated (signed by a key from a loopback OpenID metadata endpoint), "
                        : "local-development mode (no JWT check), "
                )
                + "the figure's event and standing handled after each answer."
        )
            .Figure("Submissions", $"{result.Submitted:N0}")
            .Figure("Answered with the recorded card", $"{result.Answered:N0}")
            .Figure("Figures stored (read back from Azurite)", $"{result.Recorded:N0}")
            .Figure("Escalation cards delivered to Chief Officers", $"{result.Escalated:N0}")
            .Figure("Throughput achieved", $"{result.AchievedPerSecond:N1} submissions/s")
            .Figure(
                "Latency p50 / p95 / p99 / max",
                $"{result.P50:N1} / {result.P95:N1} / {result.P99:N1} / {result.Max:N1} ms"
            )
            .Figure(
                $"Storage requests per answer (a run of {Counted} more, everything each set off included)",
                $"{result.StorageRequestsPerAnswer:N1}: {KindsOf(result)}"
            )
            .Held("p99 latency at 50 submissions/s", "< 100 ms", $"{result.P99:N1} ms", result.P99 < 100)
            .Held(
                "Every submission recorded",
                $"{result.Submitted:N0}",
                $"{result.Recorded:N0}",
                result.Recorded == result.Submitted
            );

    private static string KindsOf(AnswersResult result) =>
        string.Join(
            ", ",
            result.StorageRequestsByKind.Select(kind =>
                FormattableString.Invariant($"{kind.Kind} {kind.PerAnswer:N2}")
            )
        );
}
