using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PmfBot.Cards.Model;

namespace PmfBot.Cards;

/// <summary>Cards to JSON, the way the Adaptive Cards schema spells it.</summary>
public static class CardJson
{
    /// <summary>
    /// The most JSON a card may be. Teams counts a bot message in UTF-16, recommends staying within 80 KB of it and
    /// refuses one over ~100 KB (413 MessageSizeTooBig): 28 KB leaves room for the activity around the card and for
    /// text that takes two bytes a character.
    /// </summary>
    public const int MaxBytes = 28 * 1024;

    public static JsonSerializerOptions Options { get; } =
        new(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,

            // Cards travel as JSON, never inside HTML: keep apostrophes and £ readable in the golden files.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    public static string ToJson(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);
}
