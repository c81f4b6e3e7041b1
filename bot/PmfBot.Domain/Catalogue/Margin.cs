using System.Globalization;

namespace PmfBot.Domain.Catalogue;

/// <summary>A band around a reference value: a percentage of it, or an absolute amount in the measure's unit.</summary>
/// <remarks>
/// Used for a measure's tolerance (how far it may miss its target and still be Amber) and for the
/// "stable" band of direction of travel. A percentage of a zero reference is a zero-width band.
/// </remarks>
public readonly record struct Margin
{
    private Margin(decimal amount, bool isPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Amount = amount;
        IsPercent = isPercent;
    }

    public decimal Amount { get; }

    public bool IsPercent { get; }

    public static Margin Percent(decimal percent) => new(percent, isPercent: true);

    public static Margin Absolute(decimal amount) => new(amount, isPercent: false);

    /// <summary>The council's default tolerance: 5% of the target.</summary>
    public static Margin DefaultTolerance { get; } = Percent(5);

    /// <summary>The default "stable" band for direction of travel: within 1% of the earlier value.</summary>
    public static Margin DefaultStableBand { get; } = Percent(1);

    /// <summary>The band's width around a reference value, in the measure's unit.</summary>
    public decimal WidthAround(decimal reference) => IsPercent ? Math.Abs(reference) * Amount / 100m : Amount;

    /// <summary>Reads "5%" (of the reference) or "2" / "2.5" (absolute, in the measure's unit).</summary>
    public static bool TryParse(string? text, out Margin margin)
    {
        margin = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var isPercent = value.EndsWith('%');
        if (
            !decimal.TryParse(
                isPercent ? value[..^1].Trim() : value,
                NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out var amount
            )
        )
        {
            return false;
        }

        margin = new Margin(amount, isPercent);
        return true;
    }

    public override string ToString() =>
        IsPercent
            ? $"{Amount.ToString("0.##", CultureInfo.InvariantCulture)}%"
            : Amount.ToString("0.####", CultureInfo.InvariantCulture);
}
