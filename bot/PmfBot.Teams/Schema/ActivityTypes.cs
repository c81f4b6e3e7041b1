namespace PmfBot.Teams.Schema;

/// <summary>The activity types PmfBot acts on (Bot Framework v3 names). Others are acknowledged and ignored.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Typing = "typing";
}

/// <summary>Names of invoke activities.</summary>
public static class InvokeNames
{
    /// <summary>Universal Actions: an Action.Execute pressed on an Adaptive Card.</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>A search message extension: someone typed into its box, or opened it.</summary>
    public const string ComposeExtensionQuery = "composeExtension/query";
}

/// <summary>Values of <c>conversation.conversationType</c> in Teams.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}
