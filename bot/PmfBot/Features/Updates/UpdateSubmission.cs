using Microsoft.Extensions.Options;
using PmfBot.Cards.Updates;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;
using PmfBot.Domain.Values;
using PmfBot.Measures;
using PmfBot.Storage;
using PmfBot.Storage.Results;
using PmfBot.Wording;

namespace PmfBot.Features.Updates;

/// <summary>A figure as it arrived, from a card or typed: nothing in it is trusted yet.</summary>
public sealed record UpdateAttempt(
    string? Measure,
    string? Period,
    string? Value,
    string? Commentary,
    string? ActionNote
)
{
    /// <summary>The card it was entered on, if it came from one.</summary>
    public PressedCard? EnteredOn { get; init; }
}

/// <summary>How a submitted figure ended. A closed set.</summary>
public abstract record SubmissionOutcome
{
    private SubmissionOutcome() { }

    /// <param name="State">The measure's state including the new result.</param>
    public sealed record Recorded(MeasureResult Result, MeasureState State) : SubmissionOutcome;

    /// <summary>A figure was already there (a second press, a stale card): nothing was changed.</summary>
    public sealed record AlreadyRecorded(MeasureResult Existing, MeasureState State) : SubmissionOutcome;

    /// <summary>
    /// The entry can't be accepted as it is: the card again, with the entry kept and the problems beside it.
    /// </summary>
    public sealed record NeedsFixing(UpdatePromptView Card) : SubmissionOutcome;

    /// <summary>Not this person's to enter, or not now: a sentence saying why and what to do.</summary>
    public sealed record Refused(string Message) : SubmissionOutcome;

    /// <summary>Storage couldn't be reached, so nothing was saved: the card again, the entry kept.</summary>
    public sealed record NotSaved(UpdatePromptView Card) : SubmissionOutcome;
}

