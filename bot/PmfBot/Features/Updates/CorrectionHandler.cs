using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards.Updates;
using PmfBot.Delivery;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;
using PmfBot.Domain.Values;
using PmfBot.Measures;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Updates;

/// <summary>
/// "change CS 02 to 74.1 because …": the owner revises a figure while its period is open. The
/// earlier version stays in the audit trail with who, when and why; the status is judged afresh.
/// </summary>
public sealed class CorrectionHandler(
    ResultStore results,
    Events.FigureEvents events,
    TimeProvider time,
    CouncilRules rules
)
{
    public async Task<TurnAnswer?> TypedCorrectionAsync(Turn turn)
    {
        if (!turn.IsPersonal || turn.Intent is not TypedIntent.Correct { Request: var typed })
        {
            return null;
        }

        if (turn.Person is null)
        {
            return TurnAnswer.Say(UpdateSubmission.Stranger);
        }

        var mine = turn.Catalogue.Measures.Where(m => m.MayBeUpdatedBy(turn.Person.Id)).ToList();
        var (measure, periodWords) = Resolve(typed.Subject, mine);
        if (measure is null && Resolve(typed.Subject, turn.Catalogue.Measures).Measure is { } theirs)
        {
            return TurnAnswer.Say(UpdateSubmission.NotYours(theirs, turn.Catalogue));
        }

        if (measure is null)
        {
            return TurnAnswer.Say(
                $"I couldn't tell which of your measures \"{typed.Subject}\" is. Start with its reference, e.g. change "
                    + $"{mine.FirstOrDefault()?.Reference.Value ?? "CS 02"} to {typed.Figure} because …"
            );
        }

        var policy = rules.Cycle;
        var now = time.GetUtcNow();
        var state = await MeasureState.ReadAsync(results, measure, turn.Cancellation);
        var open = state
            .History.Where(r =>
                policy.StateAt(r.Period, state.DeadlineFor(r.Period, policy), now) == UpdateWindowState.Open
            )
            .OrderByDescending(r => r.Period)
            .ToList();
        var current =
            periodWords.Length == 0 ? open.FirstOrDefault()
            : ReportingPeriod.TryParse(periodWords, out var named) ? state.ResultFor(named)
            : open.FirstOrDefault(r => r.Period.ToString().StartsWith(periodWords, StringComparison.OrdinalIgnoreCase));
        if (current is null)
        {
            return TurnAnswer.Say(
                $"{measure.Reference} has no recorded "
                    + $"figure{(periodWords.Length == 0 ? string.Empty : $" for {periodWords}")} that is still open to "
                    + "change. Type **my measures** to see its latest; closed periods are changed by the performance "
                    + "team."
            );
        }

        if (policy.StateAt(current.Period, state.DeadlineFor(current.Period, policy), now) != UpdateWindowState.Open)
        {
            return TurnAnswer.Say(
                $"{current.Period} is closed: its figures have gone into the reports. To change one now, please "
                    + "contact the performance team."
            );
        }

        var reading = ValueReader.Read(typed.Figure, measure);
        if (reading is not ValueReading.Accepted { Value: var value })
        {
            return TurnAnswer.Say($"{((ValueReading.Refused)reading).Reason} Nothing was changed.");
        }

        if (Correction.ProblemWithReason(typed.Reason) is { } noReason)
        {
            return TurnAnswer.Say(
                $"{noReason} Say why after the figure, e.g. change {measure.Reference} to {typed.Figure} because …"
            );
        }

        var judgement = StatusRules.Judge(
            measure,
            current.Period,
            value,
            state.ResultFor(current.Period.Previous)?.Value,
            state.ResultFor(current.Period.SamePeriodLastYear)?.Value,
            rules.Status
        );
        var actionNote = typed.ActionNote ?? current.ActionNote;
        if (judgement.Requirements.ProblemsWith(current.Commentary ?? typed.Reason, actionNote) is [var problem, ..])
        {
            return TurnAnswer.Say(
                $"{problem} Nothing was changed. Add it after the reason: change {measure.Reference} to {typed.Figure} "
                    + "because …; action: …"
            );
        }

        var (corrected, audit) = Correction.Apply(
            current,
            measure,
            value,
            current.Commentary,
            actionNote,
            judgement,
            turn.Person.Id,
            now,
            typed.Reason!
        );
        switch (await results.CorrectAsync(corrected, audit, current.Version, turn.Cancellation))
        {
            case CorrectionOutcome.Corrected done:
                var after = state with
                {
                    History = [.. state.History.Where(r => r.Period != done.Result.Period), done.Result],
                };
                var follows = await events.AfterTurnAsync(
                    FigureEvent.Of(done.Result),
                    turn.Catalogue,
                    after,
                    turn.Person.Id,
                    turn.Cancellation
                );
                var view = PromptViews.Recorded(
                    done.Result,
                    after,
                    turn.Catalogue,
                    now,
                    rules,
                    $"Corrected from {measure.Format(current.Value)} to {measure.Format(value)} "
                        + $"(version {done.Result.Version}). Why: {typed.Reason}. The earlier figure stays in the "
                        + "audit trail."
                );
                return TurnAnswer.Of(
                    UpdateRecordedCard.Build(follows is null ? view : view with { Next = $"{view.Next} {follows}" })
                );
            case CorrectionOutcome.ChangedSinceRead changed:
                return TurnAnswer.Say(
                    $"{measure.Reference} {current.Period} was changed by someone else just now (it is "
                        + $"{measure.Format(changed.Current.Value)}); nothing was changed. Check it, then try again if "
                        + "it still needs correcting."
                );
            default:
                return TurnAnswer.Say($"{measure.Reference} {current.Period} has no recorded figure to change.");
        }
    }

    /// <summary>
    /// Which of the person's measures the words name (by reference, or by every longer word being in its title), and
    /// the words left for the period.
    /// </summary>
    private static (Measure? Measure, string PeriodWords) Resolve(string subject, IReadOnlyList<Measure> mine)
    {
        foreach (var m in mine.OrderByDescending(m => m.Reference.Value.Length))
        {
            if (subject.StartsWith(m.Reference.Value, StringComparison.OrdinalIgnoreCase))
            {
                return (m, subject[m.Reference.Value.Length..].Trim());
            }
        }

        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var periodWords = words.Where(w => w.Length <= 3 || char.IsDigit(w[0]) || IsMonth(w)).ToArray();
        var titleWords = words.Except(periodWords).ToArray();
        var matches =
            titleWords.Length == 0
                ? []
                : mine.Where(m => titleWords.All(w => m.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
                    .ToList();
        return matches.Count == 1 ? (matches[0], string.Join(' ', periodWords)) : (null, string.Empty);
    }

    private static bool IsMonth(string word) =>
        System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Any(n =>
            n.Length > 0 && n.StartsWith(word, StringComparison.OrdinalIgnoreCase) && word.Length >= 3
        );
}
