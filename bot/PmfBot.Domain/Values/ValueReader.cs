using System.Globalization;
using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Values;

/// <summary>
/// Reads a figure for a measure, however it arrived: typed in the chat ("42.5%", "1,234",
/// "£12,500", "18 days") or sent by the card's number box. The one strict reader: a figure it
/// accepts is exactly the figure the person meant, or it is refused with what to type instead.
/// </summary>
/// <remarks>
/// <para>Decisions, for data quality (values are published as typed):</para>
/// <list type="bullet">
/// <item>A figure is a plain decimal in the digits 0–9: an optional sign, thousands separators in
/// threes ("1,234,567"), an optional decimal point. No exponent ("1e3"), no infinity or NaN, no
/// hexadecimal, no other scripts' digits, no invisible characters, at most 40 characters: each is
/// refused, with the fix where there is one.</item>
/// <item>The sign is kept: "-5" and "−5" (U+2212, as Word types it) are minus five, "+5" is five.
/// A sign anywhere else ("5-") is not a figure.</item>
/// <item>A unit may be typed if it is the measure's own: "%" after the figure for a percentage,
/// "£" before it for money, the label after it for others ("18 days", "950 dwellings"). Another
/// unit is refused, not converted; anything else glued on ("50abc", "50;DROP TABLE") is refused.</item>
/// <item>A comma used as a decimal point ("42,5"), the continental style ("1.234,5") and spaces
/// inside a figure ("12 345") are refused with the fix, never guessed.</item>
/// <item>Abbreviations ("1.2k", "£3m") are refused with the full figure suggested: an
/// abbreviation is a rounded number.</item>
/// <item>More decimal places than the measure keeps are rounded half away from zero, and the
/// reading says so.</item>
/// <item>"n/a", "tbc", "-" and the like are not figures: the person is told to ask for an extension.</item>
/// <item>A percentage must be 0–100 unless the measure allows more; days and ratios cannot be
/// negative; nothing may reach a trillion.</item>
/// </list>
/// </remarks>
public static partial class ValueReader
{
    /// <summary>The most characters a figure may have, unit included: "£999,999,999,999.99" is 19.</summary>
    public const int LongestFigure = 40;

    private const decimal Largest = 1_000_000_000_000m;

    private static readonly HashSet<string> NotAFigure = new(StringComparer.OrdinalIgnoreCase)
    {
        "n/a",
        "na",
        "n.a.",
        "n.a",
        "none",
        "nil",
        "tbc",
        "tba",
        "unknown",
        "-",
        "--",
        "?",
        "not available",
        "not known",
        "pending",
    };

    public static ValueReading Read(string? text, Measure measure) => Read(text, measure.Unit, measure.Decimals);

    /// <summary>
    /// Starts with a figure standing on its own: digits (perhaps after a sign, a pound sign or a
    /// decimal point), then a space, "%" or the end ("42", "-5 days", "£1,200", "42.5% …"). Not
    /// "2fa reset please": a message that doesn't name a measure is only an update when it opens so.
    /// </summary>
    public static bool StartsLikeFigure(string text) => FigureOnItsOwn().IsMatch(text);

    /// <summary>
    /// What a person may have meant as a figure, readable or not: anything starting like one, a
    /// placeholder ("n/a", "tbc"), a number in words ("forty") or infinity. Said of the words after a
    /// measure's reference, to tell a figure that can't be read from some other request.
    /// </summary>
    public static bool LooksLikeFigure(string text)
    {
        var trimmed = text.Trim();
        return FigureStart().IsMatch(trimmed)
            || NotAFigure.Contains(trimmed.TrimEnd('.'))
            || NumberInWords().IsMatch(trimmed);
    }

    public static ValueReading Read(string? text, MeasureUnit unit, int decimals)
    {
        var input = Normalise(text);
        if (input.Length == 0)
        {
            return Refuse("Please type this period's figure.");
        }

        if (input.Length > LongestFigure)
        {
            return Refuse(
                $"That is too long to be a figure ({input.Length:N0} characters). "
                    + $"Type just the number, such as {Example(unit)}."
            );
        }

        if (NotAFigure.Contains(input.TrimEnd('.')))
        {
            return Refuse(
                $"\"{input}\" isn't a figure. If this period's figure isn't ready yet, "
                    + "ask the performance team for an extension rather than leaving a placeholder."
            );
        }

        if (ShapeProblem(input) is { } shape)
        {
            return Refuse(shape);
        }

        if (StripUnit(ref input, unit) is { } unitProblem)
        {
            return Refuse(unitProblem);
        }

        if (NotationProblem(input) is { } notation)
        {
            return Refuse(notation);
        }

        if (!Figure().IsMatch(input))
        {
            return Refuse(
                $"\"{Shorten(input)}\" isn't a figure I can read. Type a number such as {Example(unit)}."
                    + DashHint(input)
            );
        }

        // Read as a figure, it can only fail to parse by overflowing, which a trillion's 13 digits never reach.
        if (
            IntegerDigits(input) > 13
            || !decimal.TryParse(input, Plain, CultureInfo.InvariantCulture, out var value)
            || Math.Abs(value) >= Largest
        )
        {
            return Refuse("That figure is too large to be right; please check it.");
        }

        if (RangeProblem(value, unit) is { } rangeProblem)
        {
            return new ValueReading.Refused(rangeProblem, value);
        }

        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        rounded = rounded == 0 ? 0m : rounded; // "-0" and "-0.01" rounded are nought, not minus nought
        return new ValueReading.Accepted(rounded, rounded == value ? null : value);
    }

    private const NumberStyles Plain =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;

