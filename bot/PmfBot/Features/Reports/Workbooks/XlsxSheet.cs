using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PmfBot.Features.Reports.Workbooks;

/// <summary>One cell as a sheet holds it: text, a number, or nothing; each with its style.</summary>
public readonly record struct XlsxCell(string? Text, decimal? Number, uint Style)
{
    public static XlsxCell Empty { get; } = new(null, null, 0);
}

/// <summary>A column: its heading and width (in characters).</summary>
public sealed record XlsxColumn(string Heading, double Width);

/// <summary>
/// One sheet of a report: a header row that stays in view (frozen) and filters, fixed column widths, then the rows.
/// Text is written inline (no shared strings to keep in step) and numbers as numbers.
/// </summary>
public sealed class XlsxSheet(string name, IReadOnlyList<XlsxColumn> columns, XlsxStyles styles)
{
    /// <summary>Excel's limit on a sheet's name, and the characters it refuses in one.</summary>
    private const int MaxName = 31;

    private readonly List<IReadOnlyList<XlsxCell>> _rows = [];
    private readonly List<XlsxLineChart> _charts = [];

    public string Name { get; } = SafeName(name);

    public int RowCount => _rows.Count;

    public XlsxSheet Text(params string?[] texts)
    {
        _rows.Add([.. texts.Select(t => t is null ? XlsxCell.Empty : new XlsxCell(t, null, styles.Text(t)))]);
        return this;
    }

    public XlsxSheet Row(IReadOnlyList<XlsxCell> cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <summary>A chart beside the table, below the ones before it.</summary>
    public void Chart(XlsxLineChart chart) => _charts.Add(chart);

    /// <summary>Writes the sheet into its part, with its charts' drawing when it has any.</summary>
    public void WriteTo(DocumentFormat.OpenXml.Packaging.WorksheetPart part)
    {
        var worksheet = ToWorksheet();
        part.Worksheet = worksheet;
        if (_charts.Count == 0)
        {
            return;
        }

        var drawing = part.AddNewPart<DocumentFormat.OpenXml.Packaging.DrawingsPart>();
        drawing.WorksheetDrawing = new DocumentFormat.OpenXml.Drawing.Spreadsheet.WorksheetDrawing();
        worksheet.Append(new Drawing { Id = part.GetIdOfPart(drawing) });
        for (var i = 0; i < _charts.Count; i++)
        {
            // Each chart 8 columns wide and 15 rows high, one column right of the table.
            var column = columns.Count + 1;
            _charts[i].AddTo(drawing, (column, 1 + (16 * i)), (column + 8, 16 + (16 * i)), (uint)(i + 2));
        }
    }

    public XlsxCell TextCell(string? text) => text is null ? XlsxCell.Empty : new(text, null, styles.Text(text));

    public XlsxCell NumberCell(decimal? value, string formatCode) =>
        value is { } v ? new(null, v, styles.Number(formatCode)) : XlsxCell.Empty;

    public XlsxCell StatusCell(string status) => new(status, null, styles.Status(status));

    public XlsxCell DateCell(DateOnly? date) =>
        date is { } d ? new(null, (decimal)d.ToDateTime(TimeOnly.MinValue).ToOADate(), styles.Date) : XlsxCell.Empty;

    public Worksheet ToWorksheet()
    {
        var lastColumn = ColumnName(columns.Count);
        var data = new SheetData(
            new Row(
                columns.Select(
                    (c, i) =>
                        new Cell
                        {
                            CellReference = $"{ColumnName(i + 1)}1",
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(c.Heading)),
                            StyleIndex = styles.Header,
                        }
                )
            )
            {
                RowIndex = 1,
            }
        );
        for (var r = 0; r < _rows.Count; r++)
        {
            var index = (uint)(r + 2);
            var row = new Row { RowIndex = index };
            for (var c = 0; c < _rows[r].Count && c < columns.Count; c++)
            {
                if (ToCell(_rows[r][c], $"{ColumnName(c + 1)}{index}") is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        return new Worksheet(
            new SheetViews(
                new SheetView(
                    new Pane
                    {
                        VerticalSplit = 1,
                        TopLeftCell = "A2",
                        ActivePane = PaneValues.BottomLeft,
                        State = PaneStateValues.Frozen,
                    },
                    new Selection { Pane = PaneValues.BottomLeft }
                )
                {
                    WorkbookViewId = 0,
                }
            ),
            new Columns(
                columns.Select(
                    (c, i) =>
                        new Column
                        {
                            Min = (uint)(i + 1),
                            Max = (uint)(i + 1),
                            Width = c.Width,
                            CustomWidth = true,
                        }
                )
            ),
            data,
            new AutoFilter { Reference = FilterRange }
        );
    }

    /// <summary>The cells the header's filters cover: the header and every row.</summary>
    public string FilterRange => $"A1:{ColumnName(columns.Count)}{_rows.Count + 1}";

    private static Cell? ToCell(XlsxCell value, string reference) =>
        value switch
        {
            { Number: { } n } => new Cell
            {
                CellReference = reference,
                CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)),
                StyleIndex = value.Style,
            },
            { Text: { } t } => new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(
                    new DocumentFormat.OpenXml.Spreadsheet.Text(t) { Space = SpaceProcessingModeValues.Preserve }
                ),
                StyleIndex = value.Style,
            },
            _ => null,
        };

    /// <summary>1 → A, 27 → AA.</summary>
    public static string ColumnName(int number)
    {
        var name = string.Empty;
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    private static string SafeName(string name)
    {
        var safe = new string([.. name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c)]);
        return safe.Length <= MaxName ? safe : safe[..MaxName];
    }
}
