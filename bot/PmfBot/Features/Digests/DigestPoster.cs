using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Digests;
using PmfBot.Council;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Storage.Digests;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Features.Digests;

/// <summary>What one check for owed digests did.</summary>
public sealed record DigestRunReport(int Owed, int Posted, int Late, int AlreadyHandled, int Failed, int Paused)
{
    public override string ToString() =>
        $"Digests: {Owed} owed, {Posted} posted ({Late} late), {AlreadyHandled} already handled, {Failed} failed, "
        + $"{Paused} paused";
}

/// <summary>
/// Posts the weekly digests that are owed: for each subscription, the latest scheduled posting at
/// or before now (Europe/London), claimed per (subscription, week) before it is posted and recorded
/// after, so restarts and several instances post each week's digest exactly once. A posting missed
/// while the service was down goes out late, once, and says so. When Teams says the bot is no
/// longer in the team (403), the subscription pauses and whoever subscribed is told in their chat.
/// </summary>
public sealed partial class DigestPoster(
    SubscriptionStore subscriptions,
    DigestStore postings,
    ProactiveMessenger messenger,
    CouncilToday catalogue,
    DigestBuilder builder,
    Scheduling.SchedulerLeader leader,
    Telemetry.PmfMetrics metrics,
    TimeProvider time,
    IOptions<DigestOptions> options,
    IOptions<CouncilOptions> councilOptions,
    ILogger<DigestPoster> logger
) : Scheduling.IScheduledWork
{
    // Weeks this instance has seen finished, by subscription: spares a claim attempt (two storage calls) per
    // subscription per check.
    private readonly ConcurrentDictionary<string, string> _finished = new(StringComparer.Ordinal);

    public string What => "The digest check";

    /// <summary>The posting job's name, by which other parts of the host (the demo's "post now") find it.</summary>
    public const string JobName = "digests";

    Task Scheduling.IScheduledWork.RunScheduledAsync(CancellationToken cancellationToken) =>
        RunAsync(cancellationToken);

    public async Task<DigestRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        int owed = 0,
            posted = 0,
            late = 0,
            handled = 0,
            failed = 0,
            paused = 0;
        CouncilCatalogue? council = null;
        foreach (var subscription in await subscriptions.GetAllAsync(cancellationToken))
        {
            if (subscription.PostingOwedAt(now) is not { } dueAt)
            {
                continue;
            }

            var week = DigestSchedule.WeekOf(dueAt);
            if (_finished.TryGetValue(subscription.Key, out var done) && done == week)
            {
                continue;
            }

            owed++;
            var isLate = now - dueAt > settings.LateAfter;
            var claim = await postings.TryClaimAsync(
                subscription.Key,
                week,
                dueAt,
                isLate,
                leader.ClaimTerms(messenger.Claimant, now, settings.ClaimLease, settings.MaxAttempts),
                cancellationToken
            );
            if (claim is null)
            {
                handled++;
                // posted, refused, given up, or another instance's now: either way not this one's
                _finished[subscription.Key] = week;
                continue;
            }

            council ??= await catalogue.LoadAsync(cancellationToken);
            var outcome = await PostAsync(subscription, claim.Posting, council, cancellationToken);
            if (!await postings.RecordOutcomeAsync(claim, outcome, CancellationToken.None))
            {
                LogClaimLost(logger, subscription.Key, week);
            }

            switch (outcome.State)
            {
                case DigestPostingState.Posted:
                    metrics.Digest(outcome.Late ? "posted_late" : "posted");
                    posted++;
                    late += outcome.Late ? 1 : 0;
                    _finished[subscription.Key] = week;
                    break;
                case DigestPostingState.Refused:
                    metrics.Digest("paused");
                    paused++;
                    await PauseAsync(
                        subscription,
                        outcome.Note ?? "Teams refused the post.",
                        council,
                        cancellationToken
                    );
                    break;
                default:
                    metrics.Digest("failed");
                    failed++;
                    break;
            }
        }

        var report = new DigestRunReport(owed, posted, late, handled, failed, paused);
        if (owed > 0)
        {
            LogReport(logger, report);
        }

        return report;
    }

    private async Task<DigestPosting> PostAsync(
        DigestSubscription subscription,
        DigestPosting claimed,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var digest = await builder.ComposeAsync(
            subscription.Scope,
            council,
            claimed.DueAt.AddDays(-7),
            claimed.DueAt,
            cancellationToken
        );
        var card = DigestCard.Build(
            DigestViews.Of(
                digest,
                subscription.Scope,
                council,
                councilOptions.Value.Name,
                claimed.Late,
                options.Value.MentionOwners
            )
        );
        var post = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [Attachment.AdaptiveCard(CardJson.ToElement(card))],
        };
        var sent = await messenger.StartThreadAsync(
            subscription.TeamId,
            subscription.ChannelId,
            post,
            $"digest|{subscription.Key}|{claimed.Week}",
            cancellationToken
        );
        return sent switch
        {
            SendOutcome.Sent s => claimed with
            {
                State = DigestPostingState.Posted,
                PostedAt = time.GetUtcNow(),
                ConversationId = s.ConversationId,
                ActivityId = s.ActivityId,
                Note = null,
            },
            SendOutcome.NoConversation => claimed with
            {
                State = DigestPostingState.Failed,
                Note = "PmfBot has no record of this channel: someone should @mention it there once.",
            },
            SendOutcome.RecipientGone g => claimed with
            {
                State = DigestPostingState.Refused,
                Note = $"Teams refused the post ({g.Code}): PmfBot is no longer in the team.",
            },
            _ => claimed with { State = DigestPostingState.Failed, Note = sent.Why },
        };
    }

    /// <summary>
    /// Stops the subscription's postings and tells whoever subscribed, in their own chat when PmfBot has one.
    /// </summary>
    private async Task PauseAsync(
        DigestSubscription subscription,
        string why,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        await subscriptions.SaveAsync(
            subscription with
            {
                State = SubscriptionState.Paused,
                PausedWhy = why,
            },
            cancellationToken
        );
        LogPaused(logger, subscription.Key, why);
        if (subscription.SubscribedByAadObjectId is not { Length: > 0 } aad)
        {
            return;
        }

        var channel = subscription.ChannelName is { Length: > 0 } name ? $"the {name} channel" : "a channel";
        var text =
            $"PmfBot can no longer post in {channel} ({why}), so the weekly digest for "
            + $"{subscription.Scope.NameIn(council)} you subscribed it to is paused. "
            + "Add PmfBot to the team again and @mention it in the channel with \"subscribe\" to restart it.";
        var told = await messenger.SendToPersonAsync(
            aad,
            new Activity { Type = ActivityTypes.Message, Text = text },
            $"digest-paused|{subscription.Key}",
            cancellationToken
        );
        if (told is not SendOutcome.Sent)
        {
            LogNotTold(logger, subscription.Key, told.Why);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Report}")]
    private static partial void LogReport(ILogger logger, DigestRunReport report);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Digest {Subscription} {Week}: the claim was taken over before its outcome was recorded; "
            + "Digests:ClaimLease is too short"
    )]
    private static partial void LogClaimLost(ILogger logger, string subscription, string week);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest subscription {Subscription} paused: {Why}")]
    private static partial void LogPaused(ILogger logger, string subscription, string why);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Digest subscription {Subscription} paused; its subscriber could not be told: {Outcome}"
    )]
    private static partial void LogNotTold(ILogger logger, string subscription, string outcome);
}
