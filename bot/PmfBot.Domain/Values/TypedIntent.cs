using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Values;

/// <summary>What a person typed asks for, of the requests that carry details. A closed set.</summary>
public abstract record TypedIntent
{
    private TypedIntent() { }

    /// <summary>"escalate CS 02 because …", "escalation history for CS 02".</summary>
    public sealed record Escalate(TypedEscalation Request) : TypedIntent;

    /// <summary>"Sam covers my measures until Friday".</summary>
    public sealed record Delegate(TypedDelegation Request) : TypedIntent;

    /// <summary>"snooze CS 02 until Monday".</summary>
    public sealed record Snooze(TypedSnooze Request) : TypedIntent;

    /// <summary>"change CS 02 to 74.1 because …".</summary>
    public sealed record Correct(TypedCorrection Request) : TypedIntent;

    /// <summary>"I need until Friday for NI 192 because …".</summary>
    public sealed record AskForMoreTime(TypedExtensionRequest Request) : TypedIntent;

    /// <summary>"CS 02: 73.7 — two advisers off; action: …", "42.5 — …".</summary>
    public sealed record Figure(TypedAnswer Answer) : TypedIntent;
}

/// <summary>
/// Reads typed text into one <see cref="TypedIntent"/>, whichever reader could match: the
/// precedence is here, once, and tested row by row (TypedIntentsTests), rather than in the order
/// features happen to be registered.
/// </summary>
public static class TypedIntents
{
    /// <summary>
    /// The precedence, first match wins:
    /// <list type="number">
    /// <item>a command word at the start: escalate, delegation, snooze, change/correct;</item>
    /// <item>a figure in the form the prompt card's hint shows — a figure first, or a measure's
    /// reference then a figure ("IG 01: 82.4 — …") — even when its action note says "until …";</item>
    /// <item>a request for more time ("until", "extension", "more time");</item>
    /// <item>anything else a reference is followed by, as a figure ("CS 02: forty"), so the person
    /// is told exactly what is wrong with it.</item>
    /// </list>
    /// </summary>
    /// <returns>Null when the text is none of these (a question, a phrase: other readers' business).</returns>
    public static TypedIntent? Read(string? text, IReadOnlyCollection<MeasureReference> references, DateOnly today)
    {
        if (TypedEscalation.Parse(text) is { } escalate)
        {
            return new TypedIntent.Escalate(escalate);
        }

        if (TypedDelegation.Parse(text) is { } delegation)
        {
            return new TypedIntent.Delegate(delegation);
        }

        if (TypedSnooze.Parse(text) is { } snooze)
        {
            return new TypedIntent.Snooze(snooze);
        }

        if (TypedCorrection.Parse(text) is { } correction)
        {
            return new TypedIntent.Correct(correction);
        }

        var answer = TypedAnswer.Parse(text, references);
        if (answer is not null && ValueReader.StartsLikeFigure(answer.Figure))
        {
            return new TypedIntent.Figure(answer);
        }

        if (TypedExtensionRequest.Parse(text, references, today) is { } moreTime)
        {
            return new TypedIntent.AskForMoreTime(moreTime);
        }

        return answer is null ? null : new TypedIntent.Figure(answer);
    }
}
