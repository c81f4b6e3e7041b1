using System.Text.Json;

namespace PmfBot.Teams.Schema;

/// <summary>
/// The value of a <c>composeExtension/query</c> invoke: what someone typed into a search message extension's box (one
/// parameter per field of the command in the manifest), or <c>initialRun</c> when the command was just opened.
/// </summary>
public sealed record MessagingExtensionQuery(
    string? CommandId,
    IReadOnlyList<MessagingExtensionParameter>? Parameters,
    MessagingExtensionQueryOptions? QueryOptions
)
{
    /// <summary>What Teams sends when a command with <c>initialRun</c> opens, before anything is typed.</summary>
    public const string InitialRun = "initialRun";

    /// <summary>The query as a JSON object, or null for a value that isn't one.</summary>
    public static MessagingExtensionQuery? From(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } json)
        {
            return null;
        }

        try
        {
            return json.Deserialize<MessagingExtensionQuery>(TeamsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool IsInitialRun => Parameters?.Any(p => p.Name == InitialRun) == true;

    /// <summary>The text of the named parameter, or of the first one when it is missing; empty for none.</summary>
    public string TextOf(string name) =>
        (Parameters?.FirstOrDefault(p => p.Name == name) ?? (Parameters is [var first, ..] ? first : null))?.Value
            is { ValueKind: JsonValueKind.String } text
            ? text.GetString() ?? string.Empty
            : string.Empty;
}

public sealed record MessagingExtensionParameter(string? Name, JsonElement? Value);

/// <param name="Skip">Results to leave out (Teams pages as people scroll).</param>
/// <param name="Count">Results asked for.</param>
public sealed record MessagingExtensionQueryOptions(int? Skip, int? Count);

/// <summary>
/// The body of the HTTP 200 that answers a search message extension: results for Teams to list (each a card to insert
/// and a preview to show), or a message in words.
/// </summary>
public sealed record MessagingExtensionResponse(MessagingExtensionResult ComposeExtension)
{
    public static MessagingExtensionResponse Results(IReadOnlyList<MessagingExtensionAttachment> attachments) =>
        new(new MessagingExtensionResult("result", "list", attachments, null));

    public static MessagingExtensionResponse Message(string text) =>
        new(new MessagingExtensionResult("message", null, null, text));
}

public sealed record MessagingExtensionResult(
    string Type,
    string? AttachmentLayout,
    IReadOnlyList<MessagingExtensionAttachment>? Attachments,
    string? Text
);

/// <summary>A result: the Adaptive Card inserted when it is chosen, and the thumbnail card listed for it.</summary>
public sealed record MessagingExtensionAttachment(string ContentType, JsonElement Content, Attachment Preview)
{
    public const string ThumbnailCardContentType = "application/vnd.microsoft.card.thumbnail";

    public static MessagingExtensionAttachment AdaptiveCard(JsonElement card, string title, string text) =>
        new(
            Attachment.AdaptiveCardContentType,
            card,
            new Attachment(
                ThumbnailCardContentType,
                JsonSerializer.SerializeToElement(new { title, text }, TeamsJson.Options)
            )
        );
}
