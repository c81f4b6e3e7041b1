using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Payloads;
using PmfBot.Cards.Questions;
using PmfBot.Cards.Scorecards;
using PmfBot.Council;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Questions;
using PmfBot.Standings;
using PmfBot.Tab;
using PmfBot.Wording;

namespace PmfBot.Features.Questions;

/// <summary>
/// Questions in plain words (<see cref="QuestionReader"/>), answered from the standings, for the measures the asker may
/// see: lists (worse, better, off track, overdue, not yet updated) as the first ten, "and 23 more" and a link to the
/// Performance tab; one measure as its card with its trend; a search of what was said, newest first.
/// </summary>
public sealed class QuestionCommands(
    StandingsReader standings,
    PerformanceTeam team,
    TabLinks tab,
    CouncilRules rules,
    TimeProvider time
)
{
    /// <summary>Reads a question; null for text that isn't one.</summary>
    public async Task<TurnAnswer?> TypedAsync(Turn turn)
    {
        var now = time.GetUtcNow();
        if (QuestionReader.Read(turn.Text, turn.Catalogue, UkTime.DateAt(now)) is not { } question)
        {
            return null;
        }

        if (turn.Person is not { } person)
        {
            return TurnAnswer.Say(
                "I answer questions about the measures you may see, and I can't find you in the council's performance "
                    + "catalogue. The performance team can add you."
            );
        }

        var sight = team.SightOf(person, turn.Catalogue);
        if (question.Intent == QuestionIntent.OneMeasure)
        {
            return await OneMeasureAsync(turn, question.Measures!, sight, now);
        }

        var about = AskedMeasures.For(question.Scope, sight, turn.Catalogue);
        if (about is AskedMeasures.Refused refused)
        {
            return TurnAnswer.Say(refused.Why);
        }

        var asked = (AskedMeasures.Found)about;
        var stand = await standings.ForAsync(asked.Measures, turn.Cancellation);
        var measures = asked.Measures.Zip(stand).ToList();
        return TurnAnswer.Of(
            AnswerListCard.Build(
                question.Intent == QuestionIntent.Said
                    ? QuestionViews.Search(
                        question,
                        asked,
                        CommentarySearch.WordsOf(question.Words!),
                        measures,
                        turn.Catalogue,
                        tab.For(person, asked.Scope)
                    )
                    : QuestionViews.List(
                        question,
                        asked,
                        QuestionLists.For(question, measures, turn.Catalogue, rules, now),
                        tab.For(
                            person,
                            asked.Scope,
                            status: question.Intent == QuestionIntent.OffTrack ? "Red" : null,
                            overdue: question.Intent == QuestionIntent.Overdue
                        )
                    )
            )
        );
    }

    /// <summary>A measure's card; a choice when the words fit several; a refusal when it isn't theirs to see.</summary>
    private async Task<TurnAnswer> OneMeasureAsync(
        Turn turn,
        IReadOnlyList<Measure> fitting,
        MeasureSight sight,
        DateTimeOffset now
    )
    {
        var seen = fitting.Where(m => sight.MaySee(m.Reference)).ToList();
        if (seen.Count == 0)
        {
            return TurnAnswer.Say(
                $"{fitting[0].Reference} ({fitting[0].Title}) isn't one of the measures you can see: people see the "
                    + "measures they own or update, their service's, or their department's."
            );
        }

        if (seen.Count > 1)
        {
            return TurnAnswer.Of(
                ChoiceCard.Build(
                    $"Which measure did you mean by \"{turn.Text.Trim()}\"?",
                    [
                        .. seen.Take(5)
                            .Select(m => new ChoiceButton(
                                $"{m.Reference} {m.Title}",
                                Verbs.ShowMeasure,
                                new Dictionary<string, string> { [MeasurePeriodData.MeasureKey] = m.Reference.Value }
                            )),
                    ]
                )
            );
        }

        return await CardAsync(turn, seen[0], sight, now);
    }

    /// <summary>A button choosing one measure (data: measure).</summary>
    public async Task<TurnAnswer> ShowAsync(Turn turn)
    {
        if (turn.Person is not { } person)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue. The performance team can add you."
            );
        }

        var sight = team.SightOf(person, turn.Catalogue);
        return
            MeasureReference.TryParse(turn.DataText(MeasurePeriodData.MeasureKey), out var reference)
            && turn.Catalogue.FindMeasure(reference) is { } measure
            && sight.MaySee(measure.Reference)
            ? await CardAsync(turn, measure, sight, time.GetUtcNow())
            : TurnAnswer.Say("That measure isn't one you can see in the catalogue now. Ask me for it by name again.");
    }

    private async Task<TurnAnswer> CardAsync(Turn turn, Measure measure, MeasureSight sight, DateTimeOffset now)
    {
        var standing = await standings.OfAsync(measure, turn.Cancellation);
        var view = MeasureCardViews.For(
            measure,
            standing,
            turn.Catalogue,
            now,
            rules.Cycle,
            rules.Status.StableBand
        ) with
        {
            TabLink = tab.For(sight.Person, measure: measure.Reference),
        };
        return TurnAnswer.Of(MeasureCard.Build(view));
    }
}
