using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Model;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Prompts;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Delivery;

/// <summary>
/// Sends a card for one step of a measure's period (a prompt, a chase, an extension request or its
/// answer) exactly once: claimed in storage before it is sent, its outcome recorded after, so
/// restarts and several instances never send a step twice or skip one. Nothing goes to someone who has left.
/// </summary>
public sealed partial class ClaimedSend(
    PromptStore prompts,
    KnownLeavers leavers,
    ProactiveMessenger messenger,
    Scheduling.SchedulerLeader leader,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<ClaimedSend> logger
)
{
    /// <summary>
    /// Claims, sends and records one step. Null when it was not this caller's to send (already handled, or held by
    /// another instance).
    /// </summary>
    /// <param name="council">Where the recipient is looked up: someone without an Entra object id can't be reached
    /// yet.</param>
    /// <param name="card">Built only once the claim is won.</param>
    public Task<PromptState?> SendAsync(
        PromptSubject subject,
        ReportingPeriod period,
        string step,
        PersonId recipientId,
        CouncilCatalogue council,
        Func<AdaptiveCard> card,
        CancellationToken cancellationToken
    ) => SendAsync(subject, period, step, recipientId, council, card, text: null, cancellationToken);

    /// <summary>Claims, sends and records one step, with a line of text above its card.</summary>
    /// <param name="text">A line above the card.</param>
    public async Task<PromptState?> SendAsync(
        PromptSubject subject,
        ReportingPeriod period,
        string step,
        PersonId recipientId,
        CouncilCatalogue council,
        Func<AdaptiveCard> card,
        string? text,
        CancellationToken cancellationToken
    )
    {
        var settings = options.Value;
        // Steps name their recipient by email (they are storage keys); logs name people by Entra object id only.
        var logKey =
            $"{subject.Key}|{period.Code}|{step.Replace(recipientId.Value, "recipient", StringComparison.Ordinal)}";
        var claim = await prompts.TryClaimAsync(
            subject,
            period,
            step,
            recipientId,
            leader.ClaimTerms(
                messenger.Claimant,
                time.GetUtcNow(),
                settings.ClaimLease,
                settings.MaxSendAttempts,
                settings.RetryWaitingForInstallEvery
            ),
            cancellationToken,
            recipientReachable: ct =>
                council.FindPerson(recipientId)?.AadObjectId is { Length: > 0 } aad
                    ? messenger.CanReachPersonAsync(aad, ct)
                    : Task.FromResult(false)
        );
        if (claim is null)
        {
            return null;
        }

        PromptRecord outcome;
        // Not cancellable: once claimed, the claim is settled below either way.
        if ((await leavers.GetAsync(CancellationToken.None)).TryGetValue(recipientId, out var leaver))
        {
            // The due scans tell the performance team instead; this catches the rest (an escalation, an extension).
            outcome = claim.Record with { State = PromptState.Gone, Note = $"They have left: {leaver.WhyInWords}." };
        }
        else if (council.FindPerson(recipientId)?.AadObjectId is not { Length: > 0 } aad)
        {
            outcome = claim.Record with
            {
                State = PromptState.WaitingForInstall,
                Note = "The catalogue has no Entra object id for this person, so Teams can't reach them.",
            };
        }
        else
        {
            var message = new Activity
            {
                Type = ActivityTypes.Message,
                Text = text,
                Attachments = [Attachment.AdaptiveCard(CardJson.ToElement(card()))],
            };
            SendOutcome sent;
            try
            {
                sent = await messenger.SendToPersonAsync(aad, message, logKey, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped (leading) while finding the chat, before anything reached Teams: released like a
                // withdrawn send, not left claimed, which would hold it from the next leader for a claim lease.
                sent = new SendOutcome.Withdrawn("this instance stopped leading.");
            }

            outcome = sent switch
            {
                SendOutcome.Sent s => claim.Record with
                {
                    State = PromptState.Sent,
                    SentAt = time.GetUtcNow(),
                    ServiceUrl = s.ServiceUrl,
                    ConversationId = s.ConversationId,
                    ActivityId = s.ActivityId,
                    Note = null,
                },
                SendOutcome.NoConversation => claim.Record with
                {
                    State = PromptState.WaitingForInstall,
                    Note = sent.Why,
                },
                SendOutcome.RecipientGone => claim.Record with { State = PromptState.Gone, Note = sent.Why },

                // Released, not failed: the attempt is given back and the next leader's scan sends it.
                SendOutcome.Withdrawn => claim.Record with
                {
                    State = PromptState.Failed,
                    Attempts = claim.Record.Attempts - 1,
                    Note = sent.Why,
                },
                _ => claim.Record with { State = PromptState.Failed, Note = sent.Why },
            };
        }

        if (!await prompts.RecordOutcomeAsync(claim, outcome, CancellationToken.None))
        {
            LogClaimLost(logger, logKey);
        }

        if (outcome.State == PromptState.WaitingForInstall && claim.Previous != PromptState.WaitingForInstall)
        {
            LogWaiting(
                logger,
                logKey,
                council.FindPerson(recipientId)?.AadObjectId ?? "(no Entra object id in the catalogue)"
            );
        }

        return outcome.State;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{ClaimKey}: the claim was taken over before its outcome was recorded; the claim lease "
            + "(Updates:ClaimLease) is too short for this load"
    )]
    private static partial void LogClaimLost(ILogger logger, string claimKey);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{ClaimKey}: the recipient ({AadObjectId}) has not opened PmfBot in Teams; waiting for install, "
            + "sent once they open it, tried again after Updates:RetryWaitingForInstallEvery"
    )]
    private static partial void LogWaiting(ILogger logger, string claimKey, string aadObjectId);
}
