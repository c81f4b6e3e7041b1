using System.Text.Json.Serialization;

namespace PmfBot.Cards.Model;

/// <summary>An Adaptive Card at schema 1.5, the newest Teams renders for bots.</summary>
public sealed record AdaptiveCard
{
    public const string SchemaVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema { get; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Version { get; } = SchemaVersion;

    public required IReadOnlyList<CardElement> Body { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Universal Actions: the action Teams calls to show each listed user their own view.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Teams: use the full width of the chat.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardOptions? Teams { get; init; } = new("Full");
}

public sealed record CardRefresh(CardAction Action, IReadOnlyList<string> UserIds);

public sealed record TeamsCardOptions(string Width)
{
    /// <summary>
    /// People @mentioned in the card's text ("&lt;at&gt;Sam Taylor&lt;/at&gt;"): Teams notifies them.
    /// </summary>
    public IReadOnlyList<CardMention>? Entities { get; init; }
}

/// <summary>
/// An @mention: the text as it stands in a TextBlock, and who it is (an Entra object id works for bots).
/// </summary>
public sealed record CardMention(string Text, MentionedPerson Mentioned)
{
    public string Type { get; } = "mention";

    /// <summary>
    /// A mention of someone by their Teams (Entra) id and display name. The name stands in the text XML-encoded, as
    /// Teams reads the &lt;at&gt; tag ("R&amp;amp;D" for "R&amp;D"); the entity carries the name as it is.
    /// </summary>
    public static CardMention Of(string id, string name) =>
        new($"<at>{System.Net.WebUtility.HtmlEncode(name)}</at>", new MentionedPerson(id, name));
}

public sealed record MentionedPerson(string Id, string Name);
