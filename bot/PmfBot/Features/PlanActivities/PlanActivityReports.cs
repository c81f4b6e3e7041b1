using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards.Payloads;
using PmfBot.Cards.PlanActivities;
using PmfBot.Delivery;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.PlanActivities;
using PmfBot.Domain.Values;
using PmfBot.Storage.PlanActivities;
using PmfBot.Storage.Prompts;
using PmfBot.Wording;

namespace PmfBot.Features.PlanActivities;

/// <summary>
/// Activities and milestones through the update cycle: the due scan's prompts and reminders for
/// each open activity's quarterly report, and taking the report from the card — checked, stored
/// once with its event (whose handlers update the prompt in place: <see cref="ProgressCards"/>).
/// </summary>
public sealed class PlanActivityReports(
    PlanActivityProgressStore store,
    ClaimedSend sender,
    Events.ProgressEvents events,
    Telemetry.PmfMetrics metrics,
    TimeProvider time,
    CouncilRules rules,
    OwnerLeftNotices ownerLeft
) : Council.IOwedReports
{
    private UpdateCyclePolicy Policy => rules.Cycle;

    /// <summary>
    /// For the due scan: sends each activity's due step once. Returns each attempt's outcome (null: handled before).
    /// </summary>
    public async Task<IReadOnlyList<PromptState?>> SendDueAsync(
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var outcomes = new List<PromptState?>();
        var leavers = await ownerLeft.ReadLeaversAsync(cancellationToken);
        foreach (var activity in council.Activities.Where(a => !a.IsClosed))
        {
            var history = await store.GetHistoryAsync(activity.Code, cancellationToken);
            if (PlanActivityReviews.OwedAt(activity, history, now, Policy) is not { Step: { } step } review)
            {
                continue;
            }

            if (leavers.TryGetValue(activity.Owner, out var leaver))
            {
                outcomes.AddRange(
                    await ownerLeft.SendAsync(
                        (PromptSubject.PlanActivity(activity.Code), activity.Code, activity.Title, "progress report"),
                        review.Period,
                        review.Deadline,
                        leaver,
                        council,
                        cancellationToken
                    )
                );
            }
            else
            {
                var sent = await sender.SendAsync(
                    PromptSubject.PlanActivity(activity.Code),
                    review.Period,
                    step.Key,
                    activity.Owner,
                    council,
                    () => PlanActivityPromptCard.Build(PlanActivityViews.Prompt(review, history, council, now)),
                    cancellationToken
                );
                if (sent == PromptState.Sent)
                {
                    metrics.PromptSent("activity", step.Kind);
                }

                outcomes.Add(sent);
            }
        }

        return outcomes;
    }

    /// <summary>The activity reports a person owes now, for "what's due".</summary>
    public async Task<IReadOnlyList<PlanActivityReview>> OwedByAsync(
        PersonId person,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var owed = new List<PlanActivityReview>();
        foreach (var activity in council.Activities.Where(a => a.Owner == person && !a.IsClosed))
        {
            if (
                PlanActivityReviews.OwedAt(
                    activity,
                    await store.GetHistoryAsync(activity.Code, cancellationToken),
                    now,
                    Policy
                ) is
                { } review
            )
            {
                owed.Add(review);
            }
        }

        return owed;
    }

    async Task<IReadOnlyList<Council.OwedReport>> Council.IOwedReports.OwedByAsync(
        PersonId person,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    ) =>
        [
            .. (await OwedByAsync(person, council, cancellationToken)).Select(r => new Council.OwedReport(
                r.Deadline,
                "PlanActivity",
                r.PlanActivity.Title,
                $"{r.Period} progress",
                PlanActivityViews.DataFor(r.PlanActivity, r.Period),
                Cards.Verbs.OpenPlanActivity
            )),
        ];

    /// <summary>"Report now" on the what's-due list: the activity's progress card (or its recorded report).</summary>
    public async Task<TurnAnswer> OpenAsync(Turn turn)
    {
        var (code, periodText) = PlanActivityPeriodData.Read(turn.DataText);
        if (turn.Person is null || turn.Catalogue.FindPlanActivity(code) is not { } activity)
        {
            return TurnAnswer.Say(
                "I couldn't tell which activity that button was for. Type **what's due** for a fresh list."
            );
        }

        var history = await store.GetHistoryAsync(activity.Code, turn.Cancellation);
        if (
            ReportingPeriod.TryParseCode(periodText, out var period)
            && history.FirstOrDefault(h => h.Period == period) is { } recorded
        )
        {
            return Recorded(recorded, activity, turn, AlreadyNotice(recorded, turn.Catalogue));
        }

        return
            PlanActivityReviews.OwedAt(activity, history, time.GetUtcNow(), Policy) is { } review
            && turn.Person.Id == activity.Owner
            ? TurnAnswer.Of(
                PlanActivityPromptCard.Build(
                    PlanActivityViews.Prompt(review, history, turn.Catalogue, time.GetUtcNow())
                )
            )
            : TurnAnswer.Say($"No progress report is open for \"{Said.Plain(activity.Title)}\" from you right now.");
    }

    /// <summary>"Submit progress" on an activity's card.</summary>
    public async Task<TurnAnswer> SubmitAsync(Turn turn)
    {
        var (code, periodText) = PlanActivityPeriodData.Read(turn.DataText);
        if (
            turn.Catalogue.FindPlanActivity(code) is not { } activity
            || !ReportingPeriod.TryParseCode(periodText, out var period)
        )
        {
            return TurnAnswer.Say("I couldn't tell which activity that card was for. Nothing was saved.");
        }

        if (turn.Person is null || turn.Person.Id != activity.Owner)
        {
            return TurnAnswer.Say(
                $"\"{Said.Plain(activity.Title)}\" is reported by {Said.Plain(turn.Catalogue.NameOf(activity.Owner))}, "
                    + "its owner. Nothing was saved."
            );
        }

        var now = time.GetUtcNow();
        var history = await store.GetHistoryAsync(activity.Code, turn.Cancellation);
        if (history.FirstOrDefault(h => h.Period == period) is { } existing)
        {
            return Recorded(existing, activity, turn, AlreadyNotice(existing, turn.Catalogue));
        }

        if (PlanActivityReviews.OwedAt(activity, history, now, Policy) is not { } review || review.Period != period)
        {
            return TurnAnswer.Say(
                $"The {period} report for \"{Said.Plain(activity.Title)}\" isn't open: reports are taken for the "
                    + "quarter just ended, until the period closes. Nothing was saved."
            );
        }

        var statusText = turn.DataText(PlanActivityPromptCard.StatusInput);
        PlanActivityStatus? status =
            Enum.TryParse<PlanActivityStatus>(statusText, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var percent = turn.DataText(PlanActivityPromptCard.PercentInput);
        var commentary = turn.DataText(PlanActivityPromptCard.CommentaryInput)?.Trim();
        var actionNote = turn.DataText(PlanActivityPromptCard.ActionNoteInput)?.Trim();
        var problems = PlanActivityProgress.ProblemsWith(status, percent, commentary, actionNote);
        if (problems.Any)
        {
            return TurnAnswer.Of(
                PlanActivityPromptCard.Build(
                    PlanActivityViews.Prompt(
                        review,
                        history,
                        turn.Catalogue,
                        now,
                        new PlanActivityEntry(statusText, percent, commentary, actionNote),
                        problems
                    )
                )
            );
        }

        var progress = new PlanActivityProgress(
            activity.Code,
            period,
            status!.Value,
            PlanActivityProgress.PercentFor(status.Value, percent),
            commentary!,
            WrittenText.Clean(actionNote),
            turn.Person.Id,
            now
        );
        var reported = new ProgressReported(progress) { EnteredOn = SentCards.Pressed(turn.Activity) };
        switch (await store.RecordAsync(reported, turn.Cancellation))
        {
            case ProgressOutcome.Recorded recorded:
                events.AfterTurn(reported); // the cards that asked for it show it
                return TurnAnswer.Of(
                    PlanActivityRecordedCard.Build(
                        PlanActivityViews.Recorded(recorded.Progress, activity, turn.Catalogue, Policy)
                    )
                );
            case ProgressOutcome.AlreadyRecorded already:
                return Recorded(already.Existing, activity, turn, AlreadyNotice(already.Existing, turn.Catalogue));
            default:
                throw new InvalidOperationException("Unexpected outcome.");
        }
    }

    private TurnAnswer Recorded(PlanActivityProgress progress, PlanActivity activity, Turn turn, string notice) =>
        TurnAnswer.Of(
            PlanActivityRecordedCard.Build(
                PlanActivityViews.Recorded(progress, activity, turn.Catalogue, Policy, notice)
            )
        );

    private static string AlreadyNotice(PlanActivityProgress recorded, CouncilCatalogue council) =>
        Said.AlreadyRecorded(recorded.RecordedBy, recorded.RecordedAt, council);
}
