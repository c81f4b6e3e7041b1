using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PmfBot.Domain.Values;

/// <summary>Whether a person actually wrote something: commentary, an action note, a reason.</summary>
/// <remarks>
/// Text is present when it holds at least one letter or digit, in any script. Spaces, punctuation,
/// emoji, and the invisible format characters a paste can carry (zero-width spaces and joiners,
/// bidi marks, the byte-order mark, soft hyphens) are not words: "​​​" or "…" is not commentary.
/// <see cref="string.IsNullOrWhiteSpace(string)"/> is not enough, because it sees none of those
/// format characters.
/// </remarks>
public static class WrittenText
{
    public static bool IsPresent([NotNullWhen(true)] string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text trimmed, or null when nothing was written: what is stored.</summary>
    public static string? Clean(string? text) => IsPresent(text) ? text.Trim() : null;
}
