using PmfBot.Cards.Updates;
using PmfBot.Delivery;
using PmfBot.Domain.Results;
using PmfBot.Events;

namespace PmfBot.Features.Updates;

/// <summary>
/// The cards that follow a figure: every card sent for its period (the prompt, reminders, the
/// chase, and the card it was entered on) shows it, so none still looks open; and an owner whose
/// delegate entered it gets their own copy, once. Teams unreachable or busy fails the handling,
/// so the outbox tries again.
/// </summary>
public sealed class RecordedCards(SentCards sentCards, ClaimedSend sender, TimeProvider time, CouncilRules rules)
    : IFigureEventHandler
{
    public string Name => "recorded cards";

    /// <summary>The step under which the owner's copy of version n is sent, once.</summary>
    public static string OwnerCopyStep(int version) => $"owner-copy-v{version}";

    public async Task HandleAsync(FigureEventContext context, CancellationToken cancellationToken)
    {
        if (await context.CurrentStateAsync(cancellationToken) is not { } state)
        {
            return; // overtaken by a correction, whose own event shows it
        }

        var (figure, council) = (context.Figure, await context.CouncilAsync(cancellationToken));
        var card = UpdateRecordedCard.Build(PromptViews.Recorded(figure, state, council, time.GetUtcNow(), rules));
        if (
            !await sentCards.ShowAnsweredAsync(
                figure.Measure,
                figure.Period,
                card,
                context.Event.EnteredOn,
                cancellationToken
            )
        )
        {
            throw new InvalidOperationException($"{context.Event.Key}: Teams did not take every card update.");
        }

        // A delegate entered the figure: the owner, still accountable, gets the recorded card too.
        var measure = state.Measure;
        if (context.Event.Kind == FigureEventKind.Recorded && figure.RecordedBy != measure.Owner)
        {
            await sender.SendAsync(
                measure.Reference,
                figure.Period,
                OwnerCopyStep(figure.Version),
                measure.Owner,
                council,
                () => card,
                $"{council.NameOf(figure.RecordedBy)} entered {measure.Reference}'s "
                    + $"{figure.Period} figure for you:",
                cancellationToken
            );
        }
    }
}
