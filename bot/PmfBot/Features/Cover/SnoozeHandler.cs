using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;
using PmfBot.Domain.Values;
using PmfBot.Measures;
using PmfBot.Storage.Cover;
using PmfBot.Storage.Results;
using PmfBot.Wording;

namespace PmfBot.Features.Cover;

/// <summary>"snooze until Monday": reminders wait until then, but never past a deadline.</summary>
public sealed class SnoozeHandler(CoverStore cover, ResultStore results, TimeProvider time, CouncilRules rules)
{
    public async Task<TurnAnswer?> TypedSnoozeAsync(Turn turn)
    {
        if (!turn.IsPersonal || turn.Intent is not TypedIntent.Snooze { Request: var typed })
        {
            return null;
        }

        if (turn.Person is not { } person)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so I send you no reminders to snooze."
            );
        }

        if (typed.UntilWords is null)
        {
            return TurnAnswer.Say(
                "Until when? For example: **snooze until Monday**, or **snooze CS 02 until Friday**."
            );
        }

        var mine = turn.Catalogue.Measures.Where(m => m.MayBeUpdatedBy(person.Id)).ToList();
        Measure? measure = null;
        if (
            typed.Measure is { } words
            && (
                measure = MeasureReference.TryParse(words, out var named)
                    ? mine.FirstOrDefault(m => m.Reference == named)
                    : null
            )
                is null
        )
        {
            return TurnAnswer.Say(
                $"\"{words}\" isn't one of your measures. Use its reference (e.g. snooze "
                    + $"{mine.FirstOrDefault()?.Reference.Value ?? "CS 02"} until Monday), or snooze all your "
                    + "reminders: snooze until Monday."
            );
        }

        var now = time.GetUtcNow();
        var today = UkTime.DateAt(now);
        if (!DayWords.TryRead(typed.UntilWords, today, out var until) || until <= today)
        {
            return TurnAnswer.Say(
                $"I couldn't read \"{typed.UntilWords}\" as a day after today. Try: snooze until Monday, or snooze "
                    + "until 20 Nov."
            );
        }

        if (until > today.AddDays(Snooze.MaxDays))
        {
            return TurnAnswer.Say(
                $"A snooze can run for {Snooze.MaxDays} days at most. If you're away for longer, delegate instead: "
                    + "delegate all my measures to Fiona Grant until …"
            );
        }

        await cover.SnoozeAsync(new Snooze(person.Id, measure?.Reference, until, now), turn.Cancellation);

        // Deadlines don't move: say which updates will still arrive on their deadline day, inside the snooze.
        var open = await MeasureState.OpenAsync(
            results,
            measure is null ? mine : [measure],
            now,
            rules.Cycle,
            turn.Cancellation
        );
        var cut = open.Where(o => o.Deadline.Date >= today && o.Deadline.Date < until)
            .Select(o => $"{o.Measure.Reference} ({Dates.ShortDate(o.Deadline.Date)})")
            .ToList();
        return TurnAnswer.Say(
            $"Snoozed: no reminders {(measure is null ? "for any of your measures" : $"for {measure.Reference}")} "
                + $"until {Dates.LongDate(until)}."
                + (
                    cut.Count == 0
                        ? string.Empty
                        : " Deadlines don't move, so a snooze never runs past one: I'll still send the card on the "
                            + $"deadline day for {string.Join(", ", cut)}, and anything overdue."
                )
        );
    }
}
