using System.Text.RegularExpressions;

namespace PmfBot.Domain.Values;

/// <summary>"snooze until Monday", "snooze CS 02 till Friday", "snooze reminders until 20 Nov".</summary>
/// <param name="Measure">The measure's words as typed; null for all the person's reminders.</param>
/// <param name="UntilWords">The day as typed; null when none was given ("snooze").</param>
public sealed partial record TypedSnooze(string? Measure, string? UntilWords)
{
    public static TypedSnooze? Parse(string? text)
    {
        var words = (text ?? string.Empty).Trim().TrimEnd('.', '!');
        if (Bare().IsMatch(words))
        {
            return new TypedSnooze(null, null);
        }

        var match = Pattern().Match(words);
        if (!match.Success)
        {
            return null;
        }

        var what = match.Groups["what"].Value.Trim();
        return new TypedSnooze(
            what.Length == 0 || Reminders().IsMatch(what) ? null : what,
            match.Groups["until"].Value.Trim()
        );
    }

    [GeneratedRegex(@"^snooze( (my )?reminders)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Bare();

    [GeneratedRegex(@"^snooze(?:\s+(?<what>.+?))?\s+(?:until|till|til)\s+(?<until>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^((my|all|all my)\s+)?(reminders|measures|updates|everything|all)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reminders();
}
