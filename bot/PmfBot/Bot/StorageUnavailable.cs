namespace PmfBot.Bot;

/// <summary>What a person is told when PmfBot can't reach its storage: nothing was saved, and what to do.</summary>
public static class StorageUnavailable
{
    /// <summary>On a card they pressed, which stays as it was with their entry on it.</summary>
    public const string OnCard =
        "Not saved: PmfBot can't reach its storage just now. "
        + "What you entered is still on the card; press the button again in a minute.";

    /// <summary>In the chat, after something typed: their message is still there to send again.</summary>
    public const string InChat =
        "I couldn't do that, and nothing was saved: PmfBot can't reach its storage just now. "
        + "Please send it again in a few minutes.";

    /// <summary>Beside the figure on a prompt card that comes back unsaved.</summary>
    public const string UpdateNotSaved =
        "Not saved: PmfBot can't reach its storage just now. "
        + "Your entry is still here; press Submit update again in a minute.";

    /// <summary>In a search message extension's results: nothing could be looked up.</summary>
    public const string InSearch =
        "PmfBot can't reach its storage just now, so it can't search. Try again in a minute.";
}
