using PmfBot.Cards;
using PmfBot.Cards.Model;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Storage.Prompts;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Delivery;

/// <summary>
/// Cards already sent, updated in place: once a period is answered, every card sent for it (the
/// prompt, reminders, the chase) and the card that was pressed, so none of them still looks open;
/// once an extension is decided, every decider's copy of the request; as an escalation moves on,
/// every card showing it. The card pressed with Action.Execute is left to Teams, which shows the
/// invoke's answer in its place.
/// </summary>
public sealed partial class SentCards(PromptStore prompts, ConnectorClient connector, ILogger<SentCards> logger)
{
    /// <summary>The card <paramref name="activity"/> was pressed on, if it was a press on a card.</summary>
    public static PressedCard? Pressed(Activity? activity) =>
        activity is { ReplyToId: { Length: > 0 } pressed, ServiceUrl: { } url, Conversation.Id: { } conversation }
            ? new PressedCard(url, conversation, pressed, AnsweredInPlace(activity))
            : null;

    /// <summary>After a figure is stored: the period's prompt, reminders and chase show it.</summary>
    public async Task<bool> ShowAnsweredAsync(
        MeasureReference measure,
        ReportingPeriod period,
        AdaptiveCard card,
        PressedCard? pressed,
        CancellationToken cancellationToken
    )
    {
        static bool PromptSteps(string step) => Domain.Deadlines.ReminderOffset.IsKey(step);
        return await ReplaceAsync(measure, period, PromptSteps, card, pressed, cancellationToken);
    }

    /// <summary>
    /// Replaces the sent cards of a measure's period whose step <paramref name="which"/> picks, and
    /// the pressed one.
    /// </summary>
    /// <returns>False when one of them could not be updated for now (Teams unreachable or busy): worth another
    /// try.</returns>
    public async Task<bool> ReplaceAsync(
        PromptSubject subject,
        ReportingPeriod period,
        Func<string, bool> which,
        AdaptiveCard card,
        PressedCard? pressed,
        CancellationToken cancellationToken
    )
    {
        // An Action.Execute press is answered with the new card, which Teams shows in place of the
        // pressed one for whoever pressed it: in a personal chat that is everyone who sees it, so
        // updating that card too would only spend the tenant's 50 requests a second twice.
        var answeredInPlace = pressed is { AnsweredInPlace: true } ? pressed.ActivityId : null;
        var targets = (await prompts.GetForPeriodAsync(subject, period, cancellationToken))
            .Where(p =>
                which(p.Step)
                && p.ActivityId != answeredInPlace
                && p
                    is { State: PromptState.Sent, ActivityId: not null, ServiceUrl: not null, ConversationId: not null }
            )
            .Select(p => (ServiceUrl: p.ServiceUrl!, ConversationId: p.ConversationId!, ActivityId: p.ActivityId!))
            .ToList();
        if (pressed is { AnsweredInPlace: false })
        {
            targets.Add((pressed.ServiceUrl, pressed.ConversationId, pressed.ActivityId));
        }

        var attachment = Attachment.AdaptiveCard(CardJson.ToElement(card));
        var allShown = true;
        foreach (var (serviceUrl, conversationId, activityId) in targets.Distinct())
        {
            var update = new Activity
            {
                Type = ActivityTypes.Message,
                Id = activityId,
                Attachments = [attachment],
            };
            var outcome = await connector.UpdateAsync(
                serviceUrl,
                conversationId,
                activityId,
                update,
                cancellationToken
            );
            if (outcome is not SendOutcome.Sent)
            {
                allShown = allShown && !WorthRetrying(outcome);
                LogNotUpdated(logger, subject.Label, period.Code, activityId, outcome);
            }
        }

        return allShown;
    }

    private static bool WorthRetrying(SendOutcome outcome) =>
        outcome is SendOutcome.Throttled or SendOutcome.Failed { Status: 0 or >= 500, Code: not "BadServiceUrl" };

    private static bool AnsweredInPlace(Activity pressed) =>
        pressed is { Type: ActivityTypes.Invoke, Conversation.ConversationType: "personal" };

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Subject} {Period}: card {ActivityId} could not be updated in place: {Outcome}"
    )]
    private static partial void LogNotUpdated(
        ILogger logger,
        string subject,
        string period,
        string activityId,
        SendOutcome outcome
    );
}
