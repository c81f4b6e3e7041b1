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
/// Cards already sent, updated in place: once a period is answered, every card sent for it (the
/// prompt, reminders, the chase) and the card that was pressed, so none of them still looks open;
/// once an extension is decided, every decider's copy of the request; as an escalation moves on,
/// every card showing it. The card pressed with Action.Execute is left to Teams, which shows the
/// invoke's answer in its place.
/// </summary>
public sealed partial class SentCards(PromptStore prompts, ConnectorClient connector, ILogger<SentCards> logger)
{
    /// <summary>
    /// After a figure is stored: the period's cards show it. Best effort: with storage unreachable
    /// the figure is safe and the person has their answer; the other cards stay as they were.
    /// </summary>
    public async Task ShowAnsweredAsync(
        MeasureReference measure,
        ReportingPeriod period,
        AdaptiveCard card,
        Activity? pressedFrom,
        CancellationToken cancellationToken)
    {
        static bool PromptSteps(string step) => Domain.Deadlines.ReminderOffset.IsKey(step);
        try
        {
            await ReplaceAsync(measure, period, PromptSteps, card, pressedFrom, cancellationToken);
        }
        catch (Exception e) when (Storage.StorageFault.Is(e))
        {
            LogCardsNotFound(logger, e, measure.Value, period.Code);
        }
    }

    /// <summary>Replaces the sent cards of a measure's period whose step <paramref name="which"/> picks, and the pressed one.</summary>
    public async Task ReplaceAsync(PromptSubject subject, ReportingPeriod period, Func<string, bool> which, AdaptiveCard card, Activity? pressedFrom, CancellationToken cancellationToken)
    {
        // An Action.Execute press is answered with the new card, which Teams shows in place of the
        // pressed one for whoever pressed it: in a personal chat that is everyone who sees it, so
        // updating that card too would only spend the tenant's 50 requests a second twice.
        var answeredInPlace = pressedFrom is { Type: ActivityTypes.Invoke, ReplyToId: { Length: > 0 } invoked, Conversation.ConversationType: "personal" } ? invoked : null;
        var targets = (await prompts.GetForPeriodAsync(subject, period, cancellationToken))
            .Where(p => which(p.Step) && p is { State: PromptState.Sent, ActivityId: not null, ServiceUrl: not null, ConversationId: not null } && p.ActivityId != answeredInPlace)
            .Select(p => (ServiceUrl: p.ServiceUrl!, ConversationId: p.ConversationId!, ActivityId: p.ActivityId!))
            .ToList();
        if (answeredInPlace is null && pressedFrom is { ReplyToId: { Length: > 0 } pressed, ServiceUrl: { } url, Conversation.Id: { } conversation })
        {
            targets.Add((url, conversation, pressed));
        }

        var attachment = Attachment.AdaptiveCard(CardJson.ToElement(card));
        foreach (var (serviceUrl, conversationId, activityId) in targets.Distinct())
        {
            var update = new Activity { Type = ActivityTypes.Message, Id = activityId, Attachments = [attachment] };
            var outcome = await connector.UpdateAsync(serviceUrl, conversationId, activityId, update, cancellationToken);
            if (outcome is not ConnectorOutcome.Sent)
            {
                LogNotUpdated(logger, subject.Label, period.Code, activityId, outcome);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Measure} {Period}: other cards not updated (storage)")]
    private static partial void LogCardsNotFound(ILogger logger, Exception exception, string measure, string period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Subject} {Period}: card {ActivityId} could not be updated in place: {Outcome}")]
    private static partial void LogNotUpdated(ILogger logger, string subject, string period, string activityId, ConnectorOutcome outcome);
}
