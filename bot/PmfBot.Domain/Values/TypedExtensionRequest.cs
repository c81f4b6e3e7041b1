using System.Text.RegularExpressions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Values;

/// <summary>
/// A request for more time typed in the chat: "I need until Friday for NI 192 because two crews
/// are off", "extension for CS 02 until 20 Nov — system outage", "can I have till Monday for IG 01?".
/// </summary>
/// <param name="Measure">The measure named, when one of the candidates was.</param>
/// <param name="DateWords">The words after "until" as typed ("Friday"), when there were any.</param>
/// <param name="NewDeadline">The day those words name, read forwards from today; null when they don't name one.</param>
/// <param name="Reason">Why, after "because" (or "as", "since", a dash or a colon); null when none was given.</param>
public sealed partial record TypedExtensionRequest(
    MeasureReference? Measure,
    string? DateWords,
    DateOnly? NewDeadline,
    string? Reason
)
{
    /// <summary>Reads a request for more time, or null when the text isn't one (a typed figure never is).</summary>
    public static TypedExtensionRequest? Parse(string? text, IEnumerable<MeasureReference> references, DateOnly today)
    {
        var words = (text ?? string.Empty).Trim();
        if (words.Length == 0 || !Asks().IsMatch(words) || StartsWithFigure().IsMatch(words))
        {
            return null;
        }

        var measure = references
            .OrderByDescending(r => r.Value.Length)
            .FirstOrDefault(r =>
                Regex.IsMatch(
                    words,
                    $@"(?<![A-Za-z0-9]){Regex.Escape(r.Value)}(?![A-Za-z0-9])",
                    RegexOptions.IgnoreCase
                )
            );

        string? dateWords = null;
        DateOnly? newDeadline = null;
        foreach (Match m in Until().Matches(words))
        {
            dateWords ??= m.Groups["date"].Value.Trim();
            if (DayWords.TryRead(m.Groups["date"].Value, today, out var day))
            {
                dateWords = m.Groups["date"].Value.Trim();
                newDeadline = day;
                break;
            }
        }

        var because = Because().Match(words);
        var reason =
            because.Success ? because.Groups["reason"].Value
            : AfterSeparator().Match(words) is { Success: true } separated ? separated.Groups["reason"].Value
            : null;
        reason = reason?.Trim().TrimEnd('.', '?', '!').Trim();
        return new TypedExtensionRequest(measure, dateWords, newDeadline, WrittenText.Clean(reason));
    }

    [GeneratedRegex(@"\b(extensions?|extend|more time|until|till)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Asks();

    [GeneratedRegex(@"^\s*[£+\-−]?[0-9]")]
    private static partial Regex StartsWithFigure();

    // "until Friday", "till 20 Nov", "to next Monday": the date runs to "for", "because", a separator or the end.
    [GeneratedRegex(
        @"\b(?:until|till|til|to)\s+(?<date>.+?)(?=\s+(?:for|because|as|since|please|on|if)\b|\s*[,;:—–(?!]|\s+-\s|$)",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Until();

    [GeneratedRegex(@"\b(?:because|as|since|reason:?)\s+(?<reason>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Because();

    [GeneratedRegex(@"(?:[—–;:?]|\s-\s)\s*(?<reason>[^—–;:?]+)$")]
    private static partial Regex AfterSeparator();
}
