namespace PmfBot.Cards;

/// <summary>Small text helpers shared by the cards.</summary>
internal static class CardText
{
    /// <summary>
    /// Adaptive Card TextBlocks read a subset of Markdown: escape what a person typed so it shows as typed.
    /// </summary>
    public static string Plain(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal);

    /// <summary>The colour a status reads in: Green "Good", Amber "Warning", Red "Attention".</summary>
    public static string? ColorOf(string? status) =>
        status switch
        {
            "Green" => "Good",
            "Amber" => "Warning",
            "Red" => "Attention",
            _ => null,
        };
}
