using System.Text.Json;

namespace PmfBot.Teams.Schema;

/// <summary>
/// The body of the HTTP 200 that answers an <c>adaptiveCard/action</c> invoke: a card that
/// replaces the one pressed, a message, or an error. An empty body is shown to the user as an
/// error, so every invoke gets one of these.
/// </summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, object Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new(200, CardType, card);

    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, text);

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new InvokeError(code, message));

    public sealed record InvokeError(string Code, string Message);
}
