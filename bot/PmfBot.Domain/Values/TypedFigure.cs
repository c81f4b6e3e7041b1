using System.Text.RegularExpressions;

namespace PmfBot.Domain.Values;

/// <summary>
/// Where a figure typed in a sentence ends, for updates ("42.5 — …") and corrections ("… to 74.1 because …").
/// </summary>
/// <remarks>
/// Only at a real separator: a dash with spaces around it (" — ", " – ", " - "), an em or en dash,
/// or a colon, semicolon, comma or full stop followed by a space or ending the text. A plain space
/// is not one, so "12 345" or "42.5% two crews off" stay whole and are refused whole by
/// <see cref="ValueReader"/> rather than read as a shorter figure; a sign ("-5") is never one.
/// </remarks>
public static partial class TypedFigure
{
    /// <summary>The figure as typed, and what follows its separator (null when nothing does).</summary>
    /// <param name="becauseEnds">Corrections: " because …", " as …", " since …" also end the figure.</param>
    public static (string Figure, string? After) Split(string text, bool becauseEnds = false)
    {
        var end = (becauseEnds ? EndOrBecause() : End()).Match(text);
        return end.Success ? (text[..end.Index].Trim(), text[(end.Index + end.Length)..]) : (text.Trim(), null);
    }

    [GeneratedRegex(@"\s+[-—–]\s+|\s*[—–]\s*|[:;,.](?=\s|$)")]
    private static partial Regex End();

    [GeneratedRegex(@"\s+[-—–]\s+|\s*[—–]\s*|[:;,.](?=\s|$)|\s+(?=(because|as|since)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex EndOrBecause();
}
