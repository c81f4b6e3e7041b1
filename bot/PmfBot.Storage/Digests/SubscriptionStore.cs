using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;

namespace PmfBot.Storage.Digests;

// Key design (table "Subscriptions"): PartitionKey = "subscriptions", RowKey = "{channelId}|{scope key}"
// ("19:abc@thread.tacv2|service|waste").
// Why: the digest job reads every subscription each time it wakes: one partition read (a council
// has tens, at most hundreds). A channel's own subscriptions are a RowKey prefix read of that
// partition. One row per channel and scope, so subscribing again changes the schedule, not adds one.

internal sealed class SubscriptionEntity : StoredEntity
{
    public string TeamId { get; set; } = string.Empty;
    public string ChannelId { get; set; } = string.Empty;
    public string? ChannelName { get; set; }
    public string Scope { get; set; } = string.Empty;
    public string Day { get; set; } = string.Empty;
    public string Time { get; set; } = string.Empty;
    public string? SubscribedBy { get; set; }
    public string? SubscribedByAadObjectId { get; set; }
    public DateTimeOffset SubscribedAt { get; set; }
    public string State { get; set; } = string.Empty;
    public string? PausedWhy { get; set; }
}

/// <summary>Channels' standing orders for weekly digests.</summary>
public sealed class SubscriptionStore(PmfTables tables)
{
    private const string Partition = "subscriptions";

    private readonly TableClient _table = tables.Subscriptions;

    /// <summary>
    /// Adds a subscription, or replaces the channel's subscription to the same scope (a new schedule, or resuming a
    /// paused one).
    /// </summary>
    public async Task SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(
            TableLimits.EnsureFits(ToEntity(subscription)),
            TableUpdateMode.Replace,
            cancellationToken
        );

    /// <summary>Removes one; false when it wasn't there.</summary>
    public async Task<bool> RemoveAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(Partition, subscription.Key, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>A channel's subscriptions: one RowKey prefix read.</summary>
    public async Task<IReadOnlyList<DigestSubscription>> GetForChannelAsync(
        string channelId,
        CancellationToken cancellationToken
    ) => await QueryAsync(RowKeyPrefix.Filter(Partition, channelId + "|"), cancellationToken);

    /// <summary>Every subscription: one partition read.</summary>
    public async Task<IReadOnlyList<DigestSubscription>> GetAllAsync(CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken);

    private async Task<IReadOnlyList<DigestSubscription>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var list = new List<DigestSubscription>();
        await foreach (var e in _table.QueryAsync<SubscriptionEntity>(filter, cancellationToken: cancellationToken))
        {
            if (ToDomain(e) is { } subscription)
            {
                list.Add(subscription);
            }
        }

        return list;
    }

    private static SubscriptionEntity ToEntity(DigestSubscription s) =>
        new()
        {
            PartitionKey = Partition,
            RowKey = s.Key,
            TeamId = s.TeamId,
            ChannelId = s.ChannelId,
            ChannelName = s.ChannelName,
            Scope = s.Scope.Key,
            Day = s.Schedule.Day.ToString(),
            Time = s.Schedule.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            SubscribedBy = s.SubscribedBy?.Value,
            SubscribedByAadObjectId = s.SubscribedByAadObjectId,
            SubscribedAt = s.SubscribedAt,
            State = s.State.ToString(),
            PausedWhy = s.PausedWhy,
        };

    // A row edited by hand into nonsense is skipped rather than stopping every channel's digest.
    private static DigestSubscription? ToDomain(SubscriptionEntity e) =>
        DigestScope.TryParseKey(e.Scope, out var scope)
        && Enum.TryParse<DayOfWeek>(e.Day, out var day)
        && TimeOnly.TryParseExact(
            e.Time,
            "HH:mm",
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None,
            out var time
        )
        && Enum.TryParse<SubscriptionState>(e.State, out var state)
            ? new DigestSubscription(
                e.TeamId,
                e.ChannelId,
                e.ChannelName,
                scope,
                new DigestSchedule(day, time),
                PersonId.TryParse(e.SubscribedBy, out var by) ? by : null,
                e.SubscribedByAadObjectId,
                e.SubscribedAt,
                state,
                e.PausedWhy
            )
            : null;
}
