namespace PmfBot.Domain.Catalogue;

/// <summary>Which way is better for a measure.</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,

    /// <summary>Context only: no direction is better, so no RAG and no better/worse.</summary>
    None,
}

public static class PolarityText
{
    /// <summary>
    /// Reads "higher", "higher is better", "up", "lower", "lower is better", "down", "none", "context".
    /// </summary>
    public static bool TryParse(string? text, out Polarity polarity)
    {
        polarity = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "higher" or "higher is better" or "high" or "up" or "bigger is better":
                polarity = Polarity.HigherIsBetter;
                return true;
            case "lower" or "lower is better" or "low" or "down" or "smaller is better":
                polarity = Polarity.LowerIsBetter;
                return true;
            case "none" or "context" or "context only" or "n/a" or "neutral":
                polarity = Polarity.None;
                return true;
            default:
                return false;
        }
    }

    public static string ToText(this Polarity polarity) =>
        polarity switch
        {
            Polarity.HigherIsBetter => "higher",
            Polarity.LowerIsBetter => "lower",
            _ => "none",
        };
}
