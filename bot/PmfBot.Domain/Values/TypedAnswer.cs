using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Values;

/// <summary>
/// An update typed in the chat rather than entered on the card:
/// "42.5 — two crews off sick; action: agency cover from Monday", optionally naming the measure
/// first ("CS 02: 73.7 — …"). The figure is read later, for the measure's unit, by <see cref="ValueReader"/>.
/// </summary>
/// <remarks>
/// The figure ends only at a real separator (<see cref="TypedFigure"/>): everything before it is the
/// figure as typed, so nothing glued to a figure ("50;DROP TABLE", "42.5% two crews off") is
/// silently dropped: the reader refuses it whole. A sign is never taken for a separator: "RB 02: -5"
/// is minus five.
/// </remarks>
/// <param name="Measure">The measure named at the start, when one of the candidates was.</param>
/// <param name="Figure">The figure as typed, with any unit: "42.5", "42.5%", "18 days", "£12,500".</param>
/// <param name="Commentary">What follows the figure, up to the action note; null when nothing does.</param>
/// <param name="ActionNote">What follows "action:" ("action note:", "actions:"), if anything.</param>
public sealed partial record TypedAnswer(
    MeasureReference? Measure,
    string Figure,
    string? Commentary,
    string? ActionNote
)
{
    /// <summary>
    /// Reads a typed update, or returns null when the text isn't one: then it is some other
    /// request. Without a measure named, it must start like a figure ("42", "-5", "£1,200"); after
    /// a measure's reference, anything a person might mean as a figure counts ("forty", "n/a",
    /// "1e400"), so they are told precisely what is wrong with it.
    /// </summary>
    /// <param name="references">
    /// The references the person might name (the catalogue's): matched case-insensitively, longest first.
    /// </param>
    public static TypedAnswer? Parse(string? text, IEnumerable<MeasureReference> references)
    {
        var rest = (text ?? string.Empty).Trim();
        MeasureReference? named = null;
        foreach (var reference in references.OrderByDescending(r => r.Value.Length))
        {
            if (
                rest.StartsWith(reference.Value, StringComparison.OrdinalIgnoreCase)
                && (rest.Length == reference.Value.Length || !char.IsLetterOrDigit(rest[reference.Value.Length]))
            )
            {
                named = reference;
                rest = AfterReference().Replace(rest[reference.Value.Length..], string.Empty, 1);
                break;
            }
        }

        var marker = ActionMarker().Match(rest);
        var update = marker.Success ? rest[..marker.Index] : rest;
        var actionNote = marker.Success ? rest[(marker.Index + marker.Length)..] : null;

        var (figure, commentary) = TypedFigure.Split(update);
        var claimed = named is null ? ValueReader.StartsLikeFigure(figure) : ValueReader.LooksLikeFigure(figure);
        return claimed ? new TypedAnswer(named, figure, Clean(commentary), Clean(actionNote)) : null;
    }

    private static string? Clean(string? text) => WrittenText.Clean(text?.Trim().Trim(';', ',', '—', '–', '-', ' '));

    /// <summary>
    /// Between a reference and the figure: spaces, then ":", "=", ",", a long dash, or "-" with a
    /// space after it (never a sign).
    /// </summary>
    [GeneratedRegex(@"^\s*(?:[:=,—–]|-(?=\s))?\s*")]
    private static partial Regex AfterReference();

    [GeneratedRegex(@"(^|[\s;,.—–-])(action notes?|actions?|next steps?)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ActionMarker();
}
