using PmfBot.Storage.Conversations;

namespace PmfBot.Bot;

/// <summary>
/// Opens a personal chat with someone who has never opened PmfBot, by installing the app for them
/// (Microsoft Graph), so that the first prompt reaches everyone, not only those who said hello.
/// </summary>
public interface IPersonalChatInstaller
{
    /// <returns>The new chat, stored for later sends; null when it can't be done (the reason is logged).</returns>
    Task<StoredConversation?> InstallAsync(string aadObjectId, CancellationToken cancellationToken);
}
