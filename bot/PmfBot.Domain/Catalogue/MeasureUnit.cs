using System.Globalization;

namespace PmfBot.Domain.Catalogue;

/// <summary>What kind of quantity a measure counts; decides how values are read and shown.</summary>
public enum UnitKind
{
    /// <summary>A percentage, 0–100 unless the measure allows more.</summary>
    Percentage,

    /// <summary>A count or quantity with a label: "number", "kg", "dwellings", "visits".</summary>
    Number,

    /// <summary>A duration in days; never negative.</summary>
    Days,

    /// <summary>Pounds sterling.</summary>
    Money,

    /// <summary>A ratio such as 1.5 (to 1); never negative.</summary>
    Ratio,
}

/// <summary>A measure's unit: its kind and the label people use ("%", "days", "kg").</summary>
/// <param name="AllowsAbove100">For percentages that can exceed 100 (e.g. growth, or collection above profile).</param>
public sealed record MeasureUnit(UnitKind Kind, string Label, bool AllowsAbove100 = false)
{
    public static MeasureUnit Percentage { get; } = new(UnitKind.Percentage, "%");
    public static MeasureUnit Number { get; } = new(UnitKind.Number, "number");
    public static MeasureUnit Days { get; } = new(UnitKind.Days, "days");
    public static MeasureUnit Money { get; } = new(UnitKind.Money, "£");
    public static MeasureUnit Ratio { get; } = new(UnitKind.Ratio, "ratio");

    public static MeasureUnit Counted(string label) => new(UnitKind.Number, label.Trim().ToLowerInvariant());

    /// <summary>
    /// Whether values below zero make sense (a net change can be negative; a percentage or a duration cannot).
    /// </summary>
    public bool AllowsNegative => Kind is UnitKind.Number or UnitKind.Money;

    /// <summary>
    /// Reads a unit as the catalogue writes it: "%", "percent", "days", "£", "ratio", or any label for a count.
    /// </summary>
    public static bool TryParse(string? text, out MeasureUnit unit)
    {
        unit = Number;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 30)
        {
            return false;
        }

        MeasureUnit? parsed = value.ToLowerInvariant() switch
        {
            "%" or "percent" or "percentage" => Percentage,
            "%+" or "percent (may exceed 100)" => Percentage with { AllowsAbove100 = true },
            "days" or "day" => Days,
            "£" or "gbp" or "pounds" or "money" => Money,
            "ratio" => Ratio,
            "number" or "count" or "no." => Number,
            var label when label.All(c => char.IsLetter(c) || c is ' ' or '-') => Counted(label),
            _ => null,
        };
        unit = parsed ?? Number;
        return parsed is not null;
    }

    /// <summary>The catalogue's text for this unit (what <see cref="TryParse"/> reads back).</summary>
    public string ToText() => Kind == UnitKind.Percentage && AllowsAbove100 ? "%+" : Label;

    /// <summary>A value as people read it: "42.5%", "£1,234", "12.3 days", "1,234 dwellings", "1.50 ratio".</summary>
    public string Format(decimal value, int decimals)
    {
        var number = Math.Round(value, decimals, MidpointRounding.AwayFromZero)
            .ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("en-GB"));
        return Kind switch
        {
            UnitKind.Percentage => number + "%",
            UnitKind.Money => value < 0 ? "-£" + number.TrimStart('-') : "£" + number,
            UnitKind.Number when Label == "number" => number,
            UnitKind.Ratio => number,
            _ => number + " " + Label,
        };
    }
}
