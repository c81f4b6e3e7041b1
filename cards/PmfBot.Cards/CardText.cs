namespace PmfBot.Cards;

/// <summary>Small text helpers shared by the cards.</summary>
internal static class CardText
{
    /// <inheritdoc cref="Markdown.Plain"/>
    public static string Plain(string text) => Markdown.Plain(text);

    /// <summary>
    /// <see cref="Plain(string)"/> for a text that carries @mentions: the mentions stand exactly as their entities
    /// say (Teams matches them character for character), the rest is escaped.
    /// </summary>
    public static string Plain(string text, IReadOnlyList<Model.CardMention>? mentions)
    {
        if (mentions is not { Count: > 0 })
        {
            return Plain(text);
        }

        var escaped = new System.Text.StringBuilder();
        var at = 0;
        while (at < text.Length)
        {
            var next = mentions
                .Select(m => (Mention: m.Text, Index: text.IndexOf(m.Text, at, StringComparison.Ordinal)))
                .Where(m => m.Index >= 0)
                .OrderBy(m => m.Index)
                .FirstOrDefault();
            if (next.Mention is null)
            {
                break;
            }

            escaped.Append(Plain(text[at..next.Index])).Append(next.Mention);
            at = next.Index + next.Mention.Length;
        }

        return escaped.Append(Plain(text[at..])).ToString();
    }

    /// <summary>The colour a status reads in: Green "Good", Amber "Warning", Red "Attention".</summary>
    public static string? ColorOf(string? status) =>
        status switch
        {
            "Green" or "On track" or "Completed" => "Good",
            "Amber" or "At risk" => "Warning",
            "Red" or "Off track" => "Attention",
            _ => null,
        };
}
