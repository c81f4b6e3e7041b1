using System.Globalization;
using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Values;

/// <summary>Reads a value typed by a person ("42.5", "42.5%", "1,234", "£12,500", "18 days") for a measure.</summary>
/// <remarks>
/// <para>Decisions, for data quality (values are published as typed):</para>
/// <list type="bullet">
/// <item>A unit may be typed if it is the measure's own: "%" for a percentage, "£" for money, the
/// label for others ("18 days", "950 dwellings"). Another unit is refused, not converted.</item>
/// <item>Thousands separators must be in threes ("1,234,567"); a comma used as a decimal point
/// ("42,5") is refused with the fix, never guessed.</item>
/// <item>Abbreviations ("1.2k", "£3m") are refused with the full figure suggested: an
/// abbreviation is a rounded number.</item>
/// <item>More decimal places than the measure keeps are rounded half away from zero, and the
/// reading says so.</item>
/// <item>"n/a", "tbc", "-" and the like are not figures: the person is told to ask for an extension.</item>
/// <item>A percentage must be 0–100 unless the measure allows more; days and ratios cannot be negative.</item>
/// </list>
/// </remarks>
public static partial class ValueReader
{
    private const decimal Largest = 1_000_000_000_000m;

    private static readonly HashSet<string> NotAFigure = new(StringComparer.OrdinalIgnoreCase)
    {
        "n/a", "na", "n.a.", "none", "nil", "tbc", "tba", "unknown", "-", "--", "?", "not available", "not known", "pending",
    };

    public static ValueReading Read(string? text, Measure measure) => Read(text, measure.Unit, measure.Decimals);

    public static ValueReading Read(string? text, MeasureUnit unit, int decimals)
    {
        var input = (text ?? string.Empty).Trim().Replace('\u2212', '-').Replace('\u00a0', ' ');
        if (input.Length == 0)
        {
            return new ValueReading.Refused("Please type this period's figure.");
        }

        if (NotAFigure.Contains(input.TrimEnd('.')) || input.Length > 40)
        {
            return new ValueReading.Refused(
                $"\"{Shorten(input)}\" isn't a figure. If this period's figure isn't ready yet, ask the performance team for an extension rather than leaving a placeholder.");
        }

        var unitProblem = StripUnit(ref input, unit);
        if (unitProblem is not null)
        {
            return new ValueReading.Refused(unitProblem);
        }

        var abbreviated = Abbreviated().Match(input);
        if (abbreviated.Success && decimal.TryParse(abbreviated.Groups["n"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var shortNumber))
        {
            var factor = char.ToLowerInvariant(abbreviated.Groups["x"].Value[0]) switch { 'k' => 1_000m, 'm' => 1_000_000m, _ => 1_000_000_000m };
            return new ValueReading.Refused(
                $"Please type the full figure, e.g. {(shortNumber * factor).ToString("#,##0.####", CultureInfo.InvariantCulture)} rather than {abbreviated.Value}: an abbreviation is a rounded number.");
        }

        if (DecimalComma().IsMatch(input))
        {
            return new ValueReading.Refused($"Use a full stop for decimals: {input.Replace(',', '.')} rather than {input}.");
        }

        if (!Figure().IsMatch(input)
            || !decimal.TryParse(input, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return new ValueReading.Refused($"\"{Shorten(input)}\" isn't a figure I can read. Type a number such as {Example(unit)}.");
        }

        if (Math.Abs(value) >= Largest)
        {
            return new ValueReading.Refused("That figure is too large to be right; please check it.");
        }

        var rangeProblem = RangeProblem(value, unit);
        if (rangeProblem is not null)
        {
            return new ValueReading.Refused(rangeProblem);
        }

        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return new ValueReading.Accepted(rounded, rounded == value ? null : value);
    }

    private static string? StripUnit(ref string input, MeasureUnit unit)
    {
        if (input.EndsWith('%') || input.EndsWith(" percent", StringComparison.OrdinalIgnoreCase))
        {
            if (unit.Kind != UnitKind.Percentage)
            {
                return $"This measure is counted in {Describe(unit)}, not as a percentage: type the figure without %.";
            }

            input = input.EndsWith('%') ? input[..^1].TrimEnd() : input[..^" percent".Length].TrimEnd();
            return null;
        }

        var pound = input.IndexOf('£', StringComparison.Ordinal);
        if (pound >= 0)
        {
            if (unit.Kind != UnitKind.Money)
            {
                return $"This measure is counted in {Describe(unit)}, not pounds: type the figure without £.";
            }

            input = input.Remove(pound, 1).Trim();
            return null;
        }

        var words = TrailingWords().Match(input);
        if (!words.Success)
        {
            return null;
        }

        var label = words.Groups["label"].Value.Trim();
        if (label.Length == 1 && "kKmMbB".Contains(label[0], StringComparison.Ordinal))
        {
            return null; // an abbreviation, explained by the caller
        }

        if (Matches(label, unit))
        {
            input = input[..words.Index].TrimEnd();
            return null;
        }

        return $"This measure is counted in {Describe(unit)}, not \"{label}\": type just the figure.";
    }

    private static bool Matches(string label, MeasureUnit unit)
    {
        var l = label.ToLowerInvariant();
        return l == unit.Label
            || l.TrimEnd('s') == unit.Label.TrimEnd('s')
            || (unit.Kind == UnitKind.Days && l is "day" or "days" or "working days")
            || (unit.Kind == UnitKind.Money && l is "pounds" or "gbp");
    }

    private static string? RangeProblem(decimal value, MeasureUnit unit) => unit.Kind switch
    {
        UnitKind.Percentage when value < 0 => "A percentage can't be below 0.",
        UnitKind.Percentage when value > 100 && !unit.AllowsAbove100 =>
            $"{value.ToString(CultureInfo.InvariantCulture)}% is over 100%, which this measure can't be. Please check the figure.",
        UnitKind.Days when value < 0 => "A number of days can't be negative.",
        UnitKind.Ratio when value < 0 => "A ratio can't be negative.",
        _ => null,
    };

    private static string Describe(MeasureUnit unit) => unit.Kind switch
    {
        UnitKind.Percentage => "per cent",
        UnitKind.Money => "pounds",
        UnitKind.Days => "days",
        UnitKind.Ratio => "a ratio",
        _ => unit.Label == "number" ? "a plain number" : unit.Label,
    };

    private static string Example(MeasureUnit unit) => unit.Kind switch
    {
        UnitKind.Percentage => "42.5 or 42.5%",
        UnitKind.Money => "£12,500",
        UnitKind.Days => "18.5",
        _ => "1,234",
    };

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    [GeneratedRegex(@"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^[+-]?\d+,\d{1,2}$|^[+-]?\d+,\d{4,}$")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"^(?<n>[+-]?\d+(\.\d+)?)\s?(?<x>k|m|bn|b)$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviated();

    [GeneratedRegex(@"(?<=[\d.])\s*(?<label>[A-Za-z][A-Za-z ]*)$")]
    private static partial Regex TrailingWords();
}
