using System.Globalization;
using System.Text.Json;
using PmfBot.Bot;
using PmfBot.Cards.Escalations;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Prompts;
using PmfBot.Wording;

namespace PmfBot.Features.Escalations;

/// <summary>
/// The escalation card's buttons: "Decide" (and Teams' refresh), the five decisions, the owner's
/// answer, and "Close" on review. Only a decider decides or closes, only the owner answers; each
/// change is stored only if nobody changed the escalation since it was read, so a second press or
/// a second decider changes nothing and is shown who settled it.
/// </summary>
public sealed class EscalationDecisions(
    EscalationStore store,
    EscalationWrites writes,
    EscalationNotices notices,
    EscalationContexts contexts,
    PlanActivityStops stops,
    Telemetry.PmfMetrics metrics,
    TimeProvider time
)
{
    private static readonly Dictionary<string, DecisionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["approve"] = DecisionKind.ApproveAction,
        ["resource"] = DecisionKind.AllocateResource,
        ["ask"] = DecisionKind.AskForInformation,
        ["stop"] = DecisionKind.Stop,
        ["accept"] = DecisionKind.AcceptRisk,
    };

    /// <summary>
    /// "Decide", "Show", and the card's refresh: a decider of an open escalation gets the decision view; anyone else
    /// where it stands.
    /// </summary>
    public async Task<TurnAnswer> OpenAsync(Turn turn)
    {
        if (await FindAsync(turn) is not var (read, context))
        {
            return TurnAnswer.Say("I can't find that escalation. Type **my escalations** for yours.");
        }

        var x = read.Escalation;
        if (turn.Person is { } person && contexts.MayDecide(x, person.Id))
        {
            return Card(
                x,
                context,
                x.State == EscalationState.Open ? EscalationAudience.Decider : EscalationAudience.Everyone
            );
        }

        // Teams refreshes the card for everyone listed; anyone else who presses "Decide" is told why they only see its
        // state.
        var notice =
            IsAutomaticRefresh(turn) || turn.Person is { } p && (p.Id == x.Owner || p.Id == x.RaisedBy) ? null
            : x.State == EscalationState.Open ? $"{Refusal(context, "decide")} Here is where it stands."
            : null;
        return Card(x, context, EscalationAudience.Reader, notice: notice);
    }

    public async Task<TurnAnswer> DecideAsync(Turn turn)
    {
        if (
            await FindAsync(turn) is not var (read, _)
            || !Kinds.TryGetValue(turn.DataText(EscalationCard.DecisionKey) ?? string.Empty, out var kind)
        )
        {
            return TurnAnswer.Say(
                "I couldn't tell which escalation that button was for, or what it decided. Nothing was changed."
            );
        }

        var asked = new DecisionAsked(
            kind,
            turn.DataText(EscalationCard.NoteInput),
            turn.DataText(EscalationCard.UntilInput),
            turn.Person,
            turn.Activity
        );
        return await DecideAsync(read, asked, turn.Catalogue, turn.Cancellation) switch
        {
            DecisionOutcome.Refused refused => TurnAnswer.Say($"{refused.Why} Your press changed nothing."),
            DecisionOutcome.Unsaved unsaved => TurnAnswer.Say(unsaved.Why),
            DecisionOutcome.Shown shown => Card(
                shown.Escalation,
                shown.Context,
                shown.Audience,
                shown.Notice,
                shown.Problems,
                shown.Problems is null ? null : new DecisionEntry(MeasureResult.Clean(asked.Note), asked.Until)
            ),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }

    /// <summary>The decision words a card's button or the tab sends: "approve", "resource", "ask", "stop", "accept".
    /// </summary>
    public static bool TryReadKind(string? text, out DecisionKind kind) =>
        Kinds.TryGetValue(text ?? string.Empty, out kind);

    /// <summary>
    /// Takes a decision on an escalation: only a decider's, only while it is open, only if its entry is complete;
    /// stored only if nobody changed the escalation since it was read (else checked again against the fresh one).
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(
        StoredEscalation read,
        DecisionAsked asked,
        CouncilCatalogue catalogue,
        CancellationToken cancellationToken
    )
    {
        if (await contexts.ForAsync(read.Escalation, catalogue, cancellationToken) is not { } context)
        {
            return new DecisionOutcome.Refused("What it was about has left the performance catalogue.");
        }

        if (asked.By is not { } person || !contexts.MayDecide(read.Escalation, person.Id))
        {
            return new DecisionOutcome.Refused(Refusal(context, "decide"));
        }

        var kind = asked.Kind;
        var note = MeasureResult.Clean(asked.Note);
        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(asked.Until))
        {
            if (
                !DateOnly.TryParseExact(
                    asked.Until.Trim(),
                    "yyyy-MM-dd",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var date
                )
            )
            {
                return new DecisionOutcome.Shown(
                    read.Escalation,
                    context,
                    EscalationAudience.Decider,
                    null,
                    ["I couldn't read that date. Pick one from the calendar."]
                );
            }

            until = date;
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var today = UkTime.DateAt(time.GetUtcNow());
            if (read.Escalation.State != EscalationState.Open)
            {
                return new DecisionOutcome.Shown(
                    read.Escalation,
                    context,
                    EscalationAudience.Everyone,
                    AlreadySettled(read.Escalation, catalogue)
                );
            }

            if (read.Escalation.ProblemWith(kind, note, until, today) is { } problem)
            {
                return new DecisionOutcome.Shown(read.Escalation, context, EscalationAudience.Decider, null, [problem]);
            }

            var decision = new EscalationDecision(kind, person.Id, time.GetUtcNow(), note, until);
            if (
                await writes.TryChangeAsync(read, read.Escalation.Decide(decision), null, cancellationToken) is
                { } stored
            )
            {
                metrics.EscalationDecided(kind);
                if (stored.Escalation.IsPlanActivity && kind == DecisionKind.Stop)
                {
                    await stops.StopAsync(stored.Escalation, cancellationToken);
                }

                var audience =
                    kind == DecisionKind.AskForInformation ? EscalationAudience.Decider : EscalationAudience.Everyone;
                var notice = await AfterChangeAsync(
                    stored.Escalation,
                    context,
                    person,
                    asked.PressedOn,
                    catalogue,
                    cancellationToken
                );
                return new DecisionOutcome.Shown(stored.Escalation, context, audience, notice);
            }

            read = await store.GetAsync(read.Escalation.Subject, read.Escalation.Period, cancellationToken) ?? read;
            context = await contexts.ForAsync(read.Escalation, catalogue, cancellationToken) ?? context;
        }

        return new DecisionOutcome.Unsaved(
            "Storage didn't take the decision just now. Nothing was changed; please try again in a minute."
        );
    }

    /// <summary>The owner's answer to the escalation owner's question.</summary>
    public async Task<TurnAnswer> AnswerAsync(Turn turn)
    {
        // An answer changes neither who decides nor the figures, so one context serves the whole turn.
        if (await FindAsync(turn) is not var (read, context))
        {
            return TurnAnswer.Say("I can't find the escalation this question was about. Nothing was sent.");
        }

        if (turn.Person is null || !context.MayAnswer(read.Escalation, turn.Person.Id))
        {
            return TurnAnswer.Say(
                $"This question is for {Said.Plain(turn.Catalogue.NameOf(read.Escalation.Owner))}, "
                    + $"{Said.Plain(context.Label)}'s owner, so your answer wasn't sent."
            );
        }

        var text = turn.DataText(EscalationQuestionCard.AnswerInput);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var x = read.Escalation;
            var question = x.OpenQuestion ?? (x.Questions.Count > 0 ? x.Questions[^1] : null);
            if (x.ProblemWithAnswer(text) is { } problem)
            {
                return question is null
                    ? TurnAnswer.Say(problem)
                    : TurnAnswer.Of(
                        EscalationQuestionCard.Build(
                            EscalationViews.Question(
                                x,
                                question,
                                context,
                                x.OpenQuestion is null ? problem : null,
                                x.OpenQuestion is null ? null : [problem],
                                text
                            )
                        )
                    );
            }

            var answered = x.Answer(new EscalationAnswer(turn.Person.Id, time.GetUtcNow(), text!));
            if (await writes.TryChangeAsync(read, answered, null, turn.Cancellation) is { } stored)
            {
                await notices.ShowAsync(stored.Escalation, context, null, turn.Cancellation);
                var told = await notices.DeliverAsync(stored.Escalation, context, turn.Cancellation);
                var asker = turn.Catalogue.NameOf(question!.By);
                var notice =
                    question.By == turn.Person.Id ? "Your answer is on record, with the escalation card to decide it."
                    : told.Any(t => t.Person == question.By && t.State is PromptState.WaitingForInstall)
                        ? $"Your answer is on record; {asker} will get it once they open PmfBot in Teams."
                    : $"Sent to {asker}.";
                return TurnAnswer.Of(
                    EscalationQuestionCard.Build(EscalationViews.Question(stored.Escalation, question, context, notice))
                );
            }

            read = await store.GetAsync(read.Escalation.Subject, read.Escalation.Period, turn.Cancellation) ?? read;
        }

        return TurnAnswer.Say(
            "Storage didn't take your answer just now. Nothing was lost from the card; please press again in a minute."
        );
    }

    /// <summary>"Close it: reviewed" on a decided escalation's review card.</summary>
    public async Task<TurnAnswer> CloseAsync(Turn turn)
    {
        if (await FindAsync(turn) is not var (read, context))
        {
            return TurnAnswer.Say("I can't find that escalation. Nothing was changed.");
        }

        if (turn.Person is null || !contexts.MayDecide(read.Escalation, turn.Person.Id))
        {
            return TurnAnswer.Say($"{Refusal(context, "close")} Your press changed nothing.");
        }

        if (read.Escalation.State != EscalationState.Decided)
        {
            return Card(
                read.Escalation,
                context,
                EscalationAudience.Everyone,
                notice: read.Escalation.State == EscalationState.Closed
                    ? AlreadySettled(read.Escalation, turn.Catalogue)
                    : "It hasn't been decided yet, so it can't be closed on review."
            );
        }

        var closure = new EscalationClosure(time.GetUtcNow(), $"reviewed by {turn.Person.Name}.", turn.Person.Id);
        if (
            await writes.TryChangeAsync(read, read.Escalation.Close(closure), null, turn.Cancellation) is not { } closed
        )
        {
            var fresh = await store.GetAsync(read.Escalation.Subject, read.Escalation.Period, turn.Cancellation);
            return Card(
                fresh?.Escalation ?? read.Escalation,
                context,
                EscalationAudience.Everyone,
                notice: "It changed while you were looking; here it is now. Nothing was changed by your press."
            );
        }

        return await AfterChangeAsync(turn, closed.Escalation, context, EscalationAudience.Everyone);
    }

    /// <summary>After a decision or closure: every card shows it, and whoever it owes a card gets one.</summary>
    /// <param name="context">As read for the change: a decision or closure changes neither who decides nor the
    /// figures.</param>
    private async Task<TurnAnswer> AfterChangeAsync(
        Turn turn,
        Escalation x,
        EscalationContext context,
        EscalationAudience audience
    ) =>
        Card(
            x,
            context,
            audience,
            notice: await AfterChangeAsync(x, context, turn.Person, turn.Activity, turn.Catalogue, turn.Cancellation)
        );

    /// <returns>What the person who changed it is told.</returns>
    private async Task<string> AfterChangeAsync(
        Escalation x,
        EscalationContext context,
        Domain.Catalogue.Person? by,
        Teams.Schema.Activity? pressedOn,
        CouncilCatalogue catalogue,
        CancellationToken cancellationToken
    )
    {
        await notices.ShowAsync(x, context, pressedOn, cancellationToken);
        var told = await notices.DeliverAsync(x, context, cancellationToken);
        var owner = catalogue.NameOf(x.Owner);
        // The owner who is also the escalation owner (or a deputy) has nobody else to tell.
        var ownDecision = by?.Id == x.Owner;
        var toSelf =
            $"Your question is on record; as {Said.Plain(context.Label)}'s owner too, "
            + "you'll get it as a card to answer.";
        return x.State == EscalationState.Closed ? "Closed."
            : ownDecision ? (x.IsAwaitingOwner ? toSelf : "Recorded.")
            : told.Any(t => t.Person == x.Owner && t.State is PromptState.WaitingForInstall)
                ? $"Recorded. {owner} can't get PmfBot cards yet and will be told once they open PmfBot in Teams."
            : x.IsAwaitingOwner ? $"Your question has gone to {owner}; their answer will come back here."
            : $"Recorded. {owner} has been told.";
    }

    /// <summary>
    /// The escalation a button is about (its data's measure or activity, and period), with what its cards need; null
    /// when any of them is unknown.
    /// </summary>
    private async Task<(StoredEscalation Read, EscalationContext Context)?> FindAsync(Turn turn)
    {
        EscalationSubject subject;
        ReportingPeriod period;
        if (Cards.Payloads.PlanActivityPeriodData.Read(turn.DataText) is { Activity: { Length: > 0 } code } data)
        {
            if (turn.Catalogue.FindPlanActivity(code) is null || !ReportingPeriod.TryParseCode(data.Period, out period))
            {
                return null;
            }

            subject = EscalationSubject.OfPlanActivity(code);
        }
        else if (turn.TryGetMeasurePeriod(out var measure, out period))
        {
            subject = measure.Reference;
        }
        else
        {
            return null;
        }

        return
            await store.GetAsync(subject, period, turn.Cancellation) is { } read
            && await contexts.ForAsync(read.Escalation, turn.Catalogue, turn.Cancellation) is { } context
            ? (read, context)
            : null;
    }

    private static TurnAnswer Card(
        Escalation x,
        EscalationContext context,
        EscalationAudience audience,
        string? notice = null,
        IReadOnlyList<string>? problems = null,
        DecisionEntry? entry = null
    ) =>
        TurnAnswer.Of(
            EscalationCard.Build(
                EscalationViews.Of(x, context, audience, EscalationOccasion.Shown, notice, problems, entry)
            )
        );

    /// <param name="what">"decide" or "close".</param>
    private static string Refusal(EscalationContext context, string what) =>
        $"Only {Said.Names(context.Deciders.Select(context.Council.NameOf))} can {what} "
        + $"{context.Label}'s escalation.";

    private static string AlreadySettled(Escalation x, CouncilCatalogue council) =>
        x.State == EscalationState.Closed
            ? $"This escalation was already closed at {Dates.When(x.Closure!.At)}; nothing was changed."
            : $"This escalation was already decided by {council.NameOf(x.Outcome!.By)} at {Dates.When(x.Outcome.At)}; "
                + "nothing was changed.";

    private static bool IsAutomaticRefresh(Turn turn) =>
        turn.Activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("trigger", out var trigger)
        && trigger.ValueKind == JsonValueKind.String
        && trigger.GetString() == "automatic";
}
