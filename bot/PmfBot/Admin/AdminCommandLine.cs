using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Features.Reports;
using PmfBot.Files;
using PmfBot.Storage;
using PmfBot.Storage.Catalogue;

namespace PmfBot.Admin;

/// <summary>
/// The performance team's command line: the same binary as the bot, the same configuration
/// (appsettings.json, environment variables such as Storage__ConnectionString).
/// </summary>
/// <remarks>Exit codes: 0 done; 1 could not run (configuration, storage, file); 2 usage; 3 done, but some rows were
/// refused.</remarks>
public static class AdminCommandLine
{
    public const string Usage = """
        PmfBot admin commands (run with: dotnet run --project bot/PmfBot -- <command>)

          catalogue import <file.csv|file.xlsx> [--dry-run] [--report <report.csv>]
              Add or update measures from the performance team's spreadsheet. Each row is applied
              whole or refused whole; the report says which, and why. --dry-run writes nothing.
          catalogue export <file.csv>
              Write the catalogue in the import's own columns.
          results export <period> <file.csv>
              Write every measure's result for a period (e.g. "Q2 2026/27", "Oct 2026", "2026/27"),
              and every activity and its milestones beside it ("<file> activities.csv").
          results workbook <period> <file.xlsx>
              Write the period's performance report as a workbook for Cabinet and Scrutiny: a summary
              per department, the reds, the escalations, a sheet per department and the activities.
          standings rebuild
              Compare every measure's standing (what scorecards and digests read) with its history,
              and rebuild those that disagree. The bot also does this daily.
          person left <email>
              Record that someone has left (with Graph on, PmfBot also finds disabled and deleted
              accounts daily): their chat and delegations go, they are no longer prompted, and the
              performance team is told what now has nobody.
          person returned <email>
              Undo "person left": they are prompted again.
          demo seed [--as-of yyyy-MM-dd]
              Seed Northmere District Council (catalogue and two years of history).
          app-package --bot-id <guid> --domain <host> [--app-id <guid>] [--council <name>]
                      [--version 1.0.0] [--out <zip>] [--template <folder>]
              Build the Teams app package (appPackage/build.sh runs this).

        Storage comes from Storage__ConnectionString (for Azurite: UseDevelopmentStorage=true).
        """;

