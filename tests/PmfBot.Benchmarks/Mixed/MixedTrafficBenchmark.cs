using Microsoft.Extensions.DependencyInjection;
using PmfBot.Benchmarks.Answers;
using PmfBot.Benchmarks.Council;
using PmfBot.Benchmarks.Harness;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Digests;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.Digests;
using PmfBot.Storage.Results;
using PmfBot.Testing;

namespace PmfBot.Benchmarks.Mixed;

/// <summary>What a mixed run did, for the report.</summary>
public sealed record MixedResult(
    int Owners,
    int PromptsDelivered,
    int PromptsLost,
    int PromptsDuplicated,
    int Digests,
    int DigestsPosted,
    int DigestsDuplicated,
    int Answers,
    int AnswersRecorded,
    int EscalationsExpected,
    int EscalationCards,
    int Throttled,
    int Requests,
    TimeSpan Window,
    int PromptsInWindow,
    IReadOnlyList<double> AnswerLatenciesMs
)
{
    /// <summary>
    /// Every request Teams accepted (prompts, digests, escalation cards, card updates) while the
    /// fan-out was sending: from its first prompt arriving to its last, when the demand is above the limit.
    /// </summary>
    public double PerSecond => Requests <= 1 || Window <= TimeSpan.Zero ? 0 : (Requests - 1) / Window.TotalSeconds;

    public double PromptsPerSecond =>
        PromptsInWindow <= 1 || Window <= TimeSpan.Zero ? 0 : (PromptsInWindow - 1) / Window.TotalSeconds;

    public double OfLimit => PerSecond / 50;

    public double AnswerP50 => Percentiles.Of(AnswerLatenciesMs, 50);

    public double AnswerP99 => Percentiles.Of(AnswerLatenciesMs, 99);

    /// <summary>Prompts, digests, answers and escalation cards that never arrived.</summary>
    public int Lost =>
        PromptsLost
        + Math.Max(0, Digests - DigestsPosted)
        + (Answers - AnswersRecorded)
        + Math.Max(0, EscalationsExpected - EscalationCards);

    /// <summary>Prompts, digests and escalation cards that arrived more than once.</summary>
    public int Duplicated => PromptsDuplicated + DigestsDuplicated + Math.Max(0, EscalationCards - EscalationsExpected);
}

/// <summary>
/// Quarter end on a digest morning: the due scan prompts every owner while 40 channels' weekly
/// digests post and owners answer their prompt cards 20 times a second (one in ten off target, so
/// escalated). Every request goes through the one rate limiter in the connector's pipeline, to a
/// fake connector that answers 429 to anything over Teams' limits.
/// </summary>
public static class MixedTrafficBenchmark
{
    public const int Digests = 40;
    public const double AnswersPerSecond = 20;

    /// <summary>
    /// Forty channels (fewer in a council with fewer services), one per service, each subscribed to
    /// its service's digest on Thursdays at 09:00.
    /// </summary>
    public static async Task SeedDigestsAsync(TestStorage storage, BenchCouncil council, string serviceUrl)
    {
        var conversations = new ConversationStore(storage.Tables);
        var subscriptions = new SubscriptionStore(storage.Tables);
        var subscribedAt = UkTime.At(new DateOnly(2026, 9, 20), new TimeOnly(9, 0));
        foreach (var (service, n) in council.Catalogue.Services.Take(Digests).Select((s, n) => (s, n)))
        {
            var (team, channel) = ($"team-{n}", $"19:channel-{n}@thread.tacv2");
            await conversations.SaveAsync(
                new StoredConversation(
                    serviceUrl,
                    channel,
                    BenchCouncil.Tenant,
                    BenchCouncil.BotId,
                    "channel",
                    null,
                    null,
                    team,
                    channel,
                    ConversationState.Active,
                    subscribedAt
                ),
                default
            );
            await subscriptions.SaveAsync(
                new DigestSubscription(
                    team,
                    channel,
                    $"Performance {n}",
                    DigestScope.OfService(service.Code),
                    new DigestSchedule(DayOfWeek.Thursday, new TimeOnly(9, 0)),
                    null,
                    null,
                    subscribedAt
                ),
                default
            );
        }
    }

