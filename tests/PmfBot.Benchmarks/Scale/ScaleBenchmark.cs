using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Benchmarks.Council;
using PmfBot.Benchmarks.Harness;
using PmfBot.Cards;
using PmfBot.Cards.Digests;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Testing;
using PmfBot.Domain.Digests;
using PmfBot.Features.Digests;
using PmfBot.Features.Scorecards;
using PmfBot.Standings;

namespace PmfBot.Benchmarks.Scale;

/// <summary>One question timed over several runs, and what one run costs in storage requests.</summary>
public sealed record Timed(string What, IReadOnlyList<double> Milliseconds, int StorageRequests, int CardBytes)
{
    public double Median => Percentiles.Of(Milliseconds, 50);

    public double P95 => Percentiles.Of(Milliseconds, 95);

    public double Worst => Milliseconds[^1];
}

/// <summary>
/// A big council's questions: "how is my service doing?" (a service owner's and a Chief Officer's)
/// answered through /api/messages, and the whole council's weekly digest, built as the poster
/// builds it, with a catalogue of 2,000 monthly measures and five years of history each.
/// </summary>
public static class ScaleBenchmark
{
    private const int WarmUps = 1;

    public static async Task<IReadOnlyList<Timed>> RunAsync(
        BenchHost host,
        BenchCouncil council,
        int runs,
        CancellationToken cancellationToken
    )
    {
        var owner = council.Owners[0];
        var chief = council.ChiefOfficers[0];
        var to = UkTime.At(new DateOnly(2026, 11, 9), new TimeOnly(9, 0));
        // What one storage request costs here, on its own: Azurite answers a partition query by
        // scanning every row of the table, so on a big table each request is slow; Azure Table
        // storage serves the same query from the partition's index.
        var results = host.Services.GetRequiredService<PmfBot.Storage.Results.ResultStore>();
        var scorecards = host.Services.GetRequiredService<ScorecardQuery>();
        var measure = council.Catalogue.Measures[0].Reference;
        var service = DigestScope.OfService(council.Catalogue.Measures[0].ServiceCode);
        var department = DigestScope.OfDepartment(ChiefsDepartment(council));
        var ownerAsks =
            $"\"How is my service doing?\" from a service owner ({CountFor(council, owner)} measures), the whole turn";
        var chiefAsks =
            $"\"How is my service doing?\" from a Chief Officer (their department, {CountFor(council, chief)} "
            + "measures), "
            + "the whole turn";
        return
        [
            await TimeAsync(
                "One partition read of a measure's history (for comparison: one storage request)",
                runs,
                async () =>
                {
                    await results.GetHistoryAsync(measure, cancellationToken);
                    return 0;
                },
                host
            ),
            await TimeAsync(ownerAsks, runs, () => AskAsync(host, owner, Scorecard, cancellationToken), host),
            await TimeAsync(chiefAsks, runs, () => AskAsync(host, chief, Scorecard, cancellationToken), host),
            await TimeAsync(
                $"The whole council's weekly digest ({council.Catalogue.Measures.Count:N0} measures)",
                runs,
                () => DigestAsync(host, council, to, cancellationToken),
                host
            ),
            await TimeAsync(
                "A service's scorecard, read (its standings, escalations included)",
                runs,
                () => ScorecardAsync(scorecards, service, council, cancellationToken),
                host
            ),
            await TimeAsync(
                "A department's scorecard, read",
                runs,
                () => ScorecardAsync(scorecards, department, council, cancellationToken),
                host
            ),
            await TimeAsync(
                $"The Performance tab's data for a Chief Officer (their department, {CountFor(council, chief)} "
                    + "measures), over HTTP with a Teams SSO token",
                runs,
                () => TabAsync(host, host.TabToken(chief), cancellationToken),
                host
            ),
            await TimeAsync(
                $"The Q2 2026/27 performance report as a workbook for the whole council "
                    + $"({council.Catalogue.Measures.Count:N0} measures, charts included)",
                runs,
                () => WorkbookAsync(host, council, cancellationToken),
                host
            ),
            await TimeAsync(
                $"\"What's off track in my department?\" from a Chief Officer ({CountFor(council, chief)} measures), "
                    + "the whole turn",
                runs,
                () => AskAsync(host, chief, "what's off track in my department?", cancellationToken),
                host
            ),
            await TimeAsync(
                "\"Which measures got worse this quarter?\" from a Chief Officer, the whole turn",
                runs,
                () => AskAsync(host, chief, "which measures got worse this quarter?", cancellationToken),
                host
            ),
            await TimeAsync(
                "\"What did we say about the time of year?\" from a Chief Officer (commentary search), the whole turn",
                runs,
                () => AskAsync(host, chief, "what did we say about the time of year?", cancellationToken),
                host
            ),
            await TimeAsync(
                "\"Find a measure\" (the search message extension) for \"cases completed\" from a Chief Officer: "
                    + $"{CountFor(council, chief)} of their measures fit, the first 10 listed with their cards",
                runs,
                () => SearchAsync(host, chief, "cases completed", cancellationToken),
                host
            ),
        ];
    }