    /// <summary>
    /// A first argument that is a word (not an ASP.NET option like --urls or a Key=Value setting) is a command; unknown
    /// ones get the usage.
    /// </summary>
    public static bool IsAdminCommand(string[] args) =>
        args.Length > 0
        && (
            args[0] is "--help" or "-h"
            || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal))
        );

    /// <param name="settings">Configuration laid over appsettings and the environment (tests).</param>
    /// <param name="environment">The host environment ("Development"); null: DOTNET_ENVIRONMENT's, as usual.</param>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter? output = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? environment = null,
        CancellationToken cancellationToken = default
    )
    {
        var @out = output ?? Console.Out;
        Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> command) =>
            AdminCommandLine.WithServicesAsync(settings, environment, command);
        var words = args.Select(a => a.ToLowerInvariant()).Take(2).ToArray();
        var rest = args.Skip(2).ToList();
        try
        {
            return words switch
            {
                ["catalogue", "import"] when Positional(rest) is [var file] => await WithServicesAsync(s =>
                    ImportAsync(s, file, rest.Contains("--dry-run"), Option(rest, "--report"), @out, cancellationToken)
                ),
                ["catalogue", "export"] when Positional(rest) is [var file] => await WithServicesAsync(s =>
                    ExportCatalogueAsync(s, file, @out, cancellationToken)
                ),
                ["results", "export"] when Positional(rest) is [var period, var file] => await ForPeriodAsync(
                    period,
                    @out,
                    p => WithServicesAsync(s => ExportResultsAsync(s, p, file, @out, cancellationToken))
                ),
                ["results", "workbook"] when Positional(rest) is [var period, var file] => await ForPeriodAsync(
                    period,
                    @out,
                    p => WithServicesAsync(s => WriteWorkbookAsync(s, p, file, @out, cancellationToken))
                ),
                ["standings", "rebuild"] when Positional(rest) is [] => await WithServicesAsync(s =>
                    RebuildStandingsAsync(s, @out, cancellationToken)
                ),
                ["person", "left"] when Positional(rest) is [var email] => await WithServicesAsync(s =>
                    PersonCommands.LeftAsync(s, email, @out, cancellationToken)
                ),
                ["person", "returned"] when Positional(rest) is [var email] => await WithServicesAsync(s =>
                    PersonCommands.ReturnedAsync(s, email, @out, cancellationToken)
                ),
                ["demo", "seed"] when Positional(rest) is [] => await WithServicesAsync(s =>
                    SeedAsync(s, Option(rest, "--as-of"), @out, cancellationToken)
                ),
                ["app-package", ..] => await AppPackageAsync(args.Skip(1).ToList(), @out),
                ["help"] or ["--help"] or ["-h"] => Help(@out, 0),
                _ => Help(@out, 2),
            };
        }
        catch (OptionsValidationException e)
        {
            await @out.WriteLineAsync($"Configuration problem: {string.Join(" ", e.Failures)}");
            return 1;
        }
        catch (Exception e) when (Storage.StorageFault.Is(e))
        {
            await @out.WriteLineAsync(
                $"Table storage could not be reached ({e.GetBaseException().Message}). Is Azurite running, and is "
                    + "Storage__ConnectionString right?"
            );
            return 1;
        }
        catch (Exception e)
            when (e is IOException or UnauthorizedAccessException or InvalidDataException or FileFormatException)
        {
            await @out.WriteLineAsync($"Could not read or write the file: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> WithServicesAsync(
        IReadOnlyDictionary<string, string?>? settings,
        string? environment,
        Func<IServiceProvider, Task<int>> command
    )
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings
            {
                Args = [],
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = environment,
            }
        );
        // Not the web host: the bot's web-only services (a report link's server address) can't be built here, and
        // Development's check of every service at build would refuse the commands that never use them.
        builder.ConfigureContainer(
            new DefaultServiceProviderFactory(
                new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false }
            )
        );
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPmfBot(builder.Configuration);
        using var host = builder.Build();
        // validates: a clear message before any I/O
        _ = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await host.Services.GetRequiredService<PmfTables>().EnsureCreatedAsync(CancellationToken.None);
        return await command(host.Services);
    }

    private static async Task<int> ImportAsync(
        IServiceProvider services,
        string file,
        bool dryRun,
        string? reportPath,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"There is no file {file}.");
            return 1;
        }

        var report = await services
            .GetRequiredService<CatalogueImporter>()
            .ImportAsync(
                TabularFile.Read(file),
                Path.GetFileName(file),
                dryRun,
                services.GetRequiredService<CouncilRules>().DefaultTolerance,
                cancellationToken
            );
        foreach (var row in report.Rows)
        {
            var details = row.Details.Count == 0 ? string.Empty : "  " + string.Join("; ", row.Details);
            await output.WriteLineAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Row {row.Row, -4} {row.Reference, -10} {row.Outcome.ToString().ToLowerInvariant(), -9}{details}"
                )
            );
        }

        await output.WriteLineAsync(report.Summary);
        if (!dryRun && report.FileProblems.Count == 0)
        {
            // Measures added or moved to another service stand where scorecards will look for them.
            await services.GetRequiredService<Standings.StandingsRepair>().RebuildAsync(cancellationToken);
        }

        // With Graph on, the catalogue's people are matched to their Entra accounts, so the first prompt reaches
        // everyone.
        if (report.FileProblems.Count == 0 && services.GetService<Features.People.PeopleResolver>() is { } people)
        {
            var matched = await people.ResolveAsync(dryRun, cancellationToken);
            foreach (var missing in matched.NotFound)
            {
                await output.WriteLineAsync($"Not in the directory: {missing}");
            }

            await output.WriteLineAsync(matched.Summary);
        }

        if (reportPath is not null)
        {
            await using var writer = new StreamWriter(reportPath);
            using var csv = CsvWriter.Create(writer, CsvFiles.WriterOptions, leaveOpen: true);
            csv.WriteRecord(["Row", "Reference", "Outcome", "Details"]);
            foreach (var problem in report.FileProblems)
            {
                csv.WriteRecord(["1", string.Empty, "Refused", problem]);
            }

            foreach (var row in report.Rows)
            {
                csv.WriteRecord([
                    row.Row.ToString(CultureInfo.InvariantCulture),
                    row.Reference,
                    row.Outcome.ToString(),
                    string.Join("; ", row.Details),
                ]);
            }

            await output.WriteLineAsync($"Report written to {reportPath}.");
        }

        return report.HasRefusals ? 3 : 0;
    }

    private static async Task<int> ExportCatalogueAsync(
        IServiceProvider services,
        string file,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var catalogue = await services.GetRequiredService<CatalogueStore>().LoadAsync(cancellationToken);
        await using (var writer = new StreamWriter(file))
        {
            CatalogueExporter.Write(catalogue, writer);
        }

        await output.WriteLineAsync($"{catalogue.Measures.Count} measures written to {file}.");
        return 0;
    }

    /// <summary>Runs a command for a period as written ("Q2 2026/27"), or says why it isn't one.</summary>
    private static async Task<int> ForPeriodAsync(string text, TextWriter output, Func<ReportingPeriod, Task<int>> run)
    {
        if (ReportingPeriod.TryParse(text, out var period))
        {
            return await run(period);
        }

        await output.WriteLineAsync($"\"{text}\" is not a period. {ReportingPeriod.Examples}");
        return 2;
    }

    private static async Task<int> ExportResultsAsync(
        IServiceProvider services,
        ReportingPeriod period,
        string file,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var catalogue = await services.GetRequiredService<CatalogueStore>().LoadAsync(cancellationToken);
        int count;
        await using (var writer = new StreamWriter(file))
        {
            (count, _) = await services
                .GetRequiredService<ResultsExporter>()
                .WriteAsync(catalogue, period, writer, cancellationToken);
        }

        await output.WriteLineAsync($"{count} measures' results for {period} written to {file}.");
        var activities = Path.Combine(
            Path.GetDirectoryName(Path.GetFullPath(file))!,
            Path.GetFileNameWithoutExtension(file) + " activities" + Path.GetExtension(file)
        );
        await using (var writer = new StreamWriter(activities))
        {
            count = await services
                .GetRequiredService<PlanActivitiesExporter>()
                .WriteAsync(catalogue, period, Domain.Digests.DigestScope.WholeCouncil, writer, cancellationToken);
        }

        await output.WriteLineAsync($"{count} activities and their milestones for {period} written to {activities}.");
        return 0;
    }

    private static async Task<int> WriteWorkbookAsync(
        IServiceProvider services,
        ReportingPeriod period,
        string file,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var catalogue = await services.GetRequiredService<CatalogueStore>().LoadAsync(cancellationToken);
        Features.Reports.Workbooks.WorkbookSummary summary;
        await using (var stream = File.Create(file))
        {
            summary = await services
                .GetRequiredService<Features.Reports.Workbooks.QuarterlyWorkbook>()
                .WriteAsync(catalogue, period, Domain.Digests.DigestScope.WholeCouncil, stream, cancellationToken);
        }

        await output.WriteLineAsync(
            $"The {period} performance report written to {file}: {summary.Measures} measures ({summary.Red} Red, "
                + $"{summary.NoReturn} with no return), {summary.Escalations} escalations, {summary.Activities} "
                + "activities."
        );
        return 0;
    }

    private static async Task<int> RebuildStandingsAsync(
        IServiceProvider services,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var summary = await services.GetRequiredService<Standings.StandingsRepair>().RepairAsync(cancellationToken);
        await output.WriteLineAsync(summary.ToString());
        return 0;
    }

    private static async Task<int> SeedAsync(
        IServiceProvider services,
        string? asOfText,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (asOfText is not null)
        {
            if (
                !DateOnly.TryParseExact(
                    asOfText,
                    "yyyy-MM-dd",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out _
                )
            )
            {
                await output.WriteLineAsync($"--as-of \"{asOfText}\" must be a date written yyyy-MM-dd.");
                return 2;
            }

            options = new DemoOptions { AsOf = asOfText };
        }

        var summary = await services
            .GetRequiredService<DemoSeeder>()
            .SeedAsync(DemoStartup.AsOf(options, services.GetRequiredService<TimeProvider>()), cancellationToken);
        await output.WriteLineAsync(summary.ToString());
        return 0;
    }

    private static async Task<int> AppPackageAsync(List<string> options, TextWriter output)
    {
        var botId = Option(options, "--bot-id") ?? string.Empty;
        var settings = new AppPackageSettings(
            botId,
            Option(options, "--app-id") ?? botId,
            Option(options, "--domain") ?? string.Empty,
            Option(options, "--council") ?? "Northmere District Council",
            Option(options, "--version") ?? "1.0.0"
        );
        var problems = AppPackageBuilder.Problems(settings);
        if (problems.Count > 0)
        {
            await output.WriteLineAsync(string.Join(Environment.NewLine, problems));
            return 2;
        }

        var template = Option(options, "--template") ?? "appPackage";
        var zip = Option(options, "--out") ?? Path.Combine(template, "build", "pmfbot.zip");
        AppPackageBuilder.Build(template, settings, zip);
        await output.WriteLineAsync(
            $"Teams app package written to {zip}: upload it in Teams Admin Center (or Developer Portal)."
        );
        return 0;
    }

    private static int Help(TextWriter output, int exitCode)
    {
        output.WriteLine(Usage);
        return exitCode;
    }

    private static List<string> Positional(List<string> rest)
    {
        var positional = new List<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            if (
                rest[i]
                is "--report"
                    or "--as-of"
                    or "--bot-id"
                    or "--app-id"
                    or "--domain"
                    or "--council"
                    or "--version"
                    or "--out"
                    or "--template"
            )
            {
                i++;
            }
            else if (!rest[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(rest[i]);
            }
        }

        return positional;
    }

    private static string? Option(List<string> rest, string name)
    {
        var index = rest.IndexOf(name);
        return index >= 0 && index + 1 < rest.Count ? rest[index + 1] : null;
    }
}
