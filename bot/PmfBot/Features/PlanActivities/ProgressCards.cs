using PmfBot.Cards.PlanActivities;
using PmfBot.Delivery;
using PmfBot.Domain.PlanActivities;
using PmfBot.Events;
using PmfBot.Storage.Prompts;

namespace PmfBot.Features.PlanActivities;

/// <summary>
/// The cards that follow a progress report: every card sent for its quarter (the prompt, reminders, and the card it
/// was entered on) shows it, so none still looks open. Teams unreachable or busy fails the handling, so the outbox
/// tries again.
/// </summary>
public sealed class ProgressCards(SentCards sentCards, Council.CouncilToday council, CouncilRules rules)
    : IProgressEventHandler
{
    public string Name => "progress cards";

    public async Task HandleAsync(ProgressReported reported, CancellationToken cancellationToken)
    {
        var progress = reported.Progress;
        var catalogue = await council.LoadAsync(cancellationToken);
        if (catalogue.FindPlanActivity(progress.ActivityCode) is not { } activity)
        {
            return; // gone from the catalogue: its cards no longer matter
        }

        var card = PlanActivityRecordedCard.Build(
            PlanActivityViews.Recorded(progress, activity, catalogue, rules.Cycle)
        );
        if (
            !await sentCards.ReplaceAsync(
                PromptSubject.PlanActivity(activity.Code),
                progress.Period,
                _ => true,
                card,
                reported.EnteredOn,
                cancellationToken
            )
        )
        {
            throw new InvalidOperationException($"{reported.Key}: Teams did not take every card update.");
        }
    }
}
