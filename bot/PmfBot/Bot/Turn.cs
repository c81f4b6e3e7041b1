using PmfBot.Domain.Catalogue;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Bot;

/// <summary>One inbound activity, with who sent it as the catalogue knows them.</summary>
/// <param name="Person">The sender, found by their Entra object id; null for someone the catalogue doesn't
/// know.</param>
/// <param name="Text">The message text without the bot's @mention, or the verb of a pressed button.</param>
/// <param name="Catalogue">The catalogue as read once for this turn; handlers use it rather than reading it
/// again.</param>
public sealed record Turn(
    Activity Activity,
    Person? Person,
    string Text,
    CouncilCatalogue Catalogue,
    CancellationToken Cancellation
)
{
    /// <summary>
    /// What a pressed button sent: its data merged with the card's inputs (Action.Execute's action.data, or an
    /// Action.Submit's value).
    /// </summary>
    public System.Text.Json.JsonElement? Data { get; init; }

    /// <summary>
    /// What typed text asks for, read once for the turn with Domain's precedence; null for a button or other text.
    /// </summary>
    public Domain.Values.TypedIntent? Intent { get; init; }

    public bool IsChannel => Activity.Conversation?.ConversationType == ConversationTypes.Channel;

    public bool IsPersonal => Activity.Conversation?.ConversationType is null or ConversationTypes.Personal;
}

/// <summary>
/// What a handler gives back: a card, or text. Sent as a message, or as the invoke's answer for a pressed button.
/// </summary>
public sealed record TurnAnswer(Cards.Model.AdaptiveCard? Card, string? Text)
{
    public static TurnAnswer Of(Cards.Model.AdaptiveCard card) => new(card, null);

    public static TurnAnswer Say(string text) => new(null, text);
}
