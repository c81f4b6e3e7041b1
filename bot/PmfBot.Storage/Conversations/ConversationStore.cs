using Azure;
using Azure.Data.Tables;

namespace PmfBot.Storage.Conversations;

// Key design (table "Conversations"):
//   a person's 1:1 chat:  PartitionKey = "user|{aadObjectId lower-case}", RowKey = "personal"
//   a channel:            PartitionKey = "team|{teamId}",                  RowKey = "channel|{channelId}"
//   welcomed markers:     the same partition, RowKey = "welcomed" / "welcomed|{channelId}"
// Why: the proactive sender looks up one person (or one channel) at a time by the id it has:
// always a point read. A team's channels are one partition, for listing subscriptions.
// The tenant is stored with each reference but is not part of the key: PmfBot is a single-tenant
// bot (new multi-tenant bots can no longer be created), and Entra object ids are GUIDs, unique
// across tenants, so the object id alone finds the person; callers need not know the tenant.
// Teams ids contain ':' '@' ';' '.', all allowed in keys; '/', '\', '#', '?' never appear in them.

internal sealed class ConversationEntity : StoredEntity
{
    public string ServiceUrl { get; set; } = string.Empty;
    public string ConversationId { get; set; } = string.Empty;
    public string TenantId { get; set; } = string.Empty;
    public string BotId { get; set; } = string.Empty;
    public string ConversationType { get; set; } = string.Empty;
    public string? UserId { get; set; }
    public string? AadObjectId { get; set; }
    public string? TeamId { get; set; }
    public string? ChannelId { get; set; }
    public string State { get; set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Conversation references for proactive messages, one per person (1:1) and per channel.</summary>
public sealed class ConversationStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Conversations;

    /// <summary>Saves (or refreshes) a reference; a later inbound activity always wins.</summary>
    public async Task SaveAsync(StoredConversation conversation, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(ToEntity(conversation), TableUpdateMode.Replace, cancellationToken);

    public async Task<StoredConversation?> GetPersonalAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<ConversationEntity>(
            PersonalPartition(aadObjectId),
            "personal",
            cancellationToken: cancellationToken
        );
        return found.HasValue ? ToDomain(found.Value!) : null;
    }

    public async Task<StoredConversation?> GetChannelAsync(
        string teamId,
        string channelId,
        CancellationToken cancellationToken
    )
    {
        var found = await _table.GetEntityIfExistsAsync<ConversationEntity>(
            TeamPartition(teamId),
            "channel|" + channelId,
            cancellationToken: cancellationToken
        );
        return found.HasValue ? ToDomain(found.Value!) : null;
    }

    /// <summary>
    /// Claims the welcome for a conversation: true for the one caller that inserted the marker,
    /// false when it was already there. Insert-if-absent, so simultaneous install events (Teams
    /// sends conversationUpdate and installationUpdate together) welcome once.
    /// </summary>
    public async Task<bool> TryClaimWelcomeAsync(StoredConversation conversation, CancellationToken cancellationToken)
    {
        var (partition, row) = WelcomeKey(conversation);
        try
        {
            await _table.AddEntityAsync(new TableEntity(partition, row), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets the welcome (the app was removed), so a reinstall is welcomed again.</summary>
    public async Task ClearWelcomeAsync(StoredConversation conversation, CancellationToken cancellationToken)
    {
        var (partition, row) = WelcomeKey(conversation);
        // a missing row is fine (204 or 404 both end here)
        await _table.DeleteEntityAsync(partition, row, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Records that the bot can no longer post there (removed, blocked), keeping the reference for when it returns.
    /// </summary>
    public async Task MarkGoneAsync(
        StoredConversation conversation,
        DateTimeOffset at,
        CancellationToken cancellationToken
    ) => await SaveAsync(conversation with { State = ConversationState.Gone, UpdatedAt = at }, cancellationToken);

    /// <summary>
    /// Forgets how to reach a person: their 1:1 chat and its welcome marker (someone who left). Returns how many rows
    /// went.
    /// </summary>
    public Task<int> ForgetPersonAsync(string aadObjectId, CancellationToken cancellationToken) =>
        TableSweep.DeleteAsync(
            _table,
            TableClient.CreateQueryFilter($"PartitionKey eq {PersonalPartition(aadObjectId)}"),
            cancellationToken
        );

    private static (string Partition, string Row) WelcomeKey(StoredConversation c) =>
        c.ConversationType == "channel"
            ? (TeamPartition(c.TeamId!), "welcomed|" + c.ChannelId)
            : (PersonalPartition(c.AadObjectId!), "welcomed");

    private static string PersonalPartition(string aadObjectId) => "user|" + aadObjectId.ToLowerInvariant();

    private static string TeamPartition(string teamId) => "team|" + teamId;

    private static ConversationEntity ToEntity(StoredConversation c)
    {
        var (partition, row) =
            c.ConversationType == "channel"
                ? (
                    TeamPartition(
                        c.TeamId ?? throw new ArgumentException("A channel conversation needs its team id.", nameof(c))
                    ),
                    "channel|"
                        + (
                            c.ChannelId
                            ?? throw new ArgumentException("A channel conversation needs its channel id.", nameof(c))
                        )
                )
                : (
                    PersonalPartition(
                        c.AadObjectId
                            ?? throw new ArgumentException(
                                "A personal conversation needs the person's aadObjectId.",
                                nameof(c)
                            )
                    ),
                    "personal"
                );
        return TableLimits.EnsureFits(
            new ConversationEntity
            {
                PartitionKey = partition,
                RowKey = row,
                ServiceUrl = c.ServiceUrl,
                ConversationId = c.ConversationId,
                TenantId = c.TenantId,
                BotId = c.BotId,
                ConversationType = c.ConversationType,
                UserId = c.UserId,
                AadObjectId = c.AadObjectId,
                TeamId = c.TeamId,
                ChannelId = c.ChannelId,
                State = c.State.ToString(),
                UpdatedAt = c.UpdatedAt,
            }
        );
    }

    private static StoredConversation ToDomain(ConversationEntity e) =>
        new(
            e.ServiceUrl,
            e.ConversationId,
            e.TenantId,
            e.BotId,
            e.ConversationType,
            e.UserId,
            e.AadObjectId,
            e.TeamId,
            e.ChannelId,
            Enum.Parse<ConversationState>(e.State),
            e.UpdatedAt
        );
}
