using System.Globalization;
using PmfBot.Bot;
using PmfBot.Cards.Updates;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Measures;
using PmfBot.Storage.Results;
using PmfBot.Wording;

namespace PmfBot.Features.Updates;

/// <summary>"my measures": the measures a person updates, their latest status, and what is due next.</summary>
/// <remarks>Two partition range reads per measure (in parallel): a person has a handful. The catalogue comes with the
/// turn.</remarks>
public sealed class MyMeasuresQuery(ResultStore results, TimeProvider time, CouncilRules rules)
{
    public static readonly string[] Phrases =
    [
        "my measures",
        "measures",
        "show my measures",
        "my indicators",
        "my pis",
        "what do i own",
    ];

    public async Task<TurnAnswer> AnswerAsync(Turn turn)
    {
        if (turn.Person is null)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so I don't know your measures. The "
                    + "performance team can add you."
            );
        }

        var mine = turn
            .Catalogue.Measures.Where(m => m.MayBeUpdatedBy(turn.Person.Id))
            .OrderBy(m => m.Reference.Key, StringComparer.Ordinal)
            .ToList();
        var states = await MeasureState.ReadAsync(results, mine, turn.Cancellation);
        var now = time.GetUtcNow();
        var lines = mine.Select(m => Line(states[m.Reference], turn.Person.Id, now, rules)).ToList();
        return TurnAnswer.Of(MyMeasuresCard.Build(new MyMeasuresView(turn.Person.Name, lines)));
    }

    private static MeasureLine Line(MeasureState state, PersonId person, DateTimeOffset now, CouncilRules rules)
    {
        var policy = rules.Cycle;
        var (measure, history) = (state.Measure, state.History);
        var latest = history.Count > 0 ? history[^1] : null;
        string? direction = null;
        if (latest is not null)
        {
            var previous = history.FirstOrDefault(r => r.Period == latest.Period.Previous);
            direction = MeasureWords.Against(
                measure,
                latest.Period,
                latest.Value,
                latest.Period.Previous,
                previous?.Value,
                rules.Status.StableBand
            );
        }

        var today = UkTime.DateAt(now);
        var due = measure.LatestEndedPeriodAsOf(today);
        if (history.Any(r => r.Period == due))
        {
            due = due.Next;
        }

        var deadline = state.DeadlineFor(due, policy); // an approved extension counts
        var overdue = due.End < today && deadline.IsOverdueAt(now);
        var next =
            due.End >= today
                ? $"{due} due by {deadline.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} (the period ends "
                    + $"{due.End.ToString("d MMM", CultureInfo.InvariantCulture)})"
                : $"{due} due by {deadline.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
                    + (overdue ? " — overdue" : string.Empty);

        var title = measure.Owner == person ? measure.Title : $"{measure.Title} (delegate)";
        return new MeasureLine(
            measure.Reference.Value,
            title,
            latest is null ? null : $"{measure.Format(latest.Value)} for {latest.Period}",
            latest is null ? null : latest.Rag?.ToString() ?? MeasureWords.NoTargetStatus(latest.VsPrevious),
            direction,
            next,
            overdue
        );
    }
}
