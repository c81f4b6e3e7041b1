using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Catalogue;

/// <summary>How often a measure is updated: one value per period of this length.</summary>
public enum Frequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    Annual,
}

public static class FrequencyText
{
    public static PeriodKind PeriodKind(this Frequency frequency) =>
        frequency switch
        {
            Frequency.Monthly => Calendar.PeriodKind.Month,
            Frequency.Quarterly => Calendar.PeriodKind.Quarter,
            Frequency.HalfYearly => Calendar.PeriodKind.Half,
            Frequency.Annual => Calendar.PeriodKind.Year,
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
        };

    /// <summary>Reads "monthly"/"M", "quarterly"/"Q", "half-yearly"/"six-monthly"/"H", "annual"/"yearly"/"A".</summary>
    public static bool TryParse(string? text, out Frequency frequency)
    {
        frequency = default;
        switch (text?.Trim().ToLowerInvariant().Replace(" ", "-", StringComparison.Ordinal))
        {
            case "m" or "monthly" or "month":
                frequency = Frequency.Monthly;
                return true;
            case "q" or "quarterly" or "quarter":
                frequency = Frequency.Quarterly;
                return true;
            case "h" or "half-yearly" or "halfyearly" or "six-monthly" or "biannual" or "half-year":
                frequency = Frequency.HalfYearly;
                return true;
            case "a" or "y" or "annual" or "annually" or "yearly" or "year":
                frequency = Frequency.Annual;
                return true;
            default:
                return false;
        }
    }

    public static string ToText(this Frequency frequency) =>
        frequency switch
        {
            Frequency.Monthly => "monthly",
            Frequency.Quarterly => "quarterly",
            Frequency.HalfYearly => "half-yearly",
            _ => "annual",
        };
}
