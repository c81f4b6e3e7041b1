using CsvHelper;

namespace PmfBot.Files;

/// <summary>How PmfBot reads and writes CSV, in one place.</summary>
public static class CsvFiles
{
    /// <summary>
    /// Cells starting with = + - @ are escaped with a leading apostrophe (Excel's "text" mark):
    /// exports carry free text people typed, and a spreadsheet must not run it as a formula.
    /// </summary>
    public static CsvWriterOptions WriterOptions { get; } = new() { Injection = CsvInjection.Escape, NewLine = "\r\n" };

    /// <summary>Blank lines are kept (and skipped later) so reported row numbers match the spreadsheet's.</summary>
    public static CsvReaderOptions ReaderOptions { get; } =
        new()
        {
            HasHeader = false,
            SkipEmptyLines = false,
            DetectSeparatorHint = true,
        };

    /// <summary>Undoes <see cref="WriterOptions"/>' escaping, so an exported file imports back unchanged.</summary>
    public static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && "=+-@\t".Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;
}
