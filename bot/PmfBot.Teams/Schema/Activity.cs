using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PmfBot.Teams.Schema;

/// <summary>
/// A Bot Framework v3 activity: what Teams posts to /api/messages, and what the bot sends back
/// through the connector. Properties the bot does not model are kept in <see cref="Properties"/>
/// so an activity read and written again (an update of a sent card) loses nothing.
/// </summary>
public sealed partial record Activity
{
    public required string Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Where to call back. Opaque: stored as received, refreshed from every inbound activity.</summary>
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
    public string? ReplyToId { get; init; }

    /// <summary>An invoke's payload, or an Action.Submit's data and inputs.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>An invoke's name, e.g. "adaptiveCard/action".</summary>
    public string? Name { get; init; }

    /// <summary>installationUpdate: "add" or "remove".</summary>
    public string? Action { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>Teams' channelData, typed: null when absent or not an object; each part null when misshapen.</summary>
    [JsonIgnore]
    public TeamsChannelData? TeamsData => TeamsChannelData.Read(ChannelData);

    /// <summary>The tenant: from the conversation, else from Teams' channelData.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? TeamsData?.Tenant?.Id;

    /// <summary>
    /// The text with every &lt;at&gt;…&lt;/at&gt; mention of the bot removed and whitespace tidied:
    /// "&lt;at&gt;PmfBot&lt;/at&gt; subscribe Waste" → "subscribe Waste". Other people's mentions keep their name.
    /// </summary>
    public string TextWithoutBotMention()
    {
        var text = Text ?? string.Empty;
        foreach (var mention in Entities?.Where(e => e?.Type == Entity.MentionType) ?? [])
        {
            if (mention.Text is { Length: > 0 } markup)
            {
                var isBot =
                    Recipient is not null
                    && string.Equals(mention.Mentioned?.Id, Recipient.Id, StringComparison.OrdinalIgnoreCase);
                text = text.Replace(
                    markup,
                    isBot ? " " : AtTag().Replace(markup, "$1"),
                    StringComparison.OrdinalIgnoreCase
                );
            }
        }

        // A client that sends the markup without a mention entity: drop any remaining tags, keep their names out.
        text = AtTag().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>Where this activity came from, to reply or to write later (proactively).</summary>
    public ConversationReference GetConversationReference() =>
        new(
            ServiceUrl ?? throw new InvalidOperationException("An activity without a serviceUrl cannot be answered."),
            ChannelId ?? "msteams",
            Conversation
                ?? throw new InvalidOperationException("An activity without a conversation cannot be answered."),
            Recipient
                ?? throw new InvalidOperationException("An activity without a recipient (the bot) cannot be answered."),
            From,
            Id,
            TenantId
        );

    /// <summary>A message in reply to this activity, in the same conversation.</summary>
    public Activity CreateReply(string? text = null, IReadOnlyList<Attachment>? attachments = null) =>
        new()
        {
            Type = ActivityTypes.Message,
            From = Recipient,
            Recipient = From,
            Conversation = Conversation,
            ServiceUrl = ServiceUrl,
            ChannelId = ChannelId,
            ReplyToId = Id,
            Text = text,
            Attachments = attachments,
        };

    [GeneratedRegex(@"<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