    /// <summary>A composeExtension/query invoke as Teams sends it: its answer's size (it must list cards).</summary>
    private static async Task<int> SearchAsync(
        BenchHost host,
        Person person,
        string text,
        CancellationToken cancellationToken
    )
    {
        var search = new Dictionary<string, object?>
        {
            ["type"] = "invoke",
            ["name"] = "composeExtension/query",
            ["value"] = new
            {
                commandId = "findMeasure",
                parameters = new[] { new { name = "query", value = text } },
                queryOptions = new { skip = 0, count = 25 },
            },
        };
        using var response = await PostAsync(host, person, "a-group-chat", "groupChat", search, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("\"attachments\"", StringComparison.Ordinal)
            ? body.Length
            : throw new InvalidOperationException($"\"Find a measure\" listed nothing: {body}");
    }

    private const string Scorecard = "how is my service doing?";

    /// <summary>The quarter's workbook for the whole council, written to memory: its size in bytes.</summary>
    private static async Task<int> WorkbookAsync(
        BenchHost host,
        BenchCouncil council,
        CancellationToken cancellationToken
    )
    {
        using var file = new MemoryStream();
        await host.Services.GetRequiredService<PmfBot.Features.Reports.Workbooks.QuarterlyWorkbook>()
            .WriteAsync(
                council.Catalogue,
                ReportingPeriod.Parse("Q2 2026/27"),
                DigestScope.WholeCouncil,
                file,
                cancellationToken
            );
        return (int)file.Length;
    }

    /// <summary>What the tab's page asks for when it opens: every measure the person may see, with its trend.</summary>
    private static async Task<int> TabAsync(BenchHost host, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/tab/measures", UriKind.Relative));
        request.Headers.Authorization = System.Net.Http.Headers.AuthenticationHeaderValue.Parse(token);
        using var response = await host.Client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
    }

    /// <summary>The department of the first Chief Officer: whose "how is my service doing?" is timed.</summary>
    private static string ChiefsDepartment(BenchCouncil council) =>
        council.Catalogue.Departments.First(d => d.ChiefOfficer == council.ChiefOfficers[0].Id).Code;

    private static async Task<int> ScorecardAsync(
        ScorecardQuery query,
        DigestScope scope,
        BenchCouncil council,
        CancellationToken cancellationToken
    )
    {
        var (measures, plans) = (scope.MeasuresIn(council.Catalogue), scope.PlanActivitiesIn(council.Catalogue));
        var scorecard = await query.ForAsync(scope, measures, plans, cancellationToken);
        return scorecard.Lines.Count == 0 ? throw new InvalidOperationException($"{scope} has no measures.") : 0;
    }

    private static int CountFor(BenchCouncil council, Person person)
    {
        var departments = council
            .Catalogue.Departments.Where(d => d.ChiefOfficer == person.Id)
            .Select(d => d.Code)
            .ToHashSet();
        var services = council
            .Catalogue.Services.Where(s => departments.Contains(s.DepartmentCode))
            .Select(s => s.Code)
            .ToHashSet();
        return departments.Count > 0
            ? council.Catalogue.Measures.Count(m => services.Contains(m.ServiceCode))
            : council.Catalogue.Measures.Count(m =>
                m.ServiceCode == council.Catalogue.Measures.First(x => x.Owner == person.Id).ServiceCode
            );
    }

    private static async Task<Timed> TimeAsync(string what, int runs, Func<Task<int>> run, BenchHost host)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            await run();
        }

