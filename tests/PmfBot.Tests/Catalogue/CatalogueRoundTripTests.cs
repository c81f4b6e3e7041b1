using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Results;

namespace PmfBot.Tests.Catalogue;

public class CatalogueRoundTripTests : StorageTestBase
{
    [Fact]
    public async Task Export_ThenImport_IsUnchanged()
    {
        await DemoSeeder().SeedAsync(new DateOnly(2026, 11, 22), default);
        var catalogue = await new CatalogueStore(Storage.Tables).LoadAsync(default);
        var csv = new StringWriter();
        CatalogueExporter.Write(catalogue, csv);

        var report = await new CatalogueImporter(new CatalogueStore(Storage.Tables))
            .ImportAsync(TabularFile.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString()))), "export.csv", dryRun: true, Margin.DefaultTolerance, default);

        Assert.Equal(25, report.Rows.Count);
        Assert.All(report.Rows, r => Assert.True(r.Outcome == RowOutcome.Unchanged, $"row {r.Row} {r.Reference}: {r.Outcome} {string.Join("; ", r.Details)}"));
    }

    [Fact]
    public void Export_FormulaLikeText_IsEscaped_AndImportUndoesIt()
    {
        var person = new Person(PersonId.Parse("sam@council.gov.uk"), "Sam Taylor");
        var measure = DemoCouncil.Measures[0].Measure with { Title = "=HYPERLINK(\"http://evil\")", Owner = person.Id, EscalationOwner = person.Id };
        var catalogue = CouncilCatalogue.Empty with { Measures = [measure], People = [person] };
        var csv = new StringWriter();

        CatalogueExporter.Write(catalogue, csv);

        Assert.Contains("'=HYPERLINK", csv.ToString(), StringComparison.Ordinal);
        var row = TabularFile.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString()))).Rows[0];
        Assert.Equal("=HYPERLINK(\"http://evil\")", row[CatalogueColumns.Title]);
    }

    [Fact]
    public async Task Import_Xlsx_ReadsTheFirstSheetLikeACsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalogue-{Guid.NewGuid():N}.xlsx");
        try
        {
            WriteXlsx(path,
            [
                ["Reference", "Title", "Department", "Chief officer", "Service", "Unit", "Better", "Frequency", "Target", "Owner"],
                ["NI 192", "Recycling", "Place", "Dan Okoro <dan@council.gov.uk>", "Waste", "%", "higher", "quarterly", "50", "Sam Taylor <sam@council.gov.uk>"],
                [],
                ["XX 1", "Bad", "Place", string.Empty, "Waste", "%", "higher", "weekly", "50", "sam@council.gov.uk"],
            ]);

            var report = await new CatalogueImporter(new CatalogueStore(Storage.Tables)).ImportAsync(TabularFile.Read(path), "catalogue.xlsx", false, Margin.DefaultTolerance, default);

            Assert.Equal([(2, RowOutcome.Added), (4, RowOutcome.Refused)], report.Rows.Select(r => (r.Row, r.Outcome)));
            Assert.Equal(50, (await new CatalogueStore(Storage.Tables).LoadAsync(default)).FindMeasure(MeasureReference.Parse("NI 192"))!.Targets.Standing);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A real .xlsx, as Excel writes it: shared strings for text, rows numbered.</summary>
    private static void WriteXlsx(string path, string[][] rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length == 0)
            {
                continue; // Excel leaves empty rows out entirely
            }

            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(rows[r][c])));
                var index = strings.SharedStringTable.Count() - 1;
                row.AppendChild(new Cell { CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
            }

            data.AppendChild(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Catalogue" }));
    }
}