    /// <param name="stagger">
    /// How long after the scan starts the digests' job wakes, and as long again before owners start
    /// answering (once their prompts are arriving): 5 s in the benchmark; none in the harness test.
    /// </param>
    public static async Task<MixedResult> RunAsync(
        BenchHost host,
        BenchCouncil council,
        int answers,
        TimeSpan stagger,
        CancellationToken cancellationToken
    )
    {
        var scan = host.Services.GetRequiredService<Features.Updates.DueScan>();
        var scanning = Task.Run(() => scan.RunAsync(cancellationToken), cancellationToken);

        await Task.Delay(stagger, cancellationToken);
        var digests = host.Services.GetRequiredKeyedService<Scheduling.IScheduledWork>(
            Features.Digests.DigestPoster.JobName
        );
        var posting = Task.Run(() => digests.RunScheduledAsync(cancellationToken), cancellationToken);
        await Task.Delay(stagger, cancellationToken);
        var (latencies, _, _) = await AnswersBenchmark.SubmitAsync(
            host,
            council,
            [.. council.Catalogue.Measures.Take(answers)],
            ReportingPeriod.Parse(BenchCouncil.SubmissionPeriodCode),
            AnswersPerSecond,
            cancellationToken,
            promptsStillArriving: true
        );

        await Task.WhenAll(scanning, posting);
        await host.Services.GetRequiredService<Bot.BackgroundSends>().WhenIdleAsync();

        var calls = host.Connector.Calls.ToList();
        var accepted = calls.Where(c => c.Status is >= 200 and < 300 && c.Method is "POST" or "PUT").ToList();
        var perChat = accepted
            .Where(c => c.Method == "POST")
            .GroupBy(c => c.ConversationId)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ownerChats = council.Owners.Select(BenchCouncil.ChatOf).ToList();
        var chiefChats = council.ChiefOfficers.Select(BenchCouncil.ChatOf).ToList();
        var threads = accepted.Count(c => c.ConversationId == "(new)");
        var seeded = Math.Min(Digests, council.Catalogue.Services.Count);
        var ownerChatSet = ownerChats.ToHashSet(StringComparer.Ordinal);
        var prompts = accepted.Where(c => c.Method == "POST" && ownerChatSet.Contains(c.ConversationId)).ToList();
        var (from, to) = prompts.Count == 0 ? (default, default) : (prompts.Min(c => c.At), prompts.Max(c => c.At));
        var period = ReportingPeriod.Parse(BenchCouncil.SubmissionPeriodCode);
        var results = host.Services.GetRequiredService<ResultStore>();
        var recorded = 0;
        foreach (var measure in council.Catalogue.Measures.Take(answers))
        {
            recorded += await results.GetAsync(measure.Reference, period, cancellationToken) is null ? 0 : 1;
        }

        return new MixedResult(
            council.Owners.Count,
            ownerChats.Count(perChat.ContainsKey),
            PromptsLost: ownerChats.Count(chat => !perChat.ContainsKey(chat)),
            PromptsDuplicated: ownerChats.Count(chat => perChat.GetValueOrDefault(chat) > 1),
            seeded,
            threads,
            DigestsDuplicated: Math.Max(0, threads - seeded), // a claim per channel and week: more is a duplicate
            answers,
            recorded,
            EscalationsExpected: Enumerable.Range(0, answers).Count(AnswersBenchmark.OffTarget),
            EscalationCards: chiefChats.Sum(chat => perChat.GetValueOrDefault(chat)),
            Throttled: calls.Count(c => c.Status == 429),
            accepted.Count(c => c.At >= from && c.At <= to),
            to - from,
            prompts.Count,
            [.. latencies.Order()]
        );
    }

    public static BenchReport Report(MixedResult result) =>
        new BenchReport(
            "mixed",
            "Mixed traffic: quarter-end fan-out, digests and answers at once",
            $"The due scan prompts {result.Owners:N0} owners (one quarterly measure each, all owed for Q2 2026/27) "
                + $"while {result.Digests} channels' weekly digests post and owners answer their prompt cards at "
                + $"{AnswersPerSecond:N0}/s ({result.Answers:N0} answers, one in ten off target, so escalated to a "
                + "Chief "
                + "Officer). Inbound JWTs checked; Azurite in memory; every outbound request through the one rate "
                + "limiter, to a fake connector answering 429 to anything over Teams' limits (per conversation "
                + "7/1 s, 8/2 s, 60/30 s, 1,800/h; 50/s per tenant)."
        )
            .Figure("Prompts delivered", $"{result.PromptsDelivered:N0} of {result.Owners:N0}")
            .Figure("Digest threads started", $"{result.DigestsPosted} of {result.Digests}")
            .Figure("Answers recorded (read back)", $"{result.AnswersRecorded:N0} of {result.Answers:N0}")
            .Figure(
                "Escalation cards to Chief Officers",
                $"{result.EscalationCards} (expected {result.EscalationsExpected})"
            )
            .Figure("Fan-out window (first prompt to last)", $"{result.Window.TotalSeconds:N1} s")
            .Figure("Requests Teams accepted in it, all traffic", $"{result.Requests:N0}: {result.PerSecond:N1}/s")
            .Figure("Of which prompts", $"{result.PromptsInWindow:N0}: {result.PromptsPerSecond:N1}/s")
            .Figure("Answer p50 / p99 under this load", $"{result.AnswerP50:N1} / {result.AnswerP99:N1} ms")
            .Held("429s from Teams' limits", "0", $"{result.Throttled}", result.Throttled == 0)
            .Held("Lost (prompts, digests, answers, escalation cards)", "0", $"{result.Lost}", result.Lost == 0)
            .Held(
                "Duplicated (prompts, digests, escalation cards)",
                "0",
                $"{result.Duplicated}",
                result.Duplicated == 0
            )
            .Held(
                "Rate against Teams' 50/s per tenant, all traffic in the window",
                "≥ 95%",
                $"{result.OfLimit:P1}",
                result.OfLimit >= 0.95
            );
}
