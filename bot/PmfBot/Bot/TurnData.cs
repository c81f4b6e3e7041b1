using System.Text.Json;

namespace PmfBot.Bot;

public static class TurnData
{
    /// <summary>
    /// A field of the pressed button's data as text: strings as sent, numbers as their JSON text
    /// (Teams sends Input.Number as a number, the Playground as a string), anything else null.
    /// </summary>
    public static string? DataText(this Turn turn, string name) =>
        turn.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(name, out var field)
            ? field.ValueKind switch
            {
                JsonValueKind.String => field.GetString(),
                JsonValueKind.Number => field.GetRawText(),
                _ => null,
            }
            : null;
}
