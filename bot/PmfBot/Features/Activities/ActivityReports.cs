using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards.Activities;
using PmfBot.Delivery;
using PmfBot.Domain.Activities;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Values;
using PmfBot.Storage.Activities;
using PmfBot.Storage.Prompts;
using PmfBot.Wording;

namespace PmfBot.Features.Activities;

/// <summary>
/// Activities and milestones through the update cycle: the due scan's prompts and reminders for
/// each open activity's quarterly report, and taking the report from the card — checked, stored
/// once, the prompt updated in place.
/// </summary>
public sealed class ActivityReports(ActivityProgressStore store, ClaimedSend sender, SentCards sentCards, Telemetry.PmfMetrics metrics, TimeProvider time, CouncilRules rules)
    : Council.IOwedReports
{
    private UpdateCyclePolicy Policy => rules.Cycle;

    /// <summary>For the due scan: sends each activity's due step once. Returns each attempt's outcome (null: handled before).</summary>
    public async Task<IReadOnlyList<PromptState?>> SendDueAsync(Domain.Catalogue.Catalogue council, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcomes = new List<PromptState?>();
        foreach (var activity in council.Activities.Where(a => !a.IsClosed))
        {
            var history = await store.GetHistoryAsync(activity.Code, cancellationToken);
            if (ActivityReviews.OwedAt(activity, history, now, Policy) is { Step: { } step } review)
            {
                var sent = await sender.SendAsync(PromptSubject.Activity(activity.Code), review.Period, step.Key, activity.Owner, council,
                    () => ActivityPromptCard.Build(ActivityViews.Prompt(review, history, council, now)), cancellationToken);
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
    public async Task<IReadOnlyList<ActivityReview>> OwedByAsync(PersonId person, Domain.Catalogue.Catalogue council, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var owed = new List<ActivityReview>();
        foreach (var activity in council.Activities.Where(a => a.Owner == person && !a.IsClosed))
        {
            if (ActivityReviews.OwedAt(activity, await store.GetHistoryAsync(activity.Code, cancellationToken), now, Policy) is { } review)
            {
                owed.Add(review);
            }
        }

        return owed;
    }

    async Task<IReadOnlyList<Council.OwedReport>> Council.IOwedReports.OwedByAsync(
        PersonId person, Domain.Catalogue.Catalogue council, CancellationToken cancellationToken) =>
        [.. (await OwedByAsync(person, council, cancellationToken)).Select(r => new Council.OwedReport(
            r.Deadline, "Activity", r.Activity.Title, $"{r.Period} progress", ActivityViews.DataFor(r.Activity, r.Period),
            Cards.Verbs.OpenActivity))];

    /// <summary>"Report now" on the what's-due list: the activity's progress card (or its recorded report).</summary>
    public async Task<TurnAnswer> OpenAsync(Turn turn)
    {
        var code = turn.DataText("activity");
        if (turn.Person is null || turn.Catalogue.Activities.FirstOrDefault(a => a.Code == code) is not { } activity)
        {
            return TurnAnswer.Say("I couldn't tell which activity that button was for. Type **what's due** for a fresh list.");
        }

        var history = await store.GetHistoryAsync(activity.Code, turn.Cancellation);
        if (ReportingPeriod.TryParseCode(turn.DataText("period"), out var period) && history.FirstOrDefault(h => h.Period == period) is { } recorded)
        {
            return Recorded(recorded, activity, turn, AlreadyNotice(recorded, turn.Catalogue));
        }

        return ActivityReviews.OwedAt(activity, history, time.GetUtcNow(), Policy) is { } review && turn.Person.Id == activity.Owner
            ? TurnAnswer.Of(ActivityPromptCard.Build(ActivityViews.Prompt(review, history, turn.Catalogue, time.GetUtcNow())))
            : TurnAnswer.Say($"No progress report is open for \"{activity.Title}\" from you right now.");
    }

    /// <summary>"Submit progress" on an activity's card.</summary>
    public async Task<TurnAnswer> SubmitAsync(Turn turn)
    {
        var code = turn.DataText("activity");
        if (turn.Catalogue.Activities.FirstOrDefault(a => a.Code == code) is not { } activity || !ReportingPeriod.TryParseCode(turn.DataText("period"), out var period))
        {
            return TurnAnswer.Say("I couldn't tell which activity that card was for. Nothing was saved.");
        }

        if (turn.Person is null || turn.Person.Id != activity.Owner)
        {
            return TurnAnswer.Say($"\"{activity.Title}\" is reported by {turn.Catalogue.NameOf(activity.Owner)}, its owner. Nothing was saved.");
        }

        var now = time.GetUtcNow();
        var history = await store.GetHistoryAsync(activity.Code, turn.Cancellation);
        if (history.FirstOrDefault(h => h.Period == period) is { } existing)
        {
            return Recorded(existing, activity, turn, AlreadyNotice(existing, turn.Catalogue));
        }

        if (ActivityReviews.OwedAt(activity, history, now, Policy) is not { } review || review.Period != period)
        {
            return TurnAnswer.Say($"The {period} report for \"{activity.Title}\" isn't open: reports are taken for the quarter just ended, until the period closes. Nothing was saved.");
        }

        var statusText = turn.DataText(ActivityPromptCard.StatusInput);
        ActivityStatus? status = Enum.TryParse<ActivityStatus>(statusText, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var percent = turn.DataText(ActivityPromptCard.PercentInput);
        var commentary = turn.DataText(ActivityPromptCard.CommentaryInput)?.Trim();
        var actionNote = turn.DataText(ActivityPromptCard.ActionNoteInput)?.Trim();
        var problems = ActivityProgress.ProblemsWith(status, percent, commentary, actionNote);
        if (problems.Any)
        {
            return TurnAnswer.Of(ActivityPromptCard.Build(ActivityViews.Prompt(review, history, turn.Catalogue, now, new ActivityEntry(statusText, percent, commentary, actionNote), problems)));
        }

        var progress = new ActivityProgress(activity.Code, period, status!.Value, ActivityProgress.PercentFor(status.Value, percent), commentary!,
            WrittenText.Clean(actionNote), turn.Person.Id, now);
        switch (await store.RecordAsync(progress, turn.Cancellation))
        {
            case ProgressOutcome.Recorded recorded:
                var card = ActivityRecordedCard.Build(ActivityViews.Recorded(recorded.Progress, activity, turn.Catalogue, Policy));
                await sentCards.ReplaceAsync(PromptSubject.Activity(activity.Code), period, _ => true, card, SentCards.Pressed(turn.Activity), turn.Cancellation);
                return TurnAnswer.Of(card);
            case ProgressOutcome.AlreadyRecorded already:
                return Recorded(already.Existing, activity, turn, AlreadyNotice(already.Existing, turn.Catalogue));
            default:
                throw new InvalidOperationException("Unexpected outcome.");
        }
    }

    private TurnAnswer Recorded(ActivityProgress progress, Activity activity, Turn turn, string notice) =>
        TurnAnswer.Of(ActivityRecordedCard.Build(ActivityViews.Recorded(progress, activity, turn.Catalogue, Policy, notice)));

    private static string AlreadyNotice(ActivityProgress recorded, Domain.Catalogue.Catalogue council) =>
        Said.AlreadyRecorded(recorded.RecordedBy, recorded.RecordedAt, council);
}
