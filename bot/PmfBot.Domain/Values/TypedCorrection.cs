using System.Text.RegularExpressions;

namespace PmfBot.Domain.Values;

/// <summary>
/// A correction typed in the chat: "change CS 02 to 74.1 because the September calls were
/// miscounted", optionally naming the period ("change CS 02 Oct 2026 to …") and a new action
/// note ("…; action: …"). Which measure and period the words name is for the caller to settle.
/// </summary>
/// <param name="Subject">The words between "change" and "to": "CS 02", "Q2 recycling", "CS 02 Oct 2026".</param>
/// <param name="Figure">The new figure as typed.</param>
/// <param name="Reason">Why (after "because", "as", "—", ":"); null when none was given.</param>
public sealed partial record TypedCorrection(string Subject, string Figure, string? Reason, string? ActionNote)
{
    /// <summary>Reads a typed correction, or null when the text isn't one.</summary>
    public static TypedCorrection? Parse(string? text)
    {
        var match = Shape().Match((text ?? string.Empty).Trim());
        if (!match.Success)
        {
            return null;
        }

        var rest = match.Groups["rest"].Value;
        var marker = ActionMarker().Match(rest);
        var reason = LeadingBecause().Replace((marker.Success ? rest[..marker.Index] : rest).Trim().Trim(';', ',', '—', '–', '-', ':', ' '), string.Empty);
        var actionNote = marker.Success ? rest[(marker.Index + marker.Length)..].Trim() : null;
        return new TypedCorrection(
            match.Groups["subject"].Value.Trim(),
            match.Groups["figure"].Value.Trim().TrimEnd(',', '.', ';'),
            reason.Length == 0 ? null : reason,
            string.IsNullOrEmpty(actionNote) ? null : actionNote);
    }

    [GeneratedRegex(@"^(change|correct|revise|amend|update)\s+(?<subject>.+?)\s+to\s+(?<figure>£?[+\-−]?\d[\d.,]*\s?%?)(?<rest>([\s:;,—–]|$).*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(because|as|since)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBecause();

    [GeneratedRegex(@"(^|[\s;,.—–-])(action notes?|actions?)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ActionMarker();
}
