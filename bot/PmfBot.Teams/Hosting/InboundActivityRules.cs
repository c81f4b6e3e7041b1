using PmfBot.Teams.Schema;

namespace PmfBot.Teams.Hosting;

/// <summary>
/// What an inbound activity must hold before any handler sees it. A message, an invoke or an
/// installation update is answered: it needs the conversation's id, who sent it, who received it,
/// and a serviceUrl the bot may call; a conversation update needs the conversation and the
/// serviceUrl (it refreshes where the bot can write). Every id is short, visible text without the
/// characters storage keys refuse ('/', '\', '#', '?'); an Entra object id is a GUID. Anything else
/// is not from Teams and is refused whole.
/// </summary>
public static class InboundActivityRules
{
    /// <summary>Teams' ids are far shorter (a personal chat's is about 150 characters).</summary>
    public const int MaxIdLength = 512;

    /// <summary>Teams caps a message at about 28 KB; anything longer is not from Teams.</summary>
    public const int MaxTextLength = 40_000;

    /// <summary>Null when the activity may go on to the bot; otherwise why not.</summary>
    public static string? Problem(Activity activity, ServiceUrlRule serviceUrls)
    {
        if (activity.Type.Length > 64 || !IsId(activity.Type))
        {
            return "type is not an activity type";
        }

        // Someone said or pressed something, or installed PmfBot: the bot answers them. A
        // conversationUpdate (a team renamed, a member added) only refreshes where the conversation is.
        var answered =
            activity.IsType(ActivityTypes.Message)
            || activity.IsType(ActivityTypes.Invoke)
            || activity.IsType(ActivityTypes.InstallationUpdate);
        var aboutAConversation = answered || activity.IsType(ActivityTypes.ConversationUpdate);
        if (activity.ServiceUrl is { } serviceUrl)
        {
            if (serviceUrls.Problem(serviceUrl) is { } problem)
            {
                return problem;
            }
        }
        else if (aboutAConversation)
        {
            return "serviceUrl is missing";
        }

        var teams = activity.TeamsData; // read once: each read parses channelData
        return Required(aboutAConversation, "conversation", activity.Conversation?.Id, activity.Conversation is null)
            ?? Required(answered, "from", activity.From?.Id, activity.From is null)
            ?? Required(answered, "recipient", activity.Recipient?.Id, activity.Recipient is null)
            ?? EntraId("from.aadObjectId", activity.From?.AadObjectId)
            ?? Optional("conversation.tenantId", activity.Conversation?.TenantId)
            ?? Optional("conversation.conversationType", activity.Conversation?.ConversationType)
            ?? Optional("channelId", activity.ChannelId)
            ?? Optional("id", activity.Id)
            ?? Optional("replyToId", activity.ReplyToId)
            ?? InvokeName(activity)
            ?? Optional("channelData.tenant.id", teams?.Tenant?.Id)
            ?? Optional("channelData.team.id", teams?.Team?.Id)
            ?? Optional("channelData.channel.id", teams?.Channel?.Id)
            ?? (activity.Text?.Length > MaxTextLength ? $"text is longer than {MaxTextLength:N0} characters" : null)
            ?? NoGaps("membersAdded", activity.MembersAdded)
            ?? NoGaps("membersRemoved", activity.MembersRemoved)
            ?? NoGaps("attachments", activity.Attachments);
    }

    /// <summary>
    /// An invoke names what it is ("adaptiveCard/action"); one PmfBot doesn't handle is answered 501
    /// later, as Bot Framework does.
    /// </summary>
    private static string? InvokeName(Activity activity) =>
        activity.IsType(ActivityTypes.Invoke) && string.IsNullOrWhiteSpace(activity.Name) ? "an invoke without a name"
        : activity.Name is { } name && (name.Length > 256 || name.Any(char.IsControl)) ? "name is not an invoke name"
        : null;

    private static string? Required(bool required, string name, string? id, bool absent) =>
        absent ? (required ? $"{name} is missing" : null)
        : id is null ? $"{name}.id is missing"
        : IsId(id) ? null
        : $"{name}.id is not an id";

    private static string? Optional(string name, string? id) => id is null || IsId(id) ? null : $"{name} is not an id";

    private static string? EntraId(string name, string? id) =>
        id is null || Guid.TryParse(id, out _) ? null : $"{name} is not an Entra object id";

    private static string? NoGaps<T>(string name, IReadOnlyList<T>? items) =>
        items?.Any(i => i is null) == true ? $"{name} holds an empty item" : null;

    /// <summary>Visible text, short, and safe in a storage key.</summary>
    private static bool IsId(string text) =>
        text.Length is > 0 and <= MaxIdLength && !text.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?');
}
