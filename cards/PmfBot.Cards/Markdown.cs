namespace PmfBot.Cards;

/// <summary>Teams' Markdown, in cards' TextBlocks and in plain messages alike.</summary>
public static class Markdown
{
    /// <summary>
    /// Teams reads a subset of Markdown: escape what a person typed, or a name, so it shows as typed ("*Acting* Head"
    /// stays starred, "Ana_Maria" keeps its underscore).
    /// </summary>
    public static string Plain(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal);
}
