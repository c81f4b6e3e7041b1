using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PmfBot.Features.Reports.Workbooks;

/// <summary>
/// A workbook's cell styles, made as the sheets ask for them: each distinct number format and fill is one style, so
/// a sheet of 2,000 measures has a handful. Written once, when the workbook is saved.
/// </summary>
public sealed class XlsxStyles
{
    // Fills 0 and 1 are reserved by the format (none, gray125).
    private static readonly string[] FillColours = ["D9E1F2", "C6EFCE", "FFEB9C", "FFC7CE"];

    private readonly List<(uint NumberFormat, uint Font, uint Fill, bool Wrap, bool QuotePrefix)> _formats =
    [
        (0, 0, 0, false, false),
    ];
    private readonly Dictionary<string, uint> _numberFormats = new(StringComparer.Ordinal);

    /// <summary>The header row: bold on a light fill.</summary>
    public uint Header => Style(0, 1, 2, wrap: true, quotePrefix: false);

    /// <summary>Text, wrapped within its column; formula-looking text kept as text.</summary>
    public uint Text(string text) => Style(0, 0, 0, wrap: true, quotePrefix: LooksLikeFormula(text));

    /// <summary>A number in the measure's own format ("0.0\"%\"", "\"£\"#,##0").</summary>
    public uint Number(string formatCode) => Style(NumberFormatOf(formatCode), 0, 0, wrap: false, quotePrefix: false);

    /// <summary>A status in words on its colour: Green, Amber or Red (anything else unfilled).</summary>
    public uint Status(string status) =>
        Style(
            0,
            0,
            status switch
            {
                "Green" or "On track" or "Completed" => 3u,
                "Amber" or "At risk" => 4u,
                "Red" or "Off track" => 5u,
                _ => 0u,
            },
            wrap: false,
            quotePrefix: false
        );

    /// <summary>A date, as the reader's Excel shows dates.</summary>
    public uint Date => Number("d mmm yyyy");

    // As CSV exports escape them: a cell starting with one of these could be read as a formula where it is pasted.
    private static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';

    private uint Style(uint numberFormat, uint font, uint fill, bool wrap, bool quotePrefix)
    {
        var format = (numberFormat, font, fill, wrap, quotePrefix);
        var at = _formats.IndexOf(format);
        if (at < 0)
        {
            _formats.Add(format);
            at = _formats.Count - 1;
        }

        return (uint)at;
    }

    private uint NumberFormatOf(string code)
    {
        if (!_numberFormats.TryGetValue(code, out var id))
        {
            id = 164u + (uint)_numberFormats.Count; // custom formats start at 164
            _numberFormats[code] = id;
        }

        return id;
    }

    public Stylesheet ToStylesheet() =>
        new(
            new NumberingFormats(
                _numberFormats.Select(f => new NumberingFormat { NumberFormatId = f.Value, FormatCode = f.Key })
            )
            {
                Count = (uint)_numberFormats.Count,
            },
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }))
            {
                Count = 2,
            },
            new Fills([
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                .. FillColours.Select(c => new Fill(
                    new PatternFill(new ForegroundColor { Rgb = "FF" + c }) { PatternType = PatternValues.Solid }
                )),
            ])
            {
                Count = (uint)(2 + FillColours.Length),
            },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                _formats.Select(f => new CellFormat
                {
                    NumberFormatId = f.NumberFormat,
                    FontId = f.Font,
                    FillId = f.Fill,
                    BorderId = 0,
                    FormatId = 0,
                    ApplyNumberFormat = f.NumberFormat != 0 ? true : null,
                    ApplyFont = f.Font != 0 ? true : null,
                    ApplyFill = f.Fill != 0 ? true : null,
                    QuotePrefix = f.QuotePrefix ? true : null,
                    Alignment = f.Wrap
                        ? new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }
                        : null,
                    ApplyAlignment = f.Wrap ? true : null,
                })
            )
            {
                Count = (uint)_formats.Count,
            }
        );
}