        var times = new List<double>();
        var bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            bytes = await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        // Counted on a run of its own: the listener's own cost stays out of the timings.
        using var operations = new StorageOperations(host.Storage.Tables.Service.Uri, host.Storage.Prefix);
        await run();
        return new Timed(what, [.. times.Order()], operations.Requests, bytes);
    }

    /// <summary>
    /// The person types the question in their chat; done when the bot's answer has been posted (the HTTP turn ends
    /// after the reply).
    /// </summary>
    private static async Task<int> AskAsync(
        BenchHost host,
        Person person,
        string text,
        CancellationToken cancellationToken
    )
    {
        // A chat per question: Teams allows 8 messages in 2 s in one conversation, and a benchmark asking every
        // question in one chat back to back would time the bot waiting its turn to answer, not the answering.
        var chat = text == Scorecard
            ? BenchCouncil.ChatOf(person)
            : $"{BenchCouncil.ChatOf(person)}|{text.GetHashCode(StringComparison.Ordinal):x}";
        var before = host.Connector.CallsTo(chat).Count;
        host.Connector.RecordBodies = true; // the answer is read: a card, not an apology in words
        var message = new Dictionary<string, object?> { ["type"] = "message", ["text"] = text };
        using var response = await PostAsync(host, person, chat, "personal", message, cancellationToken);
        response.EnsureSuccessStatusCode();
        host.Connector.RecordBodies = false;
        var replies = host
            .Connector.CallsTo(chat)
            .Skip(before)
            .Where(c => c.Method == "POST" && c.Status < 300)
            .ToList();
        if (replies.Count != 1)
        {
            throw new InvalidOperationException($"Expected one answer posted to {chat}, saw {replies.Count}.");
        }

        var body = replies[0].Body!.Value;
        return body.TryGetProperty("attachments", out _)
            ? body.GetRawText().Length
            : throw new InvalidOperationException($"\"{text}\" got no card: {body.GetRawText()}");
    }

    /// <summary>
    /// An activity from <paramref name="person"/> in a conversation, as Teams posts it to /api/messages: what it is
    /// (<paramref name="what"/>: its type and the text or value) and the envelope every activity carries.
    /// </summary>
    private static Task<HttpResponseMessage> PostAsync(
        BenchHost host,
        Person person,
        string conversation,
        string conversationType,
        Dictionary<string, object?> what,
        CancellationToken cancellationToken
    )
    {
        var activity = new Dictionary<string, object?>(what)
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = host.Connector.ServiceUrl,
            ["from"] = new
            {
                id = $"29:{person.Id.Value}",
                name = person.Name,
                aadObjectId = person.AadObjectId,
            },
            ["recipient"] = new { id = BenchCouncil.BotId, name = "PmfBot" },
            ["conversation"] = new
            {
                id = conversation,
                conversationType,
                tenantId = BenchCouncil.Tenant,
            },
            ["channelData"] = new { tenant = new { id = BenchCouncil.Tenant } },
        };
        return host.Client.PostAsync(
            new Uri("/api/messages", UriKind.Relative),
            JsonContent.Create(activity),
            cancellationToken
        );
    }

    /// <summary>Exactly what the digest poster does for a whole-council subscription, short of posting it.</summary>
    private static async Task<int> DigestAsync(
        BenchHost host,
        BenchCouncil council,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        var digest = await host
            .Services.GetRequiredService<DigestBuilder>()
            .ComposeAsync(DigestScope.WholeCouncil, council.Catalogue, to.AddDays(-7), to, cancellationToken);
        var card = DigestCard.Build(
            DigestViews.Of(
                digest,
                DigestScope.WholeCouncil,
                council.Catalogue,
                "Benchmark Borough Council",
                late: false
            )
        );
        return Encoding.UTF8.GetByteCount(CardJson.ToJson(card));
    }

    private static string Times(int n) => n == 1 ? "once" : $"{n} times";

    private static string Requests(int n, string kind = "") => $"{n:N0} {kind}request{(n == 1 ? string.Empty : "s")}";

    public static async Task<BenchReport> RunAndReportAsync(
        int measures,
        int years,
        int runs,
        CancellationToken cancellationToken
    )
    {
        var council = BenchCouncil.Monthly(measures);
        var seeded = 0;
        var seeding = Stopwatch.StartNew();
        await using var host = await BenchHost.StartAsync(
            council,
            "2026-11-09T09:00",
            withChats: true,
            cancellationToken,
            async (storage, _) =>
                seeded = await council.SeedHistoryAsync(
                    storage.Tables,
                    ReportingPeriod.CalendarMonth(2026, 10),
                    years * 12,
                    UkTime.At(new DateOnly(2026, 11, 4), new TimeOnly(11, 0)),
                    cancellationToken
                )
        );
        seeding.Stop();

        // History was written as an import writes it, without events: the standings are rebuilt from it, timed.
        var rebuilding = Stopwatch.StartNew();
        var rebuilt = await host.Services.GetRequiredService<StandingsRepair>().RepairAsync(cancellationToken);
        rebuilding.Stop();

        var timed = await RunAsync(host, council, runs, cancellationToken);
        var yardstick = timed[0].Median;
        var services = council.Catalogue.Services.Count;
        var chiefsDepartment = ChiefsDepartment(council);
        var department = council.Catalogue.Services.Count(s => s.DepartmentCode == chiefsDepartment);
        var report = new BenchReport(
            "scale",
            "Scale: scorecards and digests for a big council",
            $"{measures:N0} monthly measures in {services} services and {council.Catalogue.Departments.Count} "
                + "departments, "
                + $"{years} years of history each ({seeded:N0} figures, seeded in {seeding.Elapsed.TotalSeconds:N0} "
                + "s); Azurite in "
                + $"memory; each question asked {Times(WarmUps)} to warm up, then {Times(runs)} timed. "
                + "Scorecards and digests read the standings (a partition per service); a whole turn also reads the "
                + "catalogue "
                + "and delegations and captures the conversation."
        );
        report.Figure(
            "Standings rebuilt from history for every measure",
            $"{rebuilding.Elapsed.TotalSeconds:N1} s ({rebuilt})"
        );
        foreach (var t in timed)
        {
            var requests = Requests(t.StorageRequests, "storage ");
            var what =
                t.What.StartsWith("The Performance tab", StringComparison.Ordinal) ? "JSON"
                : t.What.StartsWith("\"Find a measure\"", StringComparison.Ordinal) ? "answer"
                : t.What.Contains("workbook", StringComparison.Ordinal) ? "file"
                : "card";
            var card = t.CardBytes > 0 ? $", {what} {t.CardBytes / 1024.0:N1} KB" : string.Empty;
            var ratio = t.Median / yardstick;
            report.Figure(
                t.What,
                $"median {t.Median:N0} ms ({ratio:N1}× one partition read), worst {t.Worst:N0} ms, {requests}{card}"
            );
        }

        var workbookRequests = Requests(timed[7].StorageRequests);
        var questions = timed.Skip(8).Take(3).ToList();
        var search = timed[11];
        var (understood, phrasings, _) = QuestionPhrasings.Score(PmfBot.Features.Demo.DemoCouncil.Catalogue);
        report.Figure(
            "Phrasings understood (tests/PmfBot.Tests/Questions/Phrasings.md, as the table says)",
            $"{understood} of {phrasings} ({100.0 * understood / phrasings:N0}%)"
        );
        return report
            .Held(
                "Service owner's scorecard",
                "median ≤ 3× one partition read, ≤ 2 storage requests",
                $"{timed[4].Median / yardstick:N1}×, {Requests(timed[4].StorageRequests)}",
                timed[4].Median <= 3 * yardstick && timed[4].StorageRequests <= 2
            )
            .Held(
                "Chief Officer's department, the whole turn",
                $"median ≤ 300 ms, ≤ {department + 2} storage requests (services + 2) for the scorecard",
                $"{timed[2].Median:N0} ms, {Requests(timed[5].StorageRequests)}",
                timed[2].Median <= 300 && timed[5].StorageRequests <= department + 2
            )
            .Held(
                "Whole-council digest",
                $"median ≤ 1 s, ≤ {services + 5} storage requests, card ≤ 28 KB",
                $"{timed[3].Median:N0} ms, {Requests(timed[3].StorageRequests)}, {timed[3].CardBytes / 1024.0:N1} KB",
                timed[3].Median <= 1000 && timed[3].StorageRequests <= services + 5 && timed[3].CardBytes <= 28 * 1024
            )
            .Held(
                "Performance tab, a Chief Officer's department",
                "median < 500 ms for its data",
                $"{timed[6].Median:N0} ms, {Requests(timed[6].StorageRequests)}, {timed[6].CardBytes / 1024.0:N0} KB",
                timed[6].Median < 500
            )
            .Held(
                "The quarter's workbook for the whole council",
                "median < 5 s, < 2 MB",
                $"{timed[7].Median / 1000:N1} s, {timed[7].CardBytes / 1048576.0:N2} MB, {workbookRequests}",
                timed[7].Median < 5000 && timed[7].CardBytes < 2 * 1024 * 1024
            )
            .Held(
                "Questions in plain words: list questions and the commentary search, the whole turn",
                "p95 < 300 ms each",
                $"{questions[0].P95:N0} ms off track, {questions[1].P95:N0} ms worse, {questions[2].P95:N0} ms search",
                questions.All(q => q.P95 < 300)
            )
            .Held(
                "\"Find a measure\", the search message extension, over HTTP",
                "p95 < 300 ms (Teams gives it 5 s)",
                $"{search.P95:N0} ms, {Requests(search.StorageRequests)}, {search.CardBytes / 1024.0:N1} KB",
                search.P95 < 300
            )
            .Held(
                "Standings rebuild for the whole seed",
                "< 2 minutes",
                $"{rebuilding.Elapsed.TotalSeconds:N1} s",
                rebuilding.Elapsed < TimeSpan.FromMinutes(2)
            );
    }
}
