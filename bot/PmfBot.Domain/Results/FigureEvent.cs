using System.Globalization;

namespace PmfBot.Domain.Results;

public enum FigureEventKind
{
    /// <summary>An owner (or delegate) recorded a period's first figure.</summary>
    Recorded,

    /// <summary>A figure was corrected: a new version replaced the one before.</summary>
    Corrected,
}

/// <summary>
/// "A figure was recorded" (or corrected): the moment everything else follows from — the
/// standings, escalations, the card in the owner's chat. Written in the same transaction as the
/// figure, so it can't be lost or invented, and handled until every handler has done its part.
/// </summary>
/// <param name="Figure">The figure as stored by this event (its version is the event's).</param>
public sealed record FigureEvent(FigureEventKind Kind, MeasureResult Figure)
{
    /// <summary>The card the figure was entered on, when it came from one.</summary>
    public PressedCard? EnteredOn { get; init; }

    /// <summary>Unique per measure, period and figure version: what makes handling idempotent.</summary>
    public string Key =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Figure.Measure.Key}|{Figure.Period.Code}|{Figure.Version:000000}"
        );

    public static FigureEvent Of(MeasureResult figure, PressedCard? enteredOn = null) =>
        new(figure.Version == 1 ? FigureEventKind.Recorded : FigureEventKind.Corrected, figure)
        {
            EnteredOn = enteredOn,
        };
}

/// <summary>
/// A card someone pressed, in a chat. Its copies elsewhere are updated to match what the press
/// did, and so is it unless Teams already shows the answer in its place (an Action.Execute
/// pressed in a personal chat).
/// </summary>
public sealed record PressedCard(string ServiceUrl, string ConversationId, string ActivityId, bool AnsweredInPlace);