    /// <summary>Trimmed, the typographic minus as "-", and non-breaking and thin spaces as plain ones.</summary>
    private static string Normalise(string? text) =>
        (text ?? string.Empty)
            .Replace('\u2212', '-')
            .Replace('\u00a0', ' ')
            .Replace('\u202f', ' ')
            .Replace('\u2009', ' ')
            .Trim();

    /// <summary>What no figure can hold, whatever its unit: another script's digits, invisible characters.</summary>
    private static string? ShapeProblem(string input)
    {
        if (input.Any(c => char.IsDigit(c) && c is < '0' or > '9'))
        {
            return "Please type the figure with the digits 0 to 9.";
        }

        if (input.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control))
        {
            return "The figure has invisible characters in it (perhaps from a copy and paste). Please type it again.";
        }

        return null;
    }

    /// <summary>Ways of writing a number refused with the fix: abbreviations, exponents, commas and spaces.</summary>
    private static string? NotationProblem(string input)
    {
        var abbreviated = Abbreviated().Match(input);
        if (
            abbreviated.Success
            && decimal.TryParse(abbreviated.Groups["n"].Value, Plain, CultureInfo.InvariantCulture, out var number)
        )
        {
            var factor = char.ToLowerInvariant(abbreviated.Groups["x"].Value[0]) switch
            {
                'k' => 1_000m,
                'm' => 1_000_000m,
                _ => 1_000_000_000m,
            };
            return $"Please type the full figure, e.g. {Full(number * factor)} rather than {abbreviated.Value}: "
                + "an abbreviation is a rounded number.";
        }

        if (Exponent().IsMatch(input))
        {
            var readable = decimal.TryParse(input, NumberStyles.Float, CultureInfo.InvariantCulture, out var full);
            return readable && Math.Abs(full) < Largest
                ? $"Please type the figure in full, e.g. {Full(full)} rather than {input}."
                : $"Please type the figure in full, without an exponent (\"{Shorten(input)}\" is scientific notation).";
        }

        if (DecimalComma().IsMatch(input))
        {
            return $"Use a full stop for decimals: {input.Replace(',', '.')} rather than {input}.";
        }

        if (Continental().IsMatch(input))
        {
            var fixedUp = input.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
            return $"Use a full stop for decimals and commas for thousands: {Full(fixedUp)} rather than {input}.";
        }

        if (SpacedThousands().IsMatch(input))
        {
            var joined = input.Replace(" ", string.Empty, StringComparison.Ordinal);
            return $"Please don't put spaces inside a figure: type {joined} or {Full(joined)}.";
        }

        return null;
    }

    private static string? RangeProblem(decimal value, MeasureUnit unit) =>
        unit.Kind switch
        {
            UnitKind.Percentage when value < 0 => "A percentage can't be below 0.",
            UnitKind.Percentage when value > 100 && !unit.AllowsAbove100 =>
                $"{value.ToString(CultureInfo.InvariantCulture)}% is over 100%, which this measure can't be. "
                    + "Please check the figure.",
            UnitKind.Days when value < 0 => "A number of days can't be negative.",
            UnitKind.Ratio when value < 0 => "A ratio can't be negative.",
            _ => null,
        };

    /// <summary>"42.5% two crews off": a figure, then words that look like commentary, with no dash.</summary>
    private static string DashHint(string input)
    {
        if (FigureThenWords().Match(input) is not { Success: true } m || !StartsLikeFigure(m.Groups["figure"].Value))
        {
            return string.Empty;
        }

        var (figure, words) = (m.Groups["figure"].Value, Shorten(m.Groups["words"].Value));
        return $" If \"{words}\" is commentary, put a dash before it: {figure} — {words}.";
    }

    private static int IntegerDigits(string input) => input.TakeWhile(c => c != '.').Count(char.IsAsciiDigit);

    private static ValueReading.Refused Refuse(string reason) => new(reason);

    private static string Full(decimal value) => value.ToString("#,##0.############", CultureInfo.InvariantCulture);

    /// <summary>Plain digits with thousands separators, or as they are when too long to be a decimal.</summary>
    private static string Full(string digits) =>
        decimal.TryParse(digits, Plain, CultureInfo.InvariantCulture, out var value) ? Full(value) : digits;

    private static string Example(MeasureUnit unit) =>
        unit.Kind switch
        {
            UnitKind.Percentage => "42.5 or 42.5%",
            UnitKind.Money => "£12,500",
            UnitKind.Days => "18.5",
            _ => "1,234",
        };

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    [GeneratedRegex(@"^[+-]?(([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?|\.[0-9]+)$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^[+-]?[0-9]+,[0-9]{1,2}$|^[+-]?[0-9]+,[0-9]{4,}$")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"^[+-]?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+$")]
    private static partial Regex Continental();

    [GeneratedRegex(@"^[+-]?[0-9]{1,3}( [0-9]{3})+(\.[0-9]+)?$")]
    private static partial Regex SpacedThousands();

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+$")]
    private static partial Regex Exponent();

    [GeneratedRegex(@"^[+\-\u2212]?(£\s?)?[+\-\u2212]?\.?[0-9]")]
    private static partial Regex FigureStart();

    [GeneratedRegex(@"^[+\-\u2212]?(£\s?)?[+\-\u2212]?\.?[0-9][0-9.,]*(%|\s|$)")]
    private static partial Regex FigureOnItsOwn();

    [GeneratedRegex(
        @"^(zero|nought|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
            + @"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
            + @"|hundred|a hundred|thousand|a thousand|million|half|a half|infinity|-?inf|nan|∞)\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex NumberInWords();

    [GeneratedRegex(@"^(?<figure>\S+)\s+(?<words>\p{L}.*)$")]
    private static partial Regex FigureThenWords();

    [GeneratedRegex(@"^(?<n>[+-]?[0-9]+(\.[0-9]+)?)\s?(?<x>k|m|bn|b)$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviated();
}
