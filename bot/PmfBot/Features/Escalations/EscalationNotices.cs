using PmfBot.Cards.Escalations;
using PmfBot.Delivery;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Storage.Prompts;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Features.Escalations;

/// <summary>
/// Who hears of an escalation, each exactly once through <see cref="ClaimedSend"/>: the escalation
/// owner when it is raised, the next level when it goes up, the owner with each question and each
/// decision, the asker with each answer. The due scan calls <see cref="DeliverAsync"/> too, so
/// someone who installs PmfBot later still gets theirs; the cards already sent are updated in place.
/// </summary>
public sealed class EscalationNotices(ClaimedSend sender, SentCards sentCards, EscalationContexts contexts)
{
    /// <summary>
    /// Sends whatever this escalation still owes anyone. Returns each recipient's outcome (null: handled before).
    /// </summary>
    public async Task<IReadOnlyList<(PersonId Person, PromptState? State)>> DeliverAsync(
        Escalation x,
        EscalationContext context,
        CancellationToken cancellationToken
    )
    {
        var sent = new List<(PersonId, PromptState?)>();
        if (x.State == EscalationState.Closed)
        {
            return sent;
        }

        async Task TellAsync(string step, PersonId to, EscalationOccasion occasion) =>
            sent.Add((to, await SendEscalationAsync(x, context, step, to, occasion, cancellationToken)));

        await TellAsync(EscalationSteps.Raised(x, x.EscalationOwner), x.EscalationOwner, EscalationOccasion.Raised);
        if (x.RaisedToNextLevelAt is not null)
        {
            foreach (var person in contexts.NextLevelFor(x))
            {
                await TellAsync(EscalationSteps.NextLevel(x, person), person, EscalationOccasion.NextLevel);
            }
        }

        var questions = x.Questions;
        for (var n = 1; n <= questions.Count; n++)
        {
            var question = questions[n - 1];
            sent.Add(
                (
                    x.Owner,
                    await sender.SendAsync(
                        x.Subject,
                        x.Period,
                        EscalationSteps.Ask(x, n),
                        x.Owner,
                        context.Council,
                        () => EscalationQuestionCard.Build(EscalationViews.Question(x, question, context)),
                        cancellationToken
                    )
                )
            );
            if (n <= x.Answers.Count)
            {
                await TellAsync(EscalationSteps.Answered(x, n, question.By), question.By, EscalationOccasion.Answered);
            }
        }

        // A correction that made it Red is news to whoever decides it, once per re-judging.
        if (x.Rejudgements is [.., { To: EscalationTrigger.Red }])
        {
            await TellAsync(
                EscalationSteps.Rejudged(x, x.EscalationOwner),
                x.EscalationOwner,
                EscalationOccasion.Rejudged
            );
        }

        // The owner hears of the decision, unless they took it themselves (the owner who is also the escalation owner).
        if (x.State == EscalationState.Decided && x.Outcome?.By != x.Owner)
        {
            await TellAsync(EscalationSteps.Decided(x, x.Owner), x.Owner, EscalationOccasion.Shown);
        }

        return sent;
    }

    /// <summary>Reminds the escalation owner once that it is waiting for their decision.</summary>
    public Task<PromptState?> RemindAsync(
        Escalation x,
        EscalationContext context,
        CancellationToken cancellationToken
    ) =>
        SendEscalationAsync(
            x,
            context,
            EscalationSteps.Reminder(x),
            x.EscalationOwner,
            EscalationOccasion.Reminder,
            cancellationToken
        );

    /// <summary>
    /// Tells the escalation owner once that a decision's review date has come, with "Close" on the card.
    /// </summary>
    public Task<PromptState?> ReviewAsync(
        Escalation x,
        EscalationContext context,
        CancellationToken cancellationToken
    ) =>
        sender.SendAsync(
            x.Subject,
            x.Period,
            EscalationSteps.Review(x),
            x.EscalationOwner,
            context.Council,
            () =>
                EscalationCard.Build(
                    EscalationViews.Of(x, context, EscalationAudience.Everyone, EscalationOccasion.Review) with
                    {
                        CloseData = EscalationViews.DataFor(x),
                    }
                ),
            cancellationToken
        );

    /// <summary>
    /// Updates every card already sent about this escalation (and the pressed one) to show where it stands now.
    /// </summary>
    public async Task ShowAsync(
        Escalation x,
        EscalationContext context,
        Activity? pressedFrom,
        CancellationToken cancellationToken
    )
    {
        await sentCards.ReplaceAsync(
            x.Subject,
            x.Period,
            EscalationSteps.ShowsEscalation,
            EscalationCard.Build(EscalationViews.Of(x, context, EscalationAudience.Everyone)),
            SentCards.Pressed(pressedFrom),
            cancellationToken
        );
        var questions = x.Questions;
        for (var n = 1; n <= questions.Count; n++)
        {
            var step = EscalationSteps.Ask(x, n);
            await sentCards.ReplaceAsync(
                x.Subject,
                x.Period,
                s => s == step,
                EscalationQuestionCard.Build(EscalationViews.Question(x, questions[n - 1], context)),
                null,
                cancellationToken
            );
        }
    }

    private Task<PromptState?> SendEscalationAsync(
        Escalation x,
        EscalationContext context,
        string step,
        PersonId to,
        EscalationOccasion occasion,
        CancellationToken cancellationToken
    ) =>
        sender.SendAsync(
            x.Subject,
            x.Period,
            step,
            to,
            context.Council,
            () => EscalationCard.Build(EscalationViews.Of(x, context, EscalationAudience.Everyone, occasion)),
            cancellationToken
        );
}
