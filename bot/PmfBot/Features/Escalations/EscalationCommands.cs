using PmfBot.Bot;
using PmfBot.Cards.Escalations;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Values;
using PmfBot.Measures;
using PmfBot.Standings;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Results;
using PmfBot.Wording;

namespace PmfBot.Features.Escalations;

/// <summary>"my escalations", "escalation history for NI 192", and "escalate NI 192 because …".</summary>
public sealed class EscalationCommands(
    EscalationStore store,
    StandingsReader standings,
    EscalationRaiser raiser,
    EscalationContexts contexts,
    ResultStore results,
    TimeProvider time
)
{
    public static readonly string[] MinePhrases =
    [
        "my escalations",
        "escalations",
        "my escalation",
        "show my escalations",
        "open escalations",
    ];

    /// <summary>
    /// Open and decided escalations the person decides, owns the measure (or activity) of, or raised: waiting on them
    /// first. Read from the standings of the measures that escalate to them or that they update (one read per
    /// service), and activities' escalations (one query).
    /// </summary>
    public async Task<TurnAnswer> MineAsync(Turn turn)
    {
        if (turn.Person is not { } person)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so you have no escalations. The performance "
                    + "team can add you."
            );
        }

        var measures = contexts.MeasuresEscalatingTo(person.Id, turn.Catalogue);
        var ofActivities =
            turn.Catalogue.Activities.Count == 0
                ? []
                : (await store.GetAllOfPlanActivitiesAsync(turn.Cancellation))
                    .Select(s => s.Escalation)
                    .Where(x => x.State != EscalationState.Closed);
        var mine = (await standings.ForAsync(measures, turn.Cancellation))
            .SelectMany(s => s.NotClosed)
            .Concat(ofActivities)
            .Where(x => contexts.MayDecide(x, person.Id) || x.Owner == person.Id || x.RaisedBy == person.Id)
            .OrderByDescending(x =>
                x.State == EscalationState.Open
                && (x.IsAwaitingOwner ? x.Owner == person.Id : contexts.MayDecide(x, person.Id))
            )
            .ThenBy(x => x.RaisedAt)
            .ToList();
        if (mine.Count == 0)
        {
            return TurnAnswer.Say(
                "You have no open escalations: none waiting for your decision, and none raised on your measures. Type "
                    + "**escalation history for** and a measure's reference to see past ones."
            );
        }

        var now = time.GetUtcNow();
        return TurnAnswer.Of(
            EscalationListCard.Build(
                new EscalationListView(
                    $"Your escalations ({mine.Count})",
                    "Open and decided escalations you decide, or on measures you own. Those waiting on you come first.",
                    [.. mine.Select(x => EscalationViews.Line(x, turn.Catalogue, now))]
                )
            )
        );
    }

    /// <summary>
    /// "escalation history for NI 192" and "escalate NI 192 because …". Null when the text is neither.
    /// </summary>
    public async Task<TurnAnswer?> TypedAsync(Turn turn)
    {
        if (turn.Intent is not TypedIntent.Escalate { Request: var typed })
        {
            return null;
        }

        if (
            !MeasureReference.TryParse(typed.Measure, out var reference)
            || turn.Catalogue.FindMeasure(reference) is not { } measure
        )
        {
            return TurnAnswer.Say(
                $"I don't know a measure called \"{typed.Measure}\". Use its reference, like "
                    + $"**{(typed.Command == EscalationCommand.History ? "escalation history for " : "escalate ")}CS "
                    + "02**; **my measures** lists yours."
            );
        }

        return typed.Command == EscalationCommand.History
            ? await HistoryAsync(turn, measure)
            : await EscalateAsync(turn, measure, typed.Reason);
    }

    private async Task<TurnAnswer> HistoryAsync(Turn turn, Measure measure)
    {
        var all = await store.GetForSubjectAsync(measure.Reference, turn.Cancellation);
        if (all.Count == 0)
        {
            return TurnAnswer.Say($"{measure.Reference} ({Said.Plain(measure.Title)}) has never been escalated.");
        }

        var now = time.GetUtcNow();
        return TurnAnswer.Of(
            EscalationListCard.Build(
                new EscalationListView(
                    $"Escalation history: {measure.Reference}",
                    $"{measure.Title}: every escalation, newest first, with what was decided.",
                    [.. all.Reverse().Select(s => EscalationViews.Line(s.Escalation, turn.Catalogue, now))]
                )
            )
        );
    }

    private async Task<TurnAnswer> EscalateAsync(Turn turn, Measure measure, string? reason)
    {
        if (turn.Person is not { } person || !measure.MayBeUpdatedBy(person.Id))
        {
            return TurnAnswer.Say(
                $"Only {Said.Plain(turn.Catalogue.NameOf(measure.Owner))}, {measure.Reference}'s owner, or their "
                    + "delegates can "
                    + "escalate it. If it needs attention, tell them, or "
                    + $"{Said.Plain(turn.Catalogue.NameOf(measure.EscalationOwner))} (escalation owner) directly."
            );
        }

        if (reason?.Length > Escalation.MaxNoteLength)
        {
            return TurnAnswer.Say(
                $"Please keep the reason under {Escalation.MaxNoteLength} characters. Nothing was escalated."
            );
        }

        var state = await MeasureState.ReadAsync(results, measure, turn.Cancellation);
        var (x, raised, sentence) = await raiser.ByHandAsync(
            measure,
            state,
            person,
            reason,
            turn.Catalogue,
            turn.Cancellation
        );
        if (raised)
        {
            // the escalation card itself goes to the escalation owner
            return TurnAnswer.Say($"{measure.Reference} {x.Period}: {Said.Plain(sentence)}");
        }

        var context = await contexts.ForAsync(x, measure, turn.Catalogue, state, turn.Cancellation);
        var notice =
            $"{measure.Reference} {x.Period} was already escalated at {Dates.When(x.RaisedAt)}, so nothing new was "
            + "raised. Here is where it stands.";
        return TurnAnswer.Of(
            EscalationCard.Build(
                EscalationViews.Of(x, context, EscalationAudience.Reader, EscalationOccasion.Shown, notice)
            )
        );
    }
}
