using System.Text.Json;
using PmfBot.Cards;
using PmfBot.Cards.Onboarding;
using PmfBot.Council;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Onboarding;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Hosting;
using PmfBot.Teams.Schema;

namespace PmfBot.Bot;

/// <summary>
/// The turn handler: captures the conversation, finds who is talking, routes the text or the
/// pressed button to a feature, and answers. The one boundary for a turn: a failure is logged
/// once with a correlation id and the person gets a short apology with that id.
/// </summary>
public sealed partial class PmfBotTurnHandler(
    TurnRouter router,
    ConversationCapture capture,
    CouncilToday catalogue,
    OnboardingHandlers onboarding,
    ConnectorClient connector,
    BackgroundSends background,
    TimeProvider time,
    ILogger<PmfBotTurnHandler> logger
) : IBot
{
    public async Task<InvokeResponse?> OnTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        // Cards this turn owes others (an escalation owner's) go once it has answered, so its reply comes first.
        using var held = background.HoldUntilAnswered();
        try
        {
            return await HandleAsync(activity, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Storage.StorageFault.IsOutage(e))
        {
            // Nothing could be saved or read. A pressed card is left as it is, with what was entered
            // on it (an error answer doesn't replace the card); a message gets a sentence.
            LogStorageUnavailable(logger, e, activity.Type);
            if (activity.Name == InvokeNames.ComposeExtensionQuery)
            {
                return InvokeResponse.For(MessagingExtensionResponse.Message(StorageUnavailable.InSearch));
            }

            if (activity.IsType(ActivityTypes.Invoke))
            {
                var notSaved = AdaptiveCardInvokeResponse.Error(503, "StorageUnavailable", StorageUnavailable.OnCard);
                return InvokeResponse.For(notSaved);
            }

            if (activity.IsType(ActivityTypes.Message))
            {
                await AnswerAsync(activity, TurnAnswer.Say(StorageUnavailable.InChat), CancellationToken.None);
            }

            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reference = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
            LogTurnFailed(logger, e, activity.Type, reference);
            if (activity.Name == InvokeNames.ComposeExtensionQuery)
            {
                return InvokeResponse.For(
                    MessagingExtensionResponse.Message(
                        $"Sorry, that search failed. If it keeps failing, quote {reference}."
                    )
                );
            }

            if (activity.IsType(ActivityTypes.Invoke))
            {
                return InvokeResponse.For(
                    AdaptiveCardInvokeResponse.Card(CardJson.ToElement(ApologyCard.Build(reference)))
                );
            }

            if (activity.IsType(ActivityTypes.Message))
            {
                await AnswerAsync(activity, TurnAnswer.Of(ApologyCard.Build(reference)), CancellationToken.None);
            }

            return null;
        }
    }

    private async Task<InvokeResponse?> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var capturing = capture.CaptureAsync(activity, cancellationToken);
        if (
            !activity.IsType(ActivityTypes.InstallationUpdate)
            && !activity.IsType(ActivityTypes.Invoke)
            && !activity.IsType(ActivityTypes.Message)
        )
        {
            await capturing;
            return null; // conversationUpdate, typing, …: captured, nothing to say
        }

        // Read once per turn, while the reference is saved; every handler works from this snapshot.
        var loading = LoadCouncilAsync(cancellationToken);
        await Task.WhenAll(capturing, loading);
        var (welcome, council) = (await capturing, await loading);
        var person = activity.From?.AadObjectId is { Length: > 0 } aad ? council.FindPersonByAadObjectId(aad) : null;

        if (activity.IsType(ActivityTypes.InstallationUpdate))
        {
            if (welcome)
            {
                await AnswerAsync(
                    activity,
                    await onboarding.WelcomeAsync(new Turn(activity, person, string.Empty, council, cancellationToken)),
                    cancellationToken
                );
            }

            return null;
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            return activity.Name switch
            {
                InvokeNames.AdaptiveCardAction => await OnCardActionAsync(activity, person, council, cancellationToken),
                InvokeNames.ComposeExtensionQuery => await OnSearchAsync(activity, person, council, cancellationToken),
                _ => null,
            };
        }

        // A typed command, or an Action.Submit (the fallback of a card button) carrying its verb.
        var verb = VerbOf(activity.Value);
        var text = activity.TextWithoutBotMention();
        var turn = new Turn(activity, person, verb ?? text, council, cancellationToken)
        {
            Data = verb is null ? null : activity.Value,
            Intent = verb is null ? ReadIntent(text, council) : null,
        };
        var handler = verb is not null ? router.ForVerb(verb) : router.ForText(text);
        var answer = handler is null ? await ReadFreeTextAsync(turn) : await handler(turn);
        await AnswerAsync(activity, answer, cancellationToken);
        return null;
    }

    /// <summary>
    /// The catalogue; while storage is unreachable, as last loaded today, so the person can be told
    /// what happened to their entry.
    /// </summary>
    private async Task<CouncilCatalogue> LoadCouncilAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await catalogue.LoadAsync(cancellationToken);
        }
        catch (Exception e) when (Storage.StorageFault.IsOutage(e) && catalogue.LastLoadedToday is { } known)
        {
            return known;
        }
    }

    private async Task<TurnAnswer> ReadFreeTextAsync(Turn turn)
    {
        if (turn.Text.Length > 0)
        {
            foreach (var reader in router.FreeTextReaders)
            {
                if (await reader(turn) is { } answer)
                {
                    return answer;
                }
            }
        }

        return onboarding.NotUnderstood(turn);
    }

    private async Task<InvokeResponse> OnCardActionAsync(
        Activity activity,
        Domain.Catalogue.Person? person,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var action =
            activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a)
                ? a
                : default;
        var verb =
            action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("verb", out var v)
            && v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : null;
        if (verb is null || router.ForVerb(verb) is not { } handler)
        {
            return InvokeResponse.For(
                AdaptiveCardInvokeResponse.Message("That button isn't something I can do. Type help to see what I can.")
            );
        }

        var data =
            action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        var answer = await handler(new Turn(activity, person, verb, council, cancellationToken) { Data = data });
        return InvokeResponse.For(
            answer.Card is { } card
                ? AdaptiveCardInvokeResponse.Card(CardJson.ToElement(card))
                : AdaptiveCardInvokeResponse.Message(answer.Text ?? string.Empty)
        );
    }

    /// <summary>
    /// A search message extension's query: its command's answer, or a message in words for a garbled query or an
    /// unknown command (Teams shows an empty body as an error).
    /// </summary>
    private async Task<InvokeResponse> OnSearchAsync(
        Activity activity,
        Domain.Catalogue.Person? person,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var query = MessagingExtensionQuery.From(activity.Value);
        if (query is null || router.ForSearch(query.CommandId) is not { } search)
        {
            return InvokeResponse.For(
                MessagingExtensionResponse.Message("That search isn't one PmfBot knows. Try \"Find a measure\".")
            );
        }

        var turn = new Turn(activity, person, query.TextOf(string.Empty), council, cancellationToken);
        return InvokeResponse.For(await search(turn, query));
    }

    /// <summary>Answers in the same conversation: a thread reply in a channel, a new message in a chat.</summary>
    private async Task AnswerAsync(Activity inbound, TurnAnswer answer, CancellationToken cancellationToken)
    {
        var reply = inbound.CreateReply(
            answer.Text,
            answer.Card is { } card ? [Attachment.AdaptiveCard(CardJson.ToElement(card))] : null
        );
        var conversation = inbound.Conversation!.Id;
        var outcome =
            inbound.Conversation.ConversationType == ConversationTypes.Channel && inbound.Id is { } id
                ? await connector.ReplyAsync(inbound.ServiceUrl!, conversation, id, reply, cancellationToken)
                : await connector.SendAsync(inbound.ServiceUrl!, conversation, reply, cancellationToken);
        if (outcome is not SendOutcome.Sent)
        {
            LogAnswerNotSent(logger, conversation, outcome);
        }
    }

    private Domain.Values.TypedIntent? ReadIntent(string text, CouncilCatalogue council) =>
        Domain.Values.TypedIntents.Read(
            text,
            [.. council.Measures.Select(m => m.Reference)],
            Domain.Calendar.UkTime.DateAt(time.GetUtcNow())
        );

    private static string? VerbOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("verb", out var verb)
        && verb.ValueKind == JsonValueKind.String
            ? verb.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} turn found storage down; told: not saved")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string activityType);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "A {ActivityType} turn failed; the person was given reference {Reference}"
    )]
    private static partial void LogTurnFailed(
        ILogger logger,
        Exception exception,
        string activityType,
        string reference
    );

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to {ConversationId} was not delivered: {Outcome}")]
    private static partial void LogAnswerNotSent(ILogger logger, string conversationId, SendOutcome outcome);
}
