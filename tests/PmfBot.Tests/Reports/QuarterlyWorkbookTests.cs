using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PmfBot.Admin;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Status;
using PmfBot.Features.Reports;
using PmfBot.Standings;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Results;
using PmfBot.Storage.Standings;

namespace PmfBot.Tests.Reports;

/// <summary>
/// The quarterly performance report as a workbook, written by the admin command from the demo council as of 22
/// November 2026 and read back with the Open XML SDK: valid, and its figures and colours the report's own.
/// </summary>
public class QuarterlyWorkbookTests : StorageTestBase
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("Q2 2026/27");

    private async Task<(int Exit, string Output, string File)> WriteAsync()
    {
        var dir = Directory.CreateTempSubdirectory("pmfbot-workbook-").FullName;
        var file = Path.Combine(dir, "q2.xlsx");
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommandLine.RunAsync(["demo", "seed", "--as-of", "2026-11-22"], output, Settings));
        var exit = await AdminCommandLine.RunAsync(["results", "workbook", "Q2 2026/27", file], output, Settings);
        return (exit, output.ToString(), file);
    }

    private static string TextOf(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;

    private static List<Dictionary<string, Cell>> RowsOf(WorkbookPart workbook, string sheet)
    {
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var data = ((WorksheetPart)workbook.GetPartById(id)).Worksheet.GetFirstChild<SheetData>()!;
        var rows = data.Elements<Row>().ToList();
        var headers = rows[0].Elements<Cell>().Select(TextOf).ToList();
        return
        [
            .. rows.Skip(1).Select(r => r.Elements<Cell>().ToDictionary(
                c => headers[Column(c.CellReference!.Value!) - 1],
                c => c
            )),
        ];
    }

    private static int Column(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));

    [Fact]
    public async Task TheWorkbook_IsValid_AndHoldsTheReportsFiguresAndColours()
    {
        var (exit, output, file) = await WriteAsync();

        Assert.Equal(0, exit);
        Assert.Contains("The Q2 2026/27 performance report written to", output, StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        string[] sheetNames =
            ["Summary", "Reds", "Escalations", "Communities", "Place", "Resources", "Activities", "Trends"];
        Assert.Equal(sheetNames, names);

        var catalogue = await new CatalogueStore(Storage.Tables).LoadAsync(default);
        var expected = await new ResultsExporter(
            new ResultStore(Storage.Tables),
            new StandingsReader(new StandingStore(Storage.Tables))
        ).ReadAsync(catalogue, Q2, null, default);
        var sheets = new[] { "Communities", "Place", "Resources" }.SelectMany(s => RowsOf(workbook, s)).ToList();
        Assert.Equal(expected.Count, sheets.Count);
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var fills = styles.Fills!.Elements<Fill>().ToList();
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        string? FillOf(Cell cell) =>
            fills[(int)formats[(int)cell.StyleIndex!.Value].FillId!.Value].PatternFill?.ForegroundColor?.Rgb?.Value;
        foreach (var row in expected)
        {
            var cells = Assert.Single(sheets, s => TextOf(s["Reference"]) == row.Measure.Reference.Value);
            if (row.Result is { } result)
            {
                // A number, not text, equal to the figure.
                Assert.Null(cells["Actual"].DataType);
                Assert.Equal(result.Value, decimal.Parse(TextOf(cells["Actual"]), CultureInfo.InvariantCulture));
                var status = result.Rag?.ToString() ?? "No target";
                Assert.Equal(status, TextOf(cells["RAG"]));
                Assert.Equal(
                    result.Rag switch
                    {
                        RagStatus.Green => "FFC6EFCE",
                        RagStatus.Amber => "FFFFEB9C",
                        RagStatus.Red => "FFFFC7CE",
                        _ => null,
                    },
                    FillOf(cells["RAG"])
                );
            }
            else
            {
                Assert.Equal("No return", TextOf(cells["RAG"]));
                Assert.False(cells.ContainsKey("Actual"));
            }
        }

        // The summary's counts are the sheets' own; the reds are listed.
        var all = Assert.Single(RowsOf(workbook, "Summary"), r => TextOf(r["Department"]) == "All");
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), TextOf(all["Measures"]));
        var reds = expected.Count(r => r.Result?.Rag == RagStatus.Red);
        Assert.Equal(reds.ToString(CultureInfo.InvariantCulture), TextOf(all["Red"]));
        Assert.Equal(reds, RowsOf(workbook, "Reds").Count);
        Assert.Equal(4, RowsOf(workbook, "Activities").Count);
    }

    [Fact]
    public async Task EachDepartment_ChartsItsKeyMeasures_FromTheTrendsSheet()
    {
        var (_, _, file) = await WriteAsync();

        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        var workbook = document.WorkbookPart!;
        var trends = RowsOf(workbook, "Trends");
        foreach (var department in new[] { "Communities", "Place", "Resources" })
        {
            var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == department).Id!.Value!;
            var charts = ((WorksheetPart)workbook.GetPartById(id)).DrawingsPart!.ChartParts.ToList();
            var charted = trends.Where(t => TextOf(t["Department"]) == department)
                .Select(t => TextOf(t["Reference"]))
                .Distinct()
                .ToList();
            Assert.InRange(charts.Count, 1, 6);
            Assert.Equal(charted.Count, charts.Count);
            foreach (var chart in charts)
            {
                var space = chart.ChartSpace;
                var title = space.Descendants<DocumentFormat.OpenXml.Drawing.Text>().First().Text;
                var reference = charted.Single(r => title.StartsWith(r + " ", StringComparison.Ordinal));
                var figures = trends.Where(t => TextOf(t["Reference"]) == reference).ToList();
                var series = space.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChartSeries>().First();
                var cached = series
                    .Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>()
                    .Select(p => decimal.Parse(p.NumericValue!.Text, CultureInfo.InvariantCulture));
                Assert.Equal(
                    figures.Select(f => decimal.Parse(TextOf(f["Value"]), CultureInfo.InvariantCulture)),
                    cached);
                var formula = series
                    .Descendants<DocumentFormat.OpenXml.Drawing.Charts.Values>()
                    .Single()
                    .Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>()
                    .Single()
                    .Text;
                Assert.StartsWith("'Trends'!$E$", formula, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task EverySheet_KeepsItsHeaderInView_AndFilters()
    {
        var (_, _, file) = await WriteAsync();

        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        var workbook = document.WorkbookPart!;
        foreach (var part in workbook.WorksheetParts)
        {
            var pane = part.Worksheet.Descendants<Pane>().Single();
            Assert.Equal((PaneStateValues.Frozen, 1d), (pane.State!.Value, pane.VerticalSplit!.Value));
            Assert.NotNull(part.Worksheet.GetFirstChild<AutoFilter>());
            Assert.All(part.Worksheet.Descendants<Column>(), c => Assert.True(c.CustomWidth!.Value));
        }
    }
}
