using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PmfBot.Cards.Model;

namespace PmfBot.Cards;

/// <summary>Cards to JSON, the way the Adaptive Cards schema spells it.</summary>
public static class CardJson
{
    /// <summary>Teams refuses messages over ~100 KB; cards stay under this.</summary>
    public const int MaxBytes = 80 * 1024;

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
