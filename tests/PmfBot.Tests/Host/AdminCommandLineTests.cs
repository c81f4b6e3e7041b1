using PmfBot.Admin;
using PmfBot.Storage.Catalogue;

namespace PmfBot.Tests.Host;

public class AdminCommandLineTests : StorageTestBase
{
    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(args, output, Settings);
        return (exit, output.ToString());
    }

    /// <summary>As in Azure: "person left" may message the performance team, so it needs the bot's settings.</summary>
    private async Task<(int Exit, string Output)> RunAsTheBotAsync(params string[] args)
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "false",
            ["Bot:AppId"] = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05",
            ["Bot:AppSecret"] = "not-used-here",
            ["Bot:TenantId"] = "7d1b3c52-9a4e-4c1f-8e2a-6b5d0c3a9f10",
        };
        var output = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(args, output, settings);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task CatalogueImport_WithARefusedRow_ReportsEachRow_WritesTheReport_AndExitsThree()
    {
        var dir = Directory.CreateTempSubdirectory("pmfbot-cli-").FullName;
        var csv = Path.Combine(dir, "catalogue.csv");
        await File.WriteAllTextAsync(csv, """
            Reference,Title,Department,Chief officer,Service,Unit,Better,Frequency,Target,Owner
            NI 192,Recycling,Place,Dan Okoro <dan@council.gov.uk>,Waste,%,higher,quarterly,50,Sam Taylor <sam@council.gov.uk>
            XX 1,Bad,Place,,Waste,%,higher,fortnightly,50,sam@council.gov.uk
            """);

        var (exit, output) = await RunAsync("catalogue", "import", csv, "--report", Path.Combine(dir, "report.csv"));

        Assert.Equal(3, exit);
        Assert.Contains("Row 2    NI 192     added", output, StringComparison.Ordinal);
        Assert.Contains("Row 3    XX 1       refused    unknown frequency \"fortnightly\"", output, StringComparison.Ordinal);
        Assert.Contains("catalogue.csv: 1 added, 0 changed, 0 unchanged, 1 refused.", output, StringComparison.Ordinal);
        var report = await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"));
        Assert.Equal("Row,Reference,Outcome,Details", report[0]);
        Assert.StartsWith("3,XX 1,Refused,\"unknown frequency \"\"fortnightly\"\"", report[2], StringComparison.Ordinal);
        Assert.Single((await new CatalogueStore(Storage.Tables).LoadAsync(default)).Measures);
    }

    [Fact]
    public async Task CatalogueImport_DryRun_WritesNothing_AndExitsZeroWhenAllRowsAreGood()
    {
        var csv = Path.Combine(Directory.CreateTempSubdirectory("pmfbot-cli-").FullName, "ok.csv");
        await File.WriteAllTextAsync(csv, "Reference,Title,Department,Chief officer,Service,Unit,Better,Frequency,Owner\nNI 192,Recycling,Place,Dan <dan@council.gov.uk>,Waste,%,higher,Q,Sam <sam@council.gov.uk>\n");

        var (exit, output) = await RunAsync("catalogue", "import", csv, "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("(dry run: nothing written): 1 added", output, StringComparison.Ordinal);
        Assert.Empty((await new CatalogueStore(Storage.Tables).LoadAsync(default)).Measures);
    }

    [Fact]
    public async Task DemoSeed_ThenExports_WriteFilesAndSaySo()
    {
        var dir = Directory.CreateTempSubdirectory("pmfbot-cli-").FullName;

        var seed = await RunAsync("demo", "seed", "--as-of", "2026-11-22");
        var catalogue = await RunAsync("catalogue", "export", Path.Combine(dir, "catalogue.csv"));
        var results = await RunAsync("results", "export", "Q2 2026/27", Path.Combine(dir, "q2.csv"));

        Assert.Equal((0, 0, 0), (seed.Exit, catalogue.Exit, results.Exit));
        Assert.Contains("25 measures in 13 services", seed.Output, StringComparison.Ordinal);
        Assert.Equal(26, (await File.ReadAllLinesAsync(Path.Combine(dir, "catalogue.csv"))).Length);
        Assert.Contains("25 measures' results for Q2 2026/27 written", results.Output, StringComparison.Ordinal);
        var written = "4 activities and their milestones for Q2 2026/27 written";
        Assert.Contains(written, results.Output, StringComparison.Ordinal);
        var activities = await File.ReadAllLinesAsync(Path.Combine(dir, "q2 activities.csv"));
        Assert.Equal(5, activities.Length);
        Assert.StartsWith("Department,Service,Code,Title,Owner,Due date,Status", activities[0],
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("results export \"next quarter\" out.csv", 2, "is not a period")]
    [InlineData("results workbook \"next quarter\" out.xlsx", 2, "is not a period")]
    [InlineData("demo seed --as-of 22/11/2026", 2, "must be a date written yyyy-MM-dd")]
    [InlineData("catalogue import /no/such/file.csv", 1, "There is no file /no/such/file.csv.")]
    [InlineData("catalogue frobnicate", 2, "PmfBot admin commands")]
    [InlineData("help", 0, "catalogue import <file.csv|file.xlsx>")]
    public async Task BadInput_GetsAClearMessageAndExitCode(string commandLine, int exit, string message)
    {
        var args = System.Text.RegularExpressions.Regex.Matches(commandLine, "\"[^\"]*\"|\\S+").Select(m => m.Value.Trim('"')).ToArray();

        var result = await RunAsync(args);

        Assert.Equal(exit, result.Exit);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoStorageConfigured_SaysWhichSettingIsMissing()
    {
        var output = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(["catalogue", "export", "x.csv"], output, new Dictionary<string, string?> { ["Storage:ConnectionString"] = string.Empty });

        Assert.Equal(1, exit);
        Assert.Contains("Storage:ConnectionString is required", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageUnreachable_SaysSo()
    {
        var output = new StringWriter();
        var unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        var exit = await AdminCommandLine.RunAsync(["catalogue", "export", "x.csv"], output, new Dictionary<string, string?> { ["Storage:ConnectionString"] = unreachable, ["Storage:TablePrefix"] = "Unreachable" });

        Assert.Equal(1, exit);
        Assert.Contains("Table storage could not be reached", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "catalogue", "import", "x" }, true)]
    [InlineData(new[] { "anything" }, true)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:3978" }, false)]
    [InlineData(new[] { "Storage:ConnectionString=UseDevelopmentStorage=true" }, false)]
    [InlineData(new string[0], false)]
    public void IsAdminCommand_WordsAreCommands_OptionsAndSettingsAreForTheWebHost(string[] args, bool expected) =>
        Assert.Equal(expected, AdminCommandLine.IsAdminCommand(args));

    [Fact]
    public async Task PersonLeft_WithoutGraph_RecordsThem_SaysWhatTheyHeld_AndReturnedUndoesIt()
    {
        Assert.Equal(0, (await RunAsync("demo", "seed", "--as-of", "2026-11-07")).Exit);
        var leavers = new Storage.People.LeaverStore(Storage.Tables);

        var (exit, output) = await RunAsTheBotAsync("person", "left", "Fiona.Grant@northmere.gov.uk");

        Assert.Equal(0, exit);
        Assert.Contains("Recorded Fiona Grant (fiona.grant@northmere.gov.uk) as left.", output,
            StringComparison.Ordinal);
        Assert.Contains("owner of FI 01", output, StringComparison.Ordinal);
        Assert.Contains("owner of activity housing-system", output, StringComparison.Ordinal);
        Assert.Contains("Head of Service of Finance", output, StringComparison.Ordinal);
        var leaver = await leavers.GetAsync(Features.Demo.DemoPeople.FionaGrant.Id, default);
        Assert.Equal(Domain.People.LeavingReason.MarkedByPerformanceTeam, leaver!.Why);

        var again = await RunAsTheBotAsync("person", "left", "fiona.grant@northmere.gov.uk");
        Assert.Contains("was already recorded as left", again.Output, StringComparison.Ordinal);
        var returned = await RunAsTheBotAsync("person", "returned", "fiona.grant@northmere.gov.uk");
        Assert.Contains("is no longer recorded as left", returned.Output, StringComparison.Ordinal);
        Assert.Null(await leavers.GetAsync(Features.Demo.DemoPeople.FionaGrant.Id, default));
        Assert.Equal(2, (await RunAsTheBotAsync("person", "left", "not-an-email")).Exit);
    }

    [Fact]
    public async Task InDevelopment_AsAgainstThePlaygroundsAzurite_PersonLeftRuns()
    {
        Assert.Equal(0, (await RunAsync("demo", "seed", "--as-of", "2026-11-07")).Exit);
        var output = new StringWriter();

        // The local demo's own settings: no Bot:AppId, unauthenticated requests allowed, in Development only.
        var exit = await AdminCommandLine.RunAsync(
            ["person", "left", "chris.evans@northmere.gov.uk"], output, Settings, environment: "Development");

        Assert.Equal(0, exit);
        Assert.Contains("Recorded Chris Evans", output.ToString(), StringComparison.Ordinal);
    }
}