/// <summary>
/// Takes a figure: checks who is entering it, for what, and when (never trusting the card),
/// reads the value for the measure's unit, judges it, insists on commentary and an action note
/// where the rules do, then records it with its audit entry. Nothing is stored unless all is well.
/// </summary>
public sealed class UpdateSubmission(
    ResultStore results,
    Telemetry.PmfMetrics metrics,
    TimeProvider time,
    CouncilRules rules
)
{
    /// <summary>What someone who may not update a measure is told, whether they pressed its card or typed.</summary>
    public static string NotYours(Measure measure, CouncilCatalogue council) =>
        $"{measure.Reference} is updated by {Said.Plain(council.NameOf(measure.Owner))}, its owner, or their "
        + "delegates. You're neither, so I haven't stored anything. If you should be, ask the performance team.";

    /// <summary>What someone the catalogue doesn't know is told, whether they pressed a card or typed.</summary>
    public const string Stranger =
        "I can't find you in the council's performance catalogue, so I can't take figures "
        + "from you. The performance team can add you.";

    public async Task<SubmissionOutcome> SubmitAsync(
        Person? person,
        CouncilCatalogue council,
        UpdateAttempt attempt,
        CancellationToken cancellationToken
    )
    {
        if (person is null)
        {
            return new SubmissionOutcome.Refused(Stranger);
        }

        if (
            !MeasureReference.TryParse(attempt.Measure, out var reference)
            || council.FindMeasure(reference) is not { } measure
        )
        {
            return new SubmissionOutcome.Refused(
                "This card is for a measure I don't know, so nothing was stored. It may have left the catalogue; type "
                    + "**what's due** for your open updates."
            );
        }

        if (!measure.MayBeUpdatedBy(person.Id))
        {
            return new SubmissionOutcome.Refused(NotYours(measure, council));
        }

        if (!ReportingPeriod.TryParseCode(attempt.Period, out var period) || !measure.IsReportedFor(period))
        {
            return new SubmissionOutcome.Refused(
                $"This card's period isn't one {measure.Reference} is reported for, so nothing was stored. Type "
                    + "**what's due** for a fresh card."
            );
        }

        var now = time.GetUtcNow();
        var policy = rules.Cycle;
        var reading = ValueReader.Read(attempt.Value, measure);
        var figure = reading switch
        {
            ValueReading.Accepted a => a.RoundedFrom ?? a.Value,
            ValueReading.Refused r => r.Figure,
            _ => null,
        };
        var entry = new UpdateEntry(figure, attempt.Commentary, attempt.ActionNote);

        MeasureState state;
        try
        {
            state = await MeasureState.ReadAsync(results, measure, cancellationToken);
        }
        catch (Exception e) when (StorageFault.IsOutage(e))
        {
            var unknown = new MeasureState(measure, [], []);
            return NotSaved(unknown, unknown.DeadlineFor(period, policy));
        }

        if (state.ResultFor(period) is { } existing)
        {
            return new SubmissionOutcome.AlreadyRecorded(existing, state);
        }

        var deadline = state.DeadlineFor(period, policy);
        switch (policy.StateAt(period, deadline, now))
        {
            case UpdateWindowState.NotYetEnded:
                return new SubmissionOutcome.Refused(
                    $"{period} hasn't ended yet, so its figure can't be known. I'll send a card when it ends."
                );
            case UpdateWindowState.Closed:
                return new SubmissionOutcome.Refused(
                    $"{period} closed to updates on "
                        + $"{Dates.ShortDate(UkTime.DateAt(policy.ClosesAt(deadline)).AddDays(-1))}: its figures have "
                        + "gone into the reports. To add or change one now, please contact the performance team."
                );
        }

        if (reading is not ValueReading.Accepted accepted)
        {
            var refusal = ((ValueReading.Refused)reading).Reason;
            var commentaryOnly = new UpdateRequirements(
                rules.Status.Commentary == CommentaryPolicy.Always,
                false,
                null
            );
            return Fix(new UpdateProblems([refusal], commentaryOnly.ProblemsWith(attempt.Commentary, null), []));
        }

        var judgement = StatusRules.Judge(
            measure,
            period,
            accepted.Value,
            state.ResultFor(period.Previous)?.Value,
            state.ResultFor(period.SamePeriodLastYear)?.Value,
            rules.Status
        );
        var needs = judgement.Requirements;
        var problems = new UpdateProblems(
            [],
            (needs with { ActionNoteRequired = false }).ProblemsWith(attempt.Commentary, null),
            (needs with { CommentaryRequired = false }).ProblemsWith(null, attempt.ActionNote)
        );
        if (problems.Any)
        {
            return Fix(problems);
        }

        var result = MeasureResult.Record(
            measure,
            period,
            accepted.Value,
            attempt.Commentary,
            attempt.ActionNote,
            judgement,
            person.Id,
            now
        );
        RecordOutcome outcome;
        try
        {
            outcome = await results.RecordAsync(result, attempt.EnteredOn, cancellationToken);
        }
        catch (Exception e) when (StorageFault.IsOutage(e))
        {
            // Had the write landed unheard, pressing again says it was already recorded: never recorded twice.
            return NotSaved(state, deadline);
        }

        switch (outcome)
        {
            case RecordOutcome.Recorded recorded:
                metrics.UpdateAnswered(late: deadline.IsOverdueAt(now), recorded.Result.Rag);
                return new SubmissionOutcome.Recorded(
                    recorded.Result,
                    state with
                    {
                        History = [.. state.History, recorded.Result],
                    }
                );
            case RecordOutcome.AlreadyRecorded already:
                return new SubmissionOutcome.AlreadyRecorded(
                    already.Existing,
                    state with
                    {
                        History = [.. state.History, already.Existing],
                    }
                );
            case var other:
                throw new InvalidOperationException($"Unexpected outcome {other}.");
        }

        SubmissionOutcome Fix(UpdateProblems found) =>
            new SubmissionOutcome.NeedsFixing(
                PromptViews.Prompt(state, period, deadline, now, rules.Status, step: null, entry, found)
            );

        SubmissionOutcome NotSaved(MeasureState known, Deadline due) =>
            new SubmissionOutcome.NotSaved(
                PromptViews.Prompt(known, period, due, now, rules.Status, step: null, entry) with
                {
                    NotSaved = Bot.StorageUnavailable.UpdateNotSaved,
                }
            );
    }
}
