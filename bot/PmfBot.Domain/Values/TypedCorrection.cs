using System.Text.RegularExpressions;

namespace PmfBot.Domain.Values;

/// <summary>
/// A correction typed in the chat: "change CS 02 to 74.1 because the September calls were
/// miscounted", optionally naming the period ("change CS 02 Oct 2026 to …") and a new action
/// note ("…; action: …"). Which measure and period the words name is for the caller to settle.
/// </summary>
/// <param name="Subject">The words between "change" and "to": "CS 02", "Q2 recycling", "CS 02 Oct 2026".</param>
/// <param name="Figure">The new figure as typed, up to a real separator (<see cref="TypedFigure"/>).</param>
/// <param name="Reason">Why (after "because", "as", "—", ":"); null when none was given.</param>
public sealed partial record TypedCorrection(string Subject, string Figure, string? Reason, string? ActionNote)
{
    /// <summary>The correction typed, or null if the text isn't one ("to" must be followed by a figure).</summary>
    public static TypedCorrection? Parse(string? text)
    {
        var match = Shape().Match((text ?? string.Empty).Trim());
        if (!match.Success)
        {
            return null;
        }

        var (figure, rest) = TypedFigure.Split(match.Groups["rest"].Value, becauseEnds: true);
        if (!ValueReader.LooksLikeFigure(figure))
        {
            return null;
        }

        rest ??= string.Empty;
        var marker = ActionMarker().Match(rest);
        var why = (marker.Success ? rest[..marker.Index] : rest).Trim().Trim(';', ',', '—', '–', '-', ':', ' ');
        var reason = LeadingBecause().Replace(why, string.Empty);
        var actionNote = marker.Success ? rest[(marker.Index + marker.Length)..].Trim() : null;
        var subject = match.Groups["subject"].Value.Trim();
        return new TypedCorrection(subject, figure, WrittenText.Clean(reason), WrittenText.Clean(actionNote));
    }

    [GeneratedRegex(
        @"^(change|correct|revise|amend|update)\s+(?<subject>.+?)\s+to\s+(?<rest>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline
    )]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(because|as|since)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBecause();

    [GeneratedRegex(@"(^|[\s;,.—–-])(action notes?|actions?)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ActionMarker();
}
