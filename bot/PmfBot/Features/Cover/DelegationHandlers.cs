using PmfBot.Bot;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Values;
using PmfBot.Storage.Cover;
using PmfBot.Teams.Schema;
using PmfBot.Wording;
using Activity = PmfBot.Teams.Schema.Activity;
using Delegation = PmfBot.Domain.Cover.Delegation;

namespace PmfBot.Features.Cover;

/// <summary>
/// "delegate CS 02 to Fiona Grant until 30 Nov": while the owner is away, a colleague gets the
/// prompts and may enter the figures; the owner stays accountable and sees each answer.
/// "my delegations" lists them; "stop delegating" ends them early.
/// </summary>
public sealed class DelegationHandlers(CoverStore cover, ProactiveMessenger messenger, TimeProvider time)
{
    public static readonly string[] ListPhrases =
    [
        "my delegations",
        "delegations",
        "who covers for me",
        "who is covering",
    ];
    public static readonly string[] StopPhrases =
    [
        "stop delegating",
        "end delegation",
        "end my delegation",
        "cancel delegation",
        "cancel my delegation",
        "i'm back",
        "im back",
    ];

    public async Task<TurnAnswer?> TypedDelegationAsync(Turn turn)
    {
        if (!turn.IsPersonal || turn.Intent is not TypedIntent.Delegate { Request: var typed })
        {
            return null;
        }

        if (turn.Person is not { } owner)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so you have no measures to delegate."
            );
        }

        var owned = turn.Catalogue.Measures.Where(m => m.Owner == owner.Id).ToList();
        var example = $"delegate {owned.FirstOrDefault()?.Reference.Value ?? "CS 02"} to Fiona Grant until 30 Nov";
        if (owned.Count == 0)
        {
            return TurnAnswer.Say("You don't own any measures, so there is nothing of yours to delegate.");
        }

        Measure? measure = null;
        if (typed.Measure is { } words)
        {
            measure = MeasureReference.TryParse(words, out var reference)
                ? turn.Catalogue.FindMeasure(reference)
                : null;
            if (measure is null)
            {
                return TurnAnswer.Say(
                    $"I couldn't find a measure called \"{words}\". Use its reference, or \"all my measures\", e.g. "
                        + $"{example}."
                );
            }

            if (measure.Owner != owner.Id)
            {
                return TurnAnswer.Say(
                    $"{measure.Reference} is owned by {Said.Plain(turn.Catalogue.NameOf(measure.Owner))}, so only "
                        + "they can delegate it."
                );
            }
        }

        var candidates = PeopleByName.Find(typed.Delegate, turn.Catalogue.People);
        if (candidates.Count != 1)
        {
            return TurnAnswer.Say(
                candidates.Count == 0
                    ? $"I can't find \"{Said.Plain(typed.Delegate)}\" in the catalogue. Use their full name or "
                        + $"work email, e.g. {example}."
                    : $"More than one person is called \"{Said.Plain(typed.Delegate)}\" "
                        + $"({string.Join(", ", candidates.Select(c => Said.Plain(c.Name)))}). Use their full name or "
                        + "work email."
            );
        }

        var today = UkTime.DateAt(time.GetUtcNow());
        if (!DayWords.TryRead(typed.UntilWords, today, out var until))
        {
            return TurnAnswer.Say($"I couldn't read \"{typed.UntilWords}\" as a day. Try, e.g. {example}.");
        }

        var colleague = candidates[0];
        if (Delegation.ProblemWith(owner.Id, colleague.Id, until, today) is { } problem)
        {
            return TurnAnswer.Say($"{problem} Nothing was delegated.");
        }

        var delegation = new Delegation(
            Delegation.NewId(),
            owner.Id,
            colleague.Id,
            measure?.Reference,
            until,
            time.GetUtcNow()
        );
        await cover.AddAsync(delegation, turn.Cancellation);

        var what = measure is null
            ? $"all your measures ({string.Join(", ", owned.Select(m => m.Reference.Value))})"
            : measure.Reference.Value;
        var told = await TellAsync(
            colleague,
            $"{Said.Plain(owner.Name)} has asked you to cover "
                + (
                    measure is null
                        ? $"their measures ({string.Join(", ", owned.Select(m => m.Reference.Value))})"
                        : $"{measure.Reference} {Said.Plain(measure.Title)}"
                )
                + $" until {Dates.LongDate(until)}. "
                + "Their update prompts will come to you here, and you can enter the figures; type **what's due** to "
                + "see what is open.",
            delegation.Id,
            turn.Cancellation
        );
        var colleagueName = Said.Plain(colleague.Name);
        return TurnAnswer.Say(
            $"Done: {colleagueName} covers {what} until {Dates.LongDate(until)}. Prompts and reminders go to them "
                + "and they can enter the figures; "
                + "you stay accountable and I'll show you each figure they enter. Type **stop delegating** to end it "
                + "early."
                + (
                    told
                        ? string.Empty
                        : $"\n\n{colleagueName} hasn't opened PmfBot in Teams yet, so I couldn't tell them: please "
                            + "let them know, and ask them to open it so the cards reach them."
                )
        );
    }

    public async Task<TurnAnswer> ListAsync(Turn turn)
    {
        if (turn.Person is not { } person)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so you have no delegations."
            );
        }

        var today = UkTime.DateAt(time.GetUtcNow());
        var inForce = await cover.GetDelegationsInForceAsync(today, turn.Cancellation);
        var mine = inForce
            .Where(d => d.Owner == person.Id)
            .Select(d => $"- {Describe(d)} covered by **{Name(d.Delegate)}** until {Dates.LongDate(d.Until)}");
        var theirs = inForce
            .Where(d => d.Delegate == person.Id)
            .Select(d => $"- you cover {Name(d.Owner)}'s {Describe(d)} until {Dates.LongDate(d.Until)}");
        var lines = mine.Concat(theirs).ToList();
        string Name(PersonId id) => Said.Plain(turn.Catalogue.NameOf(id));
        return TurnAnswer.Say(
            lines.Count == 0
                ? "No delegations are in force for you. To hand your updates to a colleague while you're away: "
                    + "delegate all my measures to Fiona Grant until Friday."
                : "Delegations in force:\n\n"
                    + string.Join("\n", lines)
                    + "\n\nType **stop delegating** to end yours early."
        );
    }

    public async Task<TurnAnswer> StopAsync(Turn turn)
    {
        if (turn.Person is not { } owner)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so you have no delegations to end."
            );
        }

        var ended = await cover.EndAsync(owner.Id, UkTime.DateAt(time.GetUtcNow()), turn.Cancellation);
        return TurnAnswer.Say(
            ended.Count == 0
                ? "You have no delegations in force, so there was nothing to end."
                : "Ended: "
                    + string.Join(
                        "; ",
                        ended.Select(d => $"{Describe(d)} covered by {Said.Plain(turn.Catalogue.NameOf(d.Delegate))}")
                    )
                    + ". Prompts come to you again from the next scan."
        );
    }

    private async Task<bool> TellAsync(Person colleague, string text, string key, CancellationToken cancellationToken)
    {
        if (colleague.AadObjectId is not { Length: > 0 } aad)
        {
            return false;
        }

        var outcome = await messenger.SendToPersonAsync(
            aad,
            new Activity { Type = ActivityTypes.Message, Text = text },
            $"delegation|{key}",
            cancellationToken
        );
        return outcome is Teams.Connector.SendOutcome.Sent;
    }

    private static string Describe(Delegation d) => d.Measure is { } m ? m.Value : "all measures";
}
