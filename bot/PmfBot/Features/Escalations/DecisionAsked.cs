using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Teams.Schema;

namespace PmfBot.Features.Escalations;

/// <summary>A decision as asked for: from a card's buttons, or the Performance tab.</summary>
/// <param name="PressedOn">The card it was pressed on (updated by the answer itself); null from the tab.</param>
public sealed record DecisionAsked(DecisionKind Kind, string? Note, string? Until, Person? By, Activity? PressedOn);

/// <summary>How a decision ended: refused, not saved, or the escalation as it now stands.</summary>
public abstract record DecisionOutcome
{
    private DecisionOutcome() { }

    public sealed record Refused(string Why) : DecisionOutcome;

    public sealed record Unsaved(string Why) : DecisionOutcome;

    /// <param name="Problems">What was wrong with the entry; nothing was changed.</param>
    public sealed record Shown(
        Escalation Escalation,
        EscalationContext Context,
        EscalationAudience Audience,
        string? Notice,
        IReadOnlyList<string>? Problems = null
    ) : DecisionOutcome;
}
