using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Values;

public static partial class ValueReader
{
    /// <summary>
    /// Takes the measure's own unit off the figure ("%" after, "£" before, "days" after), or says
    /// why the unit typed isn't this measure's. Null when all is well (a figure without a unit included).
    /// </summary>
    private static string? StripUnit(ref string input, MeasureUnit unit)
    {
        var percent = Percent().Match(input);
        if (percent.Success)
        {
            if (unit.Kind != UnitKind.Percentage)
            {
                return $"This measure is counted in {Describe(unit)}, not as a percentage: type the figure without %.";
            }

            input = percent.Groups["n"].Value;
            return null;
        }

        if (input.Contains('£', StringComparison.Ordinal))
        {
            if (unit.Kind != UnitKind.Money)
            {
                return $"This measure is counted in {Describe(unit)}, not pounds: type the figure without £.";
            }

            var pounds = Pounds().Match(input);
            if (!pounds.Success)
            {
                return "Put the £ before the figure, e.g. £12,500.";
            }

            input = pounds.Groups["sign"].Value + pounds.Groups["n"].Value;
            return null;
        }

        var words = TrailingWords().Match(input);
        if (!words.Success)
        {
            return null;
        }

        var label = words.Groups["label"].Value.Trim();
        if (label.ToLowerInvariant() is "k" or "m" or "b" or "bn")
        {
            return null; // an abbreviation, explained by the caller
        }

        if (Matches(label, unit))
        {
            input = input[..words.Index].TrimEnd();
            return null;
        }

        var figure = input[..words.Index].TrimEnd();
        var commentary = label.Contains(' ', StringComparison.Ordinal)
            ? $" If that is commentary, put a dash before it: {figure} — {Shorten(label)}."
            : string.Empty;
        return $"This measure is counted in {Describe(unit)}, not \"{Shorten(label)}\": "
            + $"type just the figure.{commentary}";
    }

    private static bool Matches(string label, MeasureUnit unit)
    {
        var l = label.ToLowerInvariant();
        return l == unit.Label
            || l.TrimEnd('s') == unit.Label.TrimEnd('s')
            || (unit.Kind == UnitKind.Days && l is "day" or "days" or "working days")
            || (unit.Kind == UnitKind.Money && l is "pounds" or "gbp");
    }

    private static string Describe(MeasureUnit unit) =>
        unit.Kind switch
        {
            UnitKind.Percentage => "per cent",
            UnitKind.Money => "pounds",
            UnitKind.Days => "days",
            UnitKind.Ratio => "a ratio",
            _ => unit.Label == "number" ? "a plain number" : unit.Label,
        };

    [GeneratedRegex(@"^(?<n>.*?)\s?(%|percent|per cent)$", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();

    /// <summary>"£12,500", "£ 12,500", "-£40", "£-40": the pound sign first, or after the sign.</summary>
    [GeneratedRegex(@"^(?<sign>[+-]?)£\s?(?<n>[+-]?[^£\s][^£]*)$")]
    private static partial Regex Pounds();

    [GeneratedRegex(@"(?<=[0-9.])\s*(?<label>[A-Za-z][A-Za-z ]*)$")]
    private static partial Regex TrailingWords();
}
