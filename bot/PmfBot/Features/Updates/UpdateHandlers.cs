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
public sealed class UpdateHandlers(
    UpdateSubmission submission,
    ResultStore results,
    Standings.StandingsReader standings,
    IEnumerable<Council.IOwedReports> owedReports,
    Events.FigureEvents events,
    TimeProvider time,
    CouncilRules rules
)
{
    public static readonly string[] WhatsDuePhrases =
    [
        "what's due",
        "whats due",
        "what is due",
        "due",
        "my updates",
        "what do i owe",
        "open updates",
        "todo",
        "to do",
    ];

    private UpdateCyclePolicy Policy => rules.Cycle;

    /// <summary>The Submit button on a prompt card (or a line of "which measure is this for?").</summary>
    public async Task<TurnAnswer> SubmitAsync(Turn turn)
    {
        var entry = SubmitUpdateData.Read(turn.DataText);
        var attempt = new UpdateAttempt(entry.Measure, entry.Period, entry.Value, entry.Commentary, entry.ActionNote)
        {
            EnteredOn = SentCards.Pressed(turn.Activity),
        };
        return await AnswerAsync(turn, attempt);
    }

    /// <summary>
    /// "what's due": the person's open updates with their deadlines, each one button away from its card.
    /// </summary>
    public async Task<TurnAnswer> WhatsDueAsync(Turn turn)
    {
        if (turn.Person is null)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so nothing is due from you. The performance "
                    + "team can add you."
            );
        }

        var open = await OpenForAsync(turn.Person, turn.Catalogue, turn.Cancellation);
        var reports = new List<Council.OwedReport>();
        foreach (var owed in owedReports)
        {
            reports.AddRange(await owed.OwedByAsync(turn.Person.Id, turn.Catalogue, turn.Cancellation));
        }

        if (open.Count + reports.Count == 0)
        {
            return TurnAnswer.Say(
                "Nothing is due from you right now: every figure and progress report you owe is in. I'll send a card "
                    + "when the next one falls due."
            );
        }

        var now = time.GetUtcNow();
        var lines = open.Select(o => (o.Deadline.Date, Line(o, now, PromptViews.DataFor(o.Measure, o.Period))))
            .Concat(
                reports.Select(r =>
                    (
                        r.Deadline.Date,
                        new DueLine(
                            r.Subject,
                            r.Title,
                            r.What,
                            Due(r.Deadline, now),
                            r.Deadline.IsOverdueAt(now),
                            r.Data,
                            r.Verb
                        )
                    )
                )
            )
            .OrderBy(l => l.Item1)
            .Select(l => l.Item2)
            .ToList();
        return TurnAnswer.Of(
            WhatsDueCard.Build(
                new DueListView(
                    $"What's due ({lines.Count})",
                    "Your open updates and progress reports, oldest deadline first.",
                    lines,
                    "Update now",
                    Verbs.OpenUpdate
                )
            )
        );
    }

    /// <summary>
    /// "Update now" on the what's-due list: the prompt card for that measure and period (or its recorded state).
    /// </summary>
    public async Task<TurnAnswer> OpenUpdateAsync(Turn turn)
    {
        if (turn.Person is null || !turn.TryGetMeasurePeriod(out var measure, out var period))
        {
            return TurnAnswer.Say(
                "I couldn't tell which update that button was for. Type **what's due** for a fresh list."
            );
        }

        if (!measure.MayBeUpdatedBy(turn.Person.Id))
        {
            return TurnAnswer.Say(
                $"{measure.Reference} isn't one of yours to update. Type **what's due** for your own."
            );
        }

        var state = await MeasureState.ReadAsync(results, measure, turn.Cancellation);
        var now = time.GetUtcNow();
        if (state.ResultFor(period) is { } recorded)
        {
            return TurnAnswer.Of(
                UpdateRecordedCard.Build(
                    PromptViews.Recorded(
                        recorded,
                        state,
                        turn.Catalogue,
                        now,
                        rules,
                        AlreadyNotice(recorded, turn.Catalogue)
                    )
                )
            );
        }

        return TurnAnswer.Of(
            UpdatePromptCard.Build(
                PromptViews.Prompt(state, period, state.DeadlineFor(period, Policy), now, rules.Status, step: null)
            )
        );
    }

    /// <summary>
    /// A figure typed in the personal chat. Null when the text isn't a figure: then it is for another reader.
    /// </summary>
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

        if (
            typed.Measure is { } reference
            && turn.Catalogue.FindMeasure(reference) is { } measure
            && !measure.MayBeUpdatedBy(turn.Person.Id)
        )
        {
            return TurnAnswer.Say(UpdateSubmission.NotYours(measure, turn.Catalogue));
        }

        var open = await OpenForAsync(turn.Person, turn.Catalogue, turn.Cancellation);
        var candidates = typed.Measure is { } one ? open.Where(o => o.Measure.Reference == one).ToList() : open;
        if (candidates.Count == 1)
        {
            var only = candidates[0];
            return await AnswerAsync(
                turn,
                new UpdateAttempt(
                    only.Measure.Reference.Value,
                    only.Period.Code,
                    typed.Figure,
                    typed.Commentary,
                    typed.ActionNote
                )
            );
        }

        if (candidates.Count == 0)
        {
            return TurnAnswer.Say(
                typed.Measure is { } named
                    ? $"{named} has no update open right now, so I haven't stored {typed.Figure}. "
                        + "Type **my measures** to see its latest figure."
                    : $"You have no updates open right now, so I can't tell which measure {typed.Figure} is for. Type "
                        + "**my measures** to see yours."
            );
        }

        // Several open: ask which, each button carrying the typed answer so one press submits it.
        var now = time.GetUtcNow();
        var lines = candidates
            .Select(o =>
                Line(
                    o,
                    now,
                    new SubmitUpdateData(
                        o.Measure.Reference.Value,
                        o.Period.Code,
                        typed.Figure,
                        typed.Commentary,
                        typed.ActionNote
                    ).ToData()
                )
            )
            .ToList();
        return TurnAnswer.Of(
            WhatsDueCard.Build(
                new DueListView(
                    $"Which measure is {typed.Figure} for?",
                    "You have more than one update open. Pick the one this figure belongs to, or type it again "
                        + "starting with the measure's reference (e.g. CS 02: 73.7 — …).",
                    lines,
                    $"Record {typed.Figure} here",
                    Verbs.SubmitUpdate
                )
            )
        );
    }

    private async Task<TurnAnswer> AnswerAsync(Turn turn, UpdateAttempt attempt)
    {
        var outcome = await submission.SubmitAsync(turn.Person, turn.Catalogue, attempt, turn.Cancellation);
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case SubmissionOutcome.Recorded recorded:
            {
                // What follows (standings, escalation, the period's other cards) happens after this
                // answer, from the figure's event; the answer says what that will be.
                var follows = await events.AfterTurnAsync(
                    Domain.Results.FigureEvent.Of(recorded.Result, attempt.EnteredOn),
                    turn.Catalogue,
                    recorded.State,
                    turn.Person!.Id,
                    turn.Cancellation
                );
                var view = PromptViews.Recorded(recorded.Result, recorded.State, turn.Catalogue, now, rules);
                return TurnAnswer.Of(
                    UpdateRecordedCard.Build(follows is null ? view : view with { Next = $"{view.Next} {follows}" })
                );
            }

            case SubmissionOutcome.AlreadyRecorded already:
            {
                var card = UpdateRecordedCard.Build(
                    PromptViews.Recorded(
                        already.Existing,
                        already.State,
                        turn.Catalogue,
                        now,
                        rules,
                        AlreadyNotice(already.Existing, turn.Catalogue)
                    )
                );
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

    /// <summary>
    /// The updates a person owes, oldest deadline first, from the standings: one read per service
    /// of their measures, not one per measure. (A figure recorded a moment ago may still show as
    /// owed; entering it again is answered "already recorded".)
    /// </summary>
    private async Task<IReadOnlyList<OpenUpdate>> OpenForAsync(
        Person person,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var mine = council.Measures.Where(m => m.MayBeUpdatedBy(person.Id)).ToList();
        var now = time.GetUtcNow();
        return
        [
            .. mine.Zip(await standings.ForAsync(mine, cancellationToken))
                .SelectMany(m => m.Second.OpenAt(m.First, now, Policy))
                .OrderBy(o => o.Deadline.Date)
                .ThenBy(o => o.Measure.Reference.Key, StringComparer.Ordinal),
        ];
    }

    private static DueLine Line(OpenUpdate open, DateTimeOffset now, IReadOnlyDictionary<string, string> data) =>
        new(
            open.Measure.Reference.Value,
            open.Measure.Title,
            open.Period.ToString(),
            Due(open.Deadline, now),
            open.Deadline.IsOverdueAt(now),
            data
        );

    private static string Due(Deadline deadline, DateTimeOffset now) =>
        $"due by {Dates.ShortDate(deadline.Date)}"
        + (deadline.IsOverdueAt(now) ? $" — {deadline.DaysOverdueAt(now)} days overdue" : string.Empty);

    private static string AlreadyNotice(Domain.Results.MeasureResult recorded, CouncilCatalogue council) =>
        Said.AlreadyRecorded(recorded.RecordedBy, recorded.RecordedAt, council);
}
