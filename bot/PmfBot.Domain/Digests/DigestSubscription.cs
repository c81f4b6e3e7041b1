using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Digests;

/// <summary>Whether a subscription's digests are being posted.</summary>
public enum SubscriptionState
{
    Active,

    /// <summary>
    /// Teams refused to post in the channel (the app was removed from the team): nothing is posted until someone
    /// subscribes again.
    /// </summary>
    Paused,
}

/// <summary>A channel's standing order for a weekly digest of one scope.</summary>
/// <param name="TeamId">The team's Teams id (the channel's conversation reference is kept under it).</param>
/// <param name="ChannelId">The channel's Teams id ("19:…@thread.tacv2").</param>
/// <param name="SubscribedBy">Who asked for it, so they can be told when it pauses.</param>
/// <param name="SubscribedAt">Digests start with the first posting time after this.</param>
public sealed record DigestSubscription(
    string TeamId,
    string ChannelId,
    string? ChannelName,
    DigestScope Scope,
    DigestSchedule Schedule,
    PersonId? SubscribedBy,
    string? SubscribedByAadObjectId,
    DateTimeOffset SubscribedAt,
    SubscriptionState State = SubscriptionState.Active,
    string? PausedWhy = null
)
{
    /// <summary>Names it across the council: the channel and the scope ("19:abc@thread.tacv2|service|waste").</summary>
    public string Key => $"{ChannelId}|{Scope.Key}";

    /// <summary>
    /// The posting this subscription owes as of <paramref name="now"/>: the latest scheduled time at
    /// or before now, or null when there is none yet (it was subscribed after that time) or it is paused.
    /// Only the latest is owed: a service down for weeks posts one late digest, not a backlog.
    /// </summary>
    public DateTimeOffset? PostingOwedAt(DateTimeOffset now)
    {
        if (State != SubscriptionState.Active)
        {
            return null;
        }

        var latest = Schedule.LatestAtOrBefore(now);
        return latest > SubscribedAt ? latest : null;
    }
}
