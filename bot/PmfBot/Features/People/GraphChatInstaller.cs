using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Storage.Conversations;
using PmfBot.Teams.Auth;

namespace PmfBot.Features.People;

/// <summary>
/// Installs PmfBot for a person through Graph and stores the chat it opens as their personal
/// conversation. Teams also sends the bot an installationUpdate for it, which refreshes the
/// stored reference with the person's Teams id and Teams' own service URL.
/// </summary>
public sealed partial class GraphChatInstaller(
    PeopleDirectory directory,
    ConversationStore conversations,
    IOptions<BotOptions> bot,
    IOptions<GraphOptions> graph,
    TimeProvider time,
    ILogger<GraphChatInstaller> logger
) : IPersonalChatInstaller
{
    // A person's several prompts go out at once: they share one install rather than racing to make several.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<
        string,
        Lazy<Task<StoredConversation?>>
    > _installing = new(StringComparer.OrdinalIgnoreCase);

    public async Task<StoredConversation?> InstallAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var install = _installing.GetOrAdd(aadObjectId, id => new Lazy<Task<StoredConversation?>>(() =>
            InstallOnceAsync(id, CancellationToken.None)
        ));
        try
        {
            return await install.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _installing.TryRemove(new KeyValuePair<string, Lazy<Task<StoredConversation?>>>(aadObjectId, install));
        }
    }

    private async Task<StoredConversation?> InstallOnceAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var installed = await directory.InstallForAsync(aadObjectId, cancellationToken);
        if (installed is not DirectoryResult<string>.Found { Value: var chatId })
        {
            LogNotInstalled(logger, aadObjectId, installed.ToString());
            return null;
        }

        var conversation = new StoredConversation(
            graph.Value.ServiceUrl,
            chatId,
            bot.Value.TenantId ?? string.Empty,
            "28:" + bot.Value.AppId,
            Teams.Schema.ConversationTypes.Personal,
            UserId: null,
            aadObjectId,
            TeamId: null,
            ChannelId: null,
            ConversationState.Active,
            time.GetUtcNow()
        );
        await conversations.SaveAsync(conversation, cancellationToken);
        LogInstalled(logger, aadObjectId);
        return conversation;
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Installed PmfBot for {AadObjectId}, who had never opened it"
    )]
    private static partial void LogInstalled(ILogger logger, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not install PmfBot for {AadObjectId}: {Outcome}")]
    private static partial void LogNotInstalled(ILogger logger, string aadObjectId, string outcome);
}
