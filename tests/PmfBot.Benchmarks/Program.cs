using System.Globalization;
using System.Text;
using PmfBot.Benchmarks.Answers;
using PmfBot.Benchmarks.Council;
using PmfBot.Benchmarks.FanOut;
using PmfBot.Benchmarks.Harness;
using PmfBot.Benchmarks.Mixed;
using PmfBot.Benchmarks.Rules;
using PmfBot.Benchmarks.Scale;
using PmfBot.Testing;

// PmfBot's benchmarks. Run them with infra/local/bench.sh (it starts Azurite and sets
// PMFBOT_TEST_STORAGE); each writes Results/<name>.md, and Results/summary.md says which targets
// held in each benchmark's latest run.
const string Usage = """
    Usage: dotnet run -c Release --project tests/PmfBot.Benchmarks -- [all|fan-out|answers|mixed|scale|rules] [options]
      --owners N         owners prompted at quarter end (fan-out, answers, mixed; default 10000)
      --answers N        answers during the mixed run, at 20/s (default 3000: 150 s of them)
      --submissions N    card submissions (answers; default 3000)
      --rate N           submissions a second (answers; default 50)
      --measures N       measures in the big council (scale; default 2000)
      --years N          years of monthly history each (scale; default 5)
      --out FOLDER       where results go (default tests/PmfBot.Benchmarks/Results)
      --no-tokens        answers without inbound JWT validation (to see what it costs)
    """;

// the command comes first
var which = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
if (which is not ("all" or "fan-out" or "answers" or "mixed" or "scale" or "rules"))
{
    Console.WriteLine(Usage);
    return 2;
}

var wrong = new[] { "--owners", "--submissions", "--rate", "--measures", "--years", "--answers" }
    .Where(name =>
        Array.IndexOf(args, name) is >= 0 and var at
        && (at + 1 >= args.Length || !int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var n) || n < 1)
    )
    .ToList();
if (wrong.Count > 0)
{
    Console.WriteLine($"{string.Join(", ", wrong)} needs a whole number of 1 or more after it.\n\n{Usage}");
    return 2;
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

var outAt = Array.IndexOf(args, "--out");
var folder =
    outAt >= 0 && outAt + 1 < args.Length
        ? Path.GetFullPath(args[outAt + 1])
        : Repo.Path("tests", "PmfBot.Benchmarks", "Results");
Directory.CreateDirectory(folder);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var reports = new List<BenchReport>();
async Task Write(BenchReport report)
{
    reports.Add(report);
    var markdown = report.ToMarkdown(DateTimeOffset.UtcNow);
    await File.WriteAllTextAsync(Path.Combine(folder, report.Name + ".md"), markdown, stop.Token);
    Console.WriteLine(markdown);
}

var owners = Option("--owners", 10_000);
if (which is "all" or "fan-out" or "answers")
{
    Console.WriteLine($"Fan-out: seeding {owners:N0} owners, then one due scan…");
    var council = BenchCouncil.Quarterly(owners);
    await using var host = await BenchHost.StartAsync(
        council,
        "2026-10-01T10:00",
        withChats: true,
        stop.Token,
        checkTokens: !args.Contains("--no-tokens")
    );
    var fanOut = await FanOutBenchmark.MeasureAsync(host, council, stop.Token);
    if (which is not "answers")
    {
        await Write(fanOut);
    }

    if (which is "all" or "answers")
    {
        var submissions = Math.Min(Option("--submissions", 3_000), owners);
        var rate = Option("--rate", 50);
        Console.WriteLine($"Answers: {submissions:N0} submissions at {rate}/s…");
        await Write(
            AnswersBenchmark.Report(
                await AnswersBenchmark.RunAsync(host, council, submissions, rate, stop.Token),
                owners
            )
        );
    }
}

if (which is "all" or "mixed")
{
    Console.WriteLine(
        $"Mixed: seeding {owners:N0} owners and {MixedTrafficBenchmark.Digests} digest channels, then everything at "
            + "once…"
    );
    var council = BenchCouncil.Quarterly(owners);
    await using var host = await BenchHost.StartAsync(
        council,
        "2026-10-01T10:00",
        withChats: true,
        stop.Token,
        seedMore: (storage, serviceUrl) => MixedTrafficBenchmark.SeedDigestsAsync(storage, council, serviceUrl),
        checkTokens: !args.Contains("--no-tokens")
    );
    var answers = Math.Min(Option("--answers", 3_000), owners);
    await Write(
        MixedTrafficBenchmark.Report(
            await MixedTrafficBenchmark.RunAsync(host, council, answers, TimeSpan.FromSeconds(5), stop.Token)
        )
    );
}

if (which is "all" or "scale")
{
    Console.WriteLine("Scale: seeding the big council and its history…");
    await Write(
        await ScaleBenchmark.RunAndReportAsync(Option("--measures", 2_000), Option("--years", 5), runs: 5, stop.Token)
    );
}

if (which is "all" or "rules")
{
    await Write(RulesRun.RunAndReport(folder));
}

// The summary is of each benchmark's latest run, so running one benchmark again keeps the others' rows.
var summary = new StringBuilder(
    "# Benchmark summary\n\nThe latest run of each benchmark; its file has the details.\n\n| Benchmark | Target | Goal "
        + "| Measured | Kept |\n|---|---|---|---|---|\n"
);
foreach (var name in new[] { "fan-out", "answers", "mixed", "scale", "rules" })
{
    var file = Path.Combine(folder, name + ".md");
    if (!File.Exists(file))
    {
        continue;
    }

    var lines = await File.ReadAllLinesAsync(file, stop.Token);
    var run = lines.FirstOrDefault(l => l.StartsWith("Run ", StringComparison.Ordinal))?.Split(" UTC")[0][4..] ?? "?";
    foreach (
        var row in lines
            .SkipWhile(l => !l.StartsWith("| Target |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
    )
    {
        summary.Append(CultureInfo.InvariantCulture, $"| [{name}]({name}.md) ({run}) {row}\n");
    }
}

await File.WriteAllTextAsync(Path.Combine(folder, "summary.md"), summary.ToString(), stop.Token);
Console.WriteLine(summary);
return reports.SelectMany(r => r.Targets).All(t => t.Met) ? 0 : 1;
