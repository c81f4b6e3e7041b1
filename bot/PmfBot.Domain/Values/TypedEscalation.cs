using System.Text.RegularExpressions;

namespace PmfBot.Domain.Values;

/// <summary>What an escalation command asks for.</summary>
public enum EscalationCommand
{
    /// <summary>"escalate NI 192 because the east rounds keep slipping": an owner escalates by hand.</summary>
    Escalate,

    /// <summary>"escalation history for NI 192": every escalation of a measure, and what was decided.</summary>
    History,
}

/// <summary>
/// "escalate NI 192", "escalate CS 02 because …", "escalation history for NI 192", "escalations for NI 192".
/// </summary>
/// <param name="Measure">The measure's words as typed (a reference is looked up by the caller).</param>
/// <param name="Reason">Why, after "because" / "—" / ":"; null when none was given.</param>
public sealed partial record TypedEscalation(EscalationCommand Command, string Measure, string? Reason)
{
    public static TypedEscalation? Parse(string? text)
    {
        var words = (text ?? string.Empty).Trim().TrimEnd('.', '!', '?');
        if (History().Match(words) is { Success: true } history)
        {
            return new TypedEscalation(EscalationCommand.History, history.Groups["what"].Value.Trim(), null);
        }

        if (Escalate().Match(words) is not { Success: true } escalate)
        {
            return null;
        }

        var reason = escalate.Groups["why"].Value.Trim();
        var what = escalate.Groups["what"].Value.Trim();
        return new TypedEscalation(EscalationCommand.Escalate, what, WrittenText.Clean(reason));
    }

    [GeneratedRegex(@"^(?:show\s+)?escalation(?:s|\s+history)\s+(?:for|of|on)\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex History();

    [GeneratedRegex(
        @"^escalate\s+(?<what>.+?)(?:\s*(?:\bbecause\b|\bas\b|—|–|:|\s-\s)\s*(?<why>.*))?$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Escalate();
}
