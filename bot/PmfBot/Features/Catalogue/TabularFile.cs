using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PmfBot.Files;

namespace PmfBot.Features.Catalogue;

/// <summary>
/// One spreadsheet row: its number as the person sees it (header = row 1) and its cells by column name.
/// </summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value : string.Empty;
}

/// <summary>
/// A spreadsheet read as rows under a header: CSV (CsvHelper) or the first sheet of an .xlsx (Open XML SDK).
/// </summary>
public sealed record TabularFile(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows)
{
    public static TabularFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? ReadXlsx(stream)
            : ReadCsv(stream);
    }

    public static TabularFile ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(reader, CsvFiles.ReaderOptions, leaveOpen: false);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return FromGrid(rows);
    }

    public static TabularFile ReadXlsx(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The .xlsx file has no workbook.");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new InvalidDataException("The .xlsx file has no sheets.");
        var part = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
        var shared = workbook
            .SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>()
            .Select(s => s.InnerText)
            .ToArray()
            ?? [];

        var grid = new List<string[]>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new SortedDictionary<int, string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var value =
                    cell.DataType?.Value == CellValues.SharedString
                    && int.TryParse(cell.CellValue?.Text, out var index)
                    && index < shared.Length
                        ? shared[index]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty
                    : cell.CellValue?.Text ?? string.Empty;
                cells[ColumnIndex(cell.CellReference?.Value)] = value.Trim();
            }

            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            var values = new string[width];
            for (var i = 0; i < width; i++)
            {
                values[i] = cells.TryGetValue(i, out var v) ? v : string.Empty;
            }

            // Keep the person's row numbering: pad skipped (empty) rows.
            var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(grid.Count + 1));
            while (grid.Count < rowNumber - 1)
            {
                grid.Add([]);
            }

            grid.Add(values);
        }

        return FromGrid(grid);
    }

    private static TabularFile FromGrid(List<string[]> grid)
    {
        if (grid.Count == 0)
        {
            return new TabularFile([], []);
        }

        var headers = grid[0].Select(h => Canonical(h.Trim())).ToArray();
        var rows = new List<SheetRow>();
        for (var i = 1; i < grid.Count; i++)
        {
            if (grid[i].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < headers.Length && c < grid[i].Length; c++)
            {
                if (headers[c].Length > 0)
                {
                    cells[headers[c]] = CsvFiles.Unescape(grid[i][c].Trim());
                }
            }

            rows.Add(new SheetRow(i + 1, cells));
        }

        return new TabularFile(headers, rows);
    }

    private static string Canonical(string header)
    {
        var known = CatalogueColumns.All.FirstOrDefault(c => c.Equals(header, StringComparison.OrdinalIgnoreCase));
        return known ?? (CatalogueColumns.Aliases.TryGetValue(header, out var alias) ? alias : header);
    }

    private static int ColumnIndex(string? reference)
    {
        var index = 0;
        foreach (var c in reference ?? "A")
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
