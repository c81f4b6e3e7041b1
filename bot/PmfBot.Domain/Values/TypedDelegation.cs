using System.Text.RegularExpressions;

namespace PmfBot.Domain.Values;

/// <summary>
/// A delegation typed in the chat: "delegate CS 02 to Fiona Grant until 30 Nov",
/// "delegate all my measures to Fiona until Friday". Who and which measure are resolved by the
/// caller against the catalogue; the day by <see cref="Calendar.DayWords"/>.
/// </summary>
/// <param name="Measure">The measure's words as typed ("CS 02"); null for all the person's measures.</param>
public sealed partial record TypedDelegation(string? Measure, string Delegate, string UntilWords)
{
    public static TypedDelegation? Parse(string? text)
    {
        var match = Pattern().Match((text ?? string.Empty).Trim());
        if (!match.Success)
        {
            return null;
        }

        var what = match.Groups["what"].Value.Trim();
        var all = All().IsMatch(what);
        return new TypedDelegation(
            all ? null : what,
            match.Groups["who"].Value.Trim(),
            match.Groups["until"].Value.Trim()
        );
    }

    [GeneratedRegex(
        @"^(?:please\s+)?delegate\s+(?<what>.+?)\s+to\s+(?<who>.+?)\s+(?:until|till|til)\s+(?<until>.+?)[.!]?$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(all|everything|all of them|(all )?(of )?my (measures|updates))$", RegexOptions.IgnoreCase)]
    private static partial Regex All();
}
