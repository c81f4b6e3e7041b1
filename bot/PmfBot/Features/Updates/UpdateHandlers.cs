using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Payloads;
using PmfBot.Cards.Updates;
using PmfBot.Delivery;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Values;
using PmfBot.Measures;
using PmfBot.Storage.Results;
using PmfBot.Wording;

namespace PmfBot.Features.Updates;

/// <summary>
/// Taking figures in the chat: the prompt card's Submit, a typed answer ("42.5 — two crews off
/// sick; action: agency cover"), "what's due", and opening one update's card from that list.
/// </summary>
public sealed partial class UpdateHandlers(
    UpdateSubmission submission, SentCards sentCards, ResultStore results, Activities.ActivityReports activities, Escalations.EscalationRaiser escalations, ProactiveMessenger messenger,
    Events.FigureEvents events, TimeProvider time, CouncilRules rules, ILogger<UpdateHandlers> logger)
{
    public static readonly string[] WhatsDuePhrases = ["what's due", "whats due", "what is due", "due", "my updates", "what do i owe", "open updates", "todo", "to do"];

    private UpdateCyclePolicy Policy => rules.Cycle;

    /// <summary>The Submit button on a prompt card (or a line of "which measure is this for?").</summary>
    public async Task<TurnAnswer> SubmitAsync(Turn turn)
    {
        var entry = SubmitUpdateData.Read(turn.DataText);
        var attempt = new UpdateAttempt(entry.Measure, entry.Period, entry.Value, entry.Commentary, entry.ActionNote);
        return await AnswerAsync(turn, attempt, pressed: true);
    }

    /// <summary>"what's due": the person's open updates with their deadlines, each one button away from its card.</summary>
    public async Task<TurnAnswer> WhatsDueAsync(Turn turn)
    {
        if (turn.Person is null)
        {
            return TurnAnswer.Say("I can't find you in the council's performance catalogue, so nothing is due from you. The performance team can add you.");
        }

        var open = await OpenForAsync(turn.Person, turn.Catalogue, turn.Cancellation);
        var reports = await activities.OwedByAsync(turn.Person.Id, turn.Catalogue, turn.Cancellation);
        if (open.Count + reports.Count == 0)
        {
            return TurnAnswer.Say("Nothing is due from you right now: every figure and progress report you owe is in. I'll send a card when the next one falls due.");
        }

        var now = time.GetUtcNow();
        var lines = open.Select(o => (o.Deadline.Date, Line(o, now, PromptViews.DataFor(o.Measure, o.Period))))
            .Concat(reports.Select(r => (r.Deadline.Date, new DueLine("Activity", r.Activity.Title, $"{r.Period} progress", Due(r.Deadline, now), r.Deadline.IsOverdueAt(now),
                Activities.ActivityViews.DataFor(r.Activity, r.Period), Verbs.OpenActivity))))
            .OrderBy(l => l.Item1)
            .Select(l => l.Item2)
            .ToList();
        return TurnAnswer.Of(WhatsDueCard.Build(new DueListView($"What's due ({lines.Count})", "Your open updates and progress reports, oldest deadline first.", lines, "Update now", Verbs.OpenUpdate)));
    }

    /// <summary>"Update now" on the what's-due list: the prompt card for that measure and period (or its recorded state).</summary>
    public async Task<TurnAnswer> OpenUpdateAsync(Turn turn)
    {
        if (turn.Person is null || !turn.TryGetMeasurePeriod(out var measure, out var period))
        {
            return TurnAnswer.Say("I couldn't tell which update that button was for. Type **what's due** for a fresh list.");
        }

        if (!measure.MayBeUpdatedBy(turn.Person.Id))
        {
            return TurnAnswer.Say($"{measure.Reference} isn't one of yours to update. Type **what's due** for your own.");
        }

        var state = await MeasureState.ReadAsync(results, measure, turn.Cancellation);
        var now = time.GetUtcNow();
        if (state.ResultFor(period) is { } recorded)
        {
            return TurnAnswer.Of(UpdateRecordedCard.Build(PromptViews.Recorded(recorded, state, turn.Catalogue, now, rules, AlreadyNotice(recorded, turn.Catalogue))));
        }

        return TurnAnswer.Of(UpdatePromptCard.Build(PromptViews.Prompt(state, period, state.DeadlineFor(period, Policy), now, rules.Status, step: null)));
    }

    /// <summary>A figure typed in the personal chat. Null when the text isn't a figure: then it is for another reader.</summary>
    public async Task<TurnAnswer?> TypedAnswerAsync(Turn turn)
    {
        if (!turn.IsPersonal)
        {
            return null;
        }

        // Any measure may be named: someone who isn't its owner is told so, as pressing its card would.
        if (turn.Intent is not TypedIntent.Figure { Answer: var typed })
        {
            return null;
        }

        if (turn.Person is null)
        {
            return TurnAnswer.Say(UpdateSubmission.Stranger);
        }

        if (typed.Measure is { } reference && turn.Catalogue.FindMeasure(reference) is { } measure
            && !measure.MayBeUpdatedBy(turn.Person.Id))
        {
            return TurnAnswer.Say(UpdateSubmission.NotYours(measure, turn.Catalogue));
        }

        var open = await OpenForAsync(turn.Person, turn.Catalogue, turn.Cancellation);
        var candidates = typed.Measure is { } one ? open.Where(o => o.Measure.Reference == one).ToList() : open;
        if (candidates.Count == 1)
        {
            var only = candidates[0];
            return await AnswerAsync(turn, new UpdateAttempt(only.Measure.Reference.Value, only.Period.Code, typed.Figure, typed.Commentary, typed.ActionNote), pressed: false);
        }

        if (candidates.Count == 0)
        {
            return TurnAnswer.Say(typed.Measure is { } named
                ? $"{named} has no update open right now, so I haven't stored {typed.Figure}. "
                    + "Type **my measures** to see its latest figure."
                : $"You have no updates open right now, so I can't tell which measure {typed.Figure} is for. Type **my measures** to see yours.");
        }

        // Several open: ask which, each button carrying the typed answer so one press submits it.
        var now = time.GetUtcNow();
        var lines = candidates.Select(o => Line(o, now, new SubmitUpdateData(
            o.Measure.Reference.Value, o.Period.Code, typed.Figure, typed.Commentary, typed.ActionNote).ToData())).ToList();
        return TurnAnswer.Of(WhatsDueCard.Build(new DueListView(
            $"Which measure is {typed.Figure} for?",
            "You have more than one update open. Pick the one this figure belongs to, or type it again starting with the measure's reference (e.g. CS 02: 73.7 — …).",
            lines,
            $"Record {typed.Figure} here",
            Verbs.SubmitUpdate)));
    }

    private async Task<TurnAnswer> AnswerAsync(Turn turn, UpdateAttempt attempt, bool pressed)
    {
        var outcome = await submission.SubmitAsync(turn.Person, turn.Catalogue, attempt, turn.Cancellation);
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case SubmissionOutcome.Recorded recorded:
            {
                events.AfterTurn(Domain.Results.FigureEvent.Of(recorded.Result));
                var view = PromptViews.Recorded(recorded.Result, recorded.State, turn.Catalogue, now, rules);
                var escalated = await escalations.AfterRecordingAsync(recorded.Result, recorded.State, turn.Catalogue, turn.Cancellation);
                var card = UpdateRecordedCard.Build(escalated is null ? view : view with { Next = $"{view.Next} {escalated}" });
                await sentCards.ShowAnsweredAsync(recorded.Result.Measure, recorded.Result.Period, card, pressed ? turn.Activity : null, turn.Cancellation);
                await ShowOwnerAsync(recorded.State.Measure, recorded.Result, turn.Catalogue, card, turn.Cancellation);
                return TurnAnswer.Of(card);
            }

            case SubmissionOutcome.AlreadyRecorded already:
            {
                var card = UpdateRecordedCard.Build(PromptViews.Recorded(already.Existing, already.State, turn.Catalogue, now, rules, AlreadyNotice(already.Existing, turn.Catalogue)));
                return TurnAnswer.Of(card);
            }

            case SubmissionOutcome.NeedsFixing fix:
                return TurnAnswer.Of(UpdatePromptCard.Build(fix.Card));
            case SubmissionOutcome.NotSaved notSaved:
                return TurnAnswer.Of(UpdatePromptCard.Build(notSaved.Card));
            case SubmissionOutcome.Refused refused:
                return TurnAnswer.Say(refused.Message);
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }

    /// <summary>A delegate entered the figure: the owner, still accountable, gets the recorded card too (best effort: it is also in "my measures").</summary>
    private async Task ShowOwnerAsync(Measure measure, Domain.Results.MeasureResult result, Domain.Catalogue.Catalogue council, Cards.Model.AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (result.RecordedBy == measure.Owner || council.FindPerson(measure.Owner)?.AadObjectId is not { Length: > 0 } owner)
        {
            return;
        }

        try
        {
            await SendOwnerCopyAsync(measure, result, council, card, owner, cancellationToken);
        }
        catch (Exception e) when (Storage.StorageFault.Is(e))
        {
            LogOwnerNotCopied(logger, e, measure.Reference.Value, result.Period.Code);
        }
    }

    private async Task SendOwnerCopyAsync(
        Measure measure,
        Domain.Results.MeasureResult result,
        Domain.Catalogue.Catalogue council,
        Cards.Model.AdaptiveCard card,
        string owner,
        CancellationToken cancellationToken)
    {
        var by = council.NameOf(result.RecordedBy);
        var message = new Teams.Schema.Activity
        {
            Type = Teams.Schema.ActivityTypes.Message,
            Text = $"{by} entered {measure.Reference}'s {result.Period} figure for you:",
            Attachments = [Teams.Schema.Attachment.AdaptiveCard(CardJson.ToElement(card))],
        };
        await messenger.SendToPersonAsync(owner, message, $"{measure.Reference.Key}|{result.Period.Code}|owner-copy-v{result.Version}", cancellationToken);
    }

    private Task<IReadOnlyList<OpenUpdate>> OpenForAsync(Person person, Domain.Catalogue.Catalogue council, CancellationToken cancellationToken) =>
        MeasureState.OpenAsync(results, council.Measures.Where(m => m.MayBeUpdatedBy(person.Id)), time.GetUtcNow(), Policy, cancellationToken);

    private static DueLine Line(OpenUpdate open, DateTimeOffset now, IReadOnlyDictionary<string, string> data) =>
        new(open.Measure.Reference.Value, open.Measure.Title, open.Period.ToString(), Due(open.Deadline, now), open.Deadline.IsOverdueAt(now), data);

    private static string Due(Deadline deadline, DateTimeOffset now) =>
        $"due by {Dates.ShortDate(deadline.Date)}" + (deadline.IsOverdueAt(now) ? $" — {deadline.DaysOverdueAt(now)} days overdue" : string.Empty);

    private static string AlreadyNotice(Domain.Results.MeasureResult recorded, Domain.Catalogue.Catalogue council) =>
        Said.AlreadyRecorded(recorded.RecordedBy, recorded.RecordedAt, council);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Measure} {Period}: no owner's copy sent (storage)")]
    private static partial void LogOwnerNotCopied(ILogger logger, Exception exception, string measure, string period);
}
