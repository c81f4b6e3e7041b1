using System.Text;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Catalogue;
using PmfBot.Storage.Catalogue;

namespace PmfBot.Tests.Catalogue;

public class CatalogueImporterTests : StorageTestBase
{
    private const string Header = "Reference,Title,Department,Chief officer,Service,Head of service,Unit,Decimals,Better,Frequency,Target,Tolerance,Owner,Delegates,Escalation owner,Priorities,Active from,Active to,Deadline";

    private const string Good1 = "NI 192,Household waste recycled,Place,Dan Okoro <dan@council.gov.uk>,Waste,,%,1,higher,quarterly,50; Q4 2026/27=52,5%,Sam Taylor <sam@council.gov.uk>,,,A greener district,2020-04-01,,";
    private const string Good2 = "WM 03,Missed bins per 100k,Place,,Waste,,number,0,lower,monthly,80,10,sam@council.gov.uk,,,,,,5th working day";

    private CatalogueStore Store => new(Storage.Tables);

    private async Task<ImportReport> ImportAsync(string csv, bool dryRun = false) =>
        await new CatalogueImporter(Store).ImportAsync(TabularFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv))), "test.csv", dryRun, Margin.DefaultTolerance, default);

    [Fact]
    public async Task Import_GoodAndBadRows_ImportsTheGoodOnes_ReportsEachBadOneWithAReason_AndLeavesNoHalfRow()
    {
        var csv = string.Join('\n',
            Header,
            Good1,
            "XX 1,Bad frequency,Resources,Pat Jones <pat@council.gov.uk>,Audit,,%,1,higher,fortnightly,90,,Pat Jones <pat@council.gov.uk>,,,,,,",
            "XX 2,No owner,Place,,Planning,,%,1,higher,quarterly,70,,,,,,,,",
            "NI 192,Duplicate,Place,,Waste,,%,1,higher,quarterly,50,,sam@council.gov.uk,,,,,,",
            "XX 3,Unknown person,Place,,Waste,,%,1,higher,quarterly,50,,nobody@council.gov.uk,,,,,,",
            "XX 4,Wrong unit and target,Place,,Waste,,furlongs per fortnight!,1,sideways,quarterly,fifty,,sam@council.gov.uk,,,,31/02/2026,,",
            Good2);

        var report = await ImportAsync(csv);

        Assert.Equal(
            [(2, RowOutcome.Added), (3, RowOutcome.Refused), (4, RowOutcome.Refused), (5, RowOutcome.Refused), (6, RowOutcome.Refused), (7, RowOutcome.Refused), (8, RowOutcome.Added)],
            report.Rows.Select(r => (r.Row, r.Outcome)));
        Assert.Contains("unknown frequency \"fortnightly\"", Reasons(report, 3));
        Assert.Contains("Owner is missing", Reasons(report, 4));
        Assert.Contains("duplicate reference NI 192: already on row 2", Reasons(report, 5));
        Assert.Contains("Owner nobody@council.gov.uk is not known yet: write it as Name <nobody@council.gov.uk>", Reasons(report, 6));
        var many = Reasons(report, 7);
        Assert.Contains("unknown unit", many);
        Assert.Contains("unknown \"Better\" value \"sideways\"", many);
        Assert.Contains("target \"fifty\" is not a number", many);
        Assert.Contains("Active from \"31/02/2026\" is not a date", many);
        Assert.True(report.HasRefusals);
        Assert.Equal("test.csv: 2 added, 0 changed, 0 unchanged, 5 refused.", report.Summary);

        var stored = await Store.LoadAsync(default);
        Assert.Equal(["NI 192", "WM 03"], stored.Measures.Select(m => m.Reference.Value).Order());
        Assert.Equal(["place"], stored.Departments.Select(d => d.Code));         // not Resources from the refused row 3
        Assert.Equal(["waste"], stored.Services.Select(s => s.Code));            // not Audit or Planning
        Assert.Null(stored.FindPerson(PersonId.Parse("pat@council.gov.uk")));    // the refused row's people weren't written
        var ni192 = stored.FindMeasure(MeasureReference.Parse("NI 192"))!;
        Assert.Equal(52, ni192.Targets.For(ReportingPeriod.Parse("Q4 2026/27")));
        Assert.Equal(PersonId.Parse("dan@council.gov.uk"), ni192.EscalationOwner); // the department's chief officer by default
        var wm03 = stored.FindMeasure(MeasureReference.Parse("WM 03"))!;
        Assert.Equal(Margin.Absolute(10), wm03.Tolerance);
        Assert.IsType<Domain.Deadlines.DeadlineRule.WorkingDayOfFollowingMonth>(wm03.DeadlineRule);
    }

    [Fact]
    public async Task Import_DryRun_ReportsTheSame_AndWritesNothing()
    {
        var csv = string.Join('\n', Header, Good1, Good2, "XX 1,,Place,,Waste,,%,1,higher,quarterly,,,sam@council.gov.uk,,,,,,");

        var dry = await ImportAsync(csv, dryRun: true);
        var stored = await Store.LoadAsync(default);
        var real = await ImportAsync(csv);

        Assert.Empty(stored.Measures);
        Assert.Empty(stored.People);
        Assert.Equal(real.Rows, dry.Rows, new RowComparer());
        Assert.StartsWith("test.csv (dry run: nothing written): 2 added", dry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Again_WithChanges_ReportsWhatChanged()
    {
        await ImportAsync(string.Join('\n', Header, Good1, Good2));
        var changed = Good1.Replace("50; Q4 2026/27=52", "55", StringComparison.Ordinal).Replace("Sam Taylor <sam@", "Sam Taylor-Brown <sam@", StringComparison.Ordinal);

        var report = await ImportAsync(string.Join('\n', Header, changed, Good2));

        Assert.Equal(RowOutcome.Changed, report.Rows[0].Outcome);
        Assert.Equal(["target changed", "sam@council.gov.uk: name now Sam Taylor-Brown"], report.Rows[0].Details);
        Assert.Equal(RowOutcome.Unchanged, report.Rows[1].Outcome);
        var stored = await Store.LoadAsync(default);
        Assert.Equal(55, stored.FindMeasure(MeasureReference.Parse("NI 192"))!.Targets.Standing);
        Assert.Equal("Sam Taylor-Brown", stored.FindPerson(PersonId.Parse("sam@council.gov.uk"))!.Name);
    }

    [Fact]
    public async Task Import_ACumulativeColumn_MakesAMeasureYearToDate_AndAWordItDoesNotKnowIsRefused()
    {
        var header = Header + ",Cumulative";
        var ytd = "RB 03,Council tax collected in year,Resources,Pat Jones <pat@council.gov.uk>,Revenues,,%,1,higher,"
            + "monthly,97.5,1,Pat Jones <pat@council.gov.uk>,,,,,,,year to date";
        var unsure = "RB 04,Business rates collected,Resources,,Revenues,,%,1,higher,monthly,98,1,pat@council.gov.uk,"
            + ",,,,,,sometimes";

        var report = await ImportAsync(string.Join('\n', header, ytd, Good1 + ",", unsure));

        Assert.Equal([RowOutcome.Added, RowOutcome.Added, RowOutcome.Refused], report.Rows.Select(r => r.Outcome));
        Assert.Contains("cumulative \"sometimes\" not understood", Reasons(report, 4));
        var stored = await Store.LoadAsync(default);
        Assert.Equal(Accumulation.YearToDate, stored.FindMeasure(MeasureReference.Parse("RB 03"))!.Accumulation);
        Assert.Equal(Accumulation.PerPeriod, stored.FindMeasure(MeasureReference.Parse("NI 192"))!.Accumulation);

        var perPeriod = ytd.Replace("year to date", "", StringComparison.Ordinal);
        var again = await ImportAsync(string.Join('\n', header, perPeriod));
        Assert.Equal(["cumulative changed"], again.Rows[0].Details);
    }

    [Fact]
    public async Task Import_ServiceUnderAnotherDepartment_Refused()
    {
        await ImportAsync(string.Join('\n', Header, Good1));
        var moved = "RB 01,Benefit days,Resources,Pat Jones <pat@council.gov.uk>,Waste,,days,1,lower,monthly,20,,sam@council.gov.uk,,,,,,";

        var report = await ImportAsync(string.Join('\n', Header, moved));

        Assert.Contains("service Waste belongs to Place, not Resources", Reasons(report, 2));
        Assert.DoesNotContain((await Store.LoadAsync(default)).Departments, d => d.Code == "resources");
    }

    [Fact]
    public async Task Import_MissingRequiredColumn_ImportsNothingAndSaysWhich()
    {
        var report = await ImportAsync("Reference,Title,Service\nNI 192,Recycling,Waste");

        Assert.Empty(report.Rows);
        Assert.Contains("The header row has no Department, Unit, Better, Frequency, Owner columns.", report.Summary, StringComparison.Ordinal);
        Assert.Empty((await Store.LoadAsync(default)).Measures);
    }

    [Fact]
    public async Task Import_HeadersInAnyCaseAndCommonAliases_AreUnderstood()
    {
        var csv = "ref,INDICATOR,department,chief officer email,service,unit,polarity,freq,owner email\n" +
                  "NI 192,Recycling,Place,Dan Okoro <dan@council.gov.uk>,Waste,%,higher,Q,Sam Taylor <sam@council.gov.uk>";

        var report = await ImportAsync(csv);

        Assert.Equal(RowOutcome.Added, Assert.Single(report.Rows).Outcome);
    }

    [Fact]
    public async Task Import_RowNumbersMatchTheSpreadsheet_EvenWithBlankLines()
    {
        var report = await ImportAsync(string.Join('\n', Header, Good1, string.Empty, ",,,,,,,,,,,,,,,,,,", "XX 9,,Place,,Waste,,%,1,higher,quarterly,,,sam@council.gov.uk,,,,,,"));

        Assert.Equal([2, 5], report.Rows.Select(r => r.Row));
    }

    private static string Reasons(ImportReport report, int row) => string.Join(" | ", report.Rows.Single(r => r.Row == row).Details);

    private sealed class RowComparer : IEqualityComparer<ImportRowReport>
    {
        public bool Equals(ImportRowReport? x, ImportRowReport? y) =>
            x!.Row == y!.Row && x.Outcome == y.Outcome && x.Reference == y.Reference && x.Details.SequenceEqual(y.Details);

        public int GetHashCode(ImportRowReport obj) => obj.Row;
    }
}
