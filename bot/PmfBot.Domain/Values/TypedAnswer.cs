using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Values;

/// <summary>
/// An update typed in the chat rather than entered on the card:
/// "42.5 — two crews off sick; action: agency cover from Monday", optionally naming the measure
/// first ("CS 02: 73.7 — …"). The figure is read later, for the measure's unit, by <see cref="ValueReader"/>.
/// </summary>
/// <param name="Measure">The measure named at the start, when one of the candidates was.</param>
/// <param name="Figure">The figure as typed, with any unit: "42.5", "42.5%", "18 days", "£12,500".</param>
/// <param name="Commentary">What follows the figure, up to the action note; null when nothing does.</param>
/// <param name="ActionNote">What follows "action:" ("action note:", "actions:"), if anything.</param>
public sealed partial record TypedAnswer(MeasureReference? Measure, string Figure, string? Commentary, string? ActionNote)
{
    /// <summary>
    /// Reads a typed update, or returns null when the text doesn't start with a figure (after an
    /// optional measure reference): then it is some other request, not an update.
    /// </summary>
    /// <param name="references">The references the person might name (their open updates'): matched case-insensitively, longest first.</param>
    public static TypedAnswer? Parse(string? text, IEnumerable<MeasureReference> references)
    {
        var rest = (text ?? string.Empty).Trim();
        MeasureReference? named = null;
        foreach (var reference in references.OrderByDescending(r => r.Value.Length))
        {
            if (rest.StartsWith(reference.Value, StringComparison.OrdinalIgnoreCase)
                && (rest.Length == reference.Value.Length || !char.IsLetterOrDigit(rest[reference.Value.Length])))
            {
                named = reference;
                rest = rest[reference.Value.Length..].TrimStart(' ', ':', '=', '-', '—', '–', ',');
                break;
            }
        }

        var figure = FigureWithUnitWord().Match(rest) is { Success: true } withWord ? withWord : FigureAlone().Match(rest);
        if (!figure.Success)
        {
            return null;
        }

        var value = figure.Groups["figure"].Value.Trim().TrimEnd(',', '.');
        var words = rest[figure.Groups["figure"].Length..].Trim().TrimStart('—', '–', '-', ';', ':', ',', '.', ' ');
        var marker = ActionMarker().Match(words);
        var commentary = marker.Success ? words[..marker.Index] : words;
        var actionNote = marker.Success ? words[(marker.Index + marker.Length)..] : null;
        return new TypedAnswer(named, value, Clean(commentary), Clean(actionNote));
    }

    private static string? Clean(string? text)
    {
        var trimmed = text?.Trim().Trim(';', ',', '—', '–', '-', ' ').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    // A figure with an optional % or one unit word ("18 days", "950 dwellings"), followed by the end or a separator.
    [GeneratedRegex(@"^(?<figure>£?\s?[+\-−]?\d[\d.,]*(\s?(%|percent|k|m|bn))?\s+(working days|[A-Za-z]+))(?=\s*$|\s*[—–;:,]|\s+-\s)")]
    private static partial Regex FigureWithUnitWord();

    [GeneratedRegex(@"^(?<figure>£?\s?[+\-−]?\d[\d.,]*(\s?(%|percent|k|m|bn))?)(?=\s|$|[—–;:])", RegexOptions.IgnoreCase)]
    private static partial Regex FigureAlone();

    [GeneratedRegex(@"(^|[\s;,.—–-])(action notes?|actions?|next steps?)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ActionMarker();
}
