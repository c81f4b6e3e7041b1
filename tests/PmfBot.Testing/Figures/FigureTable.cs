using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Testing.Figures;

/// <summary>A row of figures.txt: a figure typed for a kind of unit, and the value or refusal it must give.</summary>
/// <param name="Unit">"%", "days", "visits", "£" or "ratio".</param>
/// <param name="Typed">The figure exactly as typed or sent by a card.</param>
/// <param name="Value">The value stored when accepted; null when refused.</param>
/// <param name="RoundedFrom">When accepted with more decimals than kept: the figure as typed.</param>
/// <param name="Refusal">Words the refusal must contain; null when accepted.</param>
public sealed record FigureRow(
    string Unit, string Typed, decimal? Value, decimal? RoundedFrom, string? Refusal, int Line)
{
    /// <summary>The units the table covers, with the measure settings each stands for.</summary>
    public static IReadOnlyDictionary<string, (MeasureUnit Unit, int Decimals)> Units { get; } =
        new Dictionary<string, (MeasureUnit, int)>
    {
        ["%"] = (MeasureUnit.Percentage, 1),
        ["days"] = (MeasureUnit.Days, 1),
        ["visits"] = (MeasureUnit.Counted("visits"), 0),
        ["£"] = (MeasureUnit.Money, 2),
        ["ratio"] = (MeasureUnit.Ratio, 2),
    };

    public MeasureUnit MeasureUnit => Units[Unit].Unit;

    public int Decimals => Units[Unit].Decimals;

    /// <summary>For test names: the line and what was typed, with invisible and long input made readable.</summary>
    public override string ToString() =>
        $"line {Line}: {Unit} \"{Short(Typed).Replace("\u200B", "\\u200B", StringComparison.Ordinal)}\"";

    private static string Short(string text) => text.Length > 30 ? text[..30] + "…" : text;
}

/// <summary>Reads figures.txt, the one table of typed and card figures every figure path is tested against.</summary>
public static partial class FigureTable
{
    public static IReadOnlyList<FigureRow> Rows { get; } =
        Read(Path.Combine(AppContext.BaseDirectory, "Figures", "figures.txt"));

    /// <summary>Rows for xunit's MemberData.</summary>
    public static IEnumerable<object[]> AsData(Func<FigureRow, bool>? where = null) =>
        Rows.Where(where ?? (_ => true)).Select(r => new object[] { r });

    private static List<FigureRow> Read(string path)
    {
        var rows = new List<FigureRow>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var cells = lines[i].Split('|');
            if (cells.Length != 3)
            {
                throw new FormatException($"figures.txt line {i + 1}: expected 'unit | typed | gives'.");
            }

            var (unit, typed, gives) = (cells[0].Trim(), Unescape(cells[1].Trim()), cells[2].Trim());
            foreach (var each in unit == "*" ? FigureRow.Units.Keys : [unit])
            {
                rows.Add(Row(each, typed, gives, i + 1));
            }
        }

        return rows;
    }

    private static FigureRow Row(string unit, string typed, string gives, int line)
    {
        if (!FigureRow.Units.ContainsKey(unit))
        {
            throw new FormatException($"figures.txt line {line}: unknown unit '{unit}'.");
        }

        if (gives.StartsWith('!'))
        {
            return new FigureRow(unit, typed, null, null, gives[1..].Trim(), line);
        }

        var parts = gives.Split(" from ", StringSplitOptions.TrimEntries);
        return new FigureRow(unit, typed, decimal.Parse(parts[0], CultureInfo.InvariantCulture),
            parts.Length > 1 ? decimal.Parse(parts[1], CultureInfo.InvariantCulture) : null, null, line);
    }

    /// <summary>"quoted" keeps its spaces; \uXXXX is a character; {c*n} is c repeated n times.</summary>
    private static string Unescape(string cell)
    {
        var text = cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"' ? cell[1..^1] : cell;
        text = Escape().Replace(text, m =>
            ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        return Repeat().Replace(text, m =>
        {
            var times = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            return new StringBuilder().Insert(0, m.Groups[1].Value, times).ToString();
        });
    }

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex Escape();

    [GeneratedRegex(@"\{(.)\*([0-9]+)\}")]
    private static partial Regex Repeat();
}
