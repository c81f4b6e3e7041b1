using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;

namespace PmfBot.Wording;

/// <summary>Sentences and phrases more than one journey says the same way.</summary>
public static class Said
{
    /// <summary>
    /// A name, a title or something typed, in a plain message (which Teams reads as Markdown): escaped so it shows as
    /// written. Cards escape their own text; this is for <c>TurnAnswer.Say</c> and other message text only.
    /// </summary>
    public static string Plain(string text) => Cards.Markdown.Plain(text);

    /// <summary>What a second press, or a stale card, is told: nothing was changed.</summary>
    public static string AlreadyRecorded(PersonId by, DateTimeOffset at, CouncilCatalogue council) =>
        $"This was already recorded at {Dates.When(at)} by {council.NameOf(by)}; nothing was changed.";

    /// <summary>"Helen Price", "Helen Price or Priya Shah", "Chris Evans, Helen Price or Priya Shah".</summary>
    public static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }

    /// <summary>An escalation owner's decision as the council's framework names it.</summary>
    public static string DecisionWords(DecisionKind kind) =>
        kind switch
        {
            DecisionKind.ApproveAction => "Remedial action approved",
            DecisionKind.AllocateResource => "Resource allocated / action changed",
            DecisionKind.AskForInformation => "More information asked for",
            DecisionKind.Stop => "Activity stopped",
            _ => "Risk accepted",
        };

    /// <summary>What raised an escalation, in a few words: "Red", "Milestone missed".</summary>
    public static string TriggerWords(EscalationTrigger trigger) =>
        trigger switch
        {
            EscalationTrigger.Red => "Red",
            EscalationTrigger.AmberWorsening => "Amber and worsening",
            EscalationTrigger.Overdue => "Update overdue",
            EscalationTrigger.OffTrack => "Off track",
            EscalationTrigger.MissedMilestone => "Milestone missed",
            _ => "Escalated by hand",
        };

    /// <summary>
    /// Where an escalation not yet closed stands, on a scorecard or the tab: "Escalated to Priya Shah on 9 Nov (Oct
    /// 2026): waiting for a decision", "Escalation (Oct 2026): remedial action approved by Priya Shah".
    /// </summary>
    public static string EscalationStanding(Escalation x, CouncilCatalogue council) =>
        x.State == EscalationState.Open
            ? $"Escalated to {council.NameOf(x.EscalationOwner)} on "
                + $"{UkTime.DateAt(x.RaisedAt).ToString("d MMM", English)} ({x.Period}): waiting for a decision"
            : $"Escalation ({x.Period}): {DecisionWords(x.Outcome!.Kind).ToLowerInvariant()} by "
                + $"{council.NameOf(x.Outcome.By)}";

    /// <summary>
    /// An escalation as a report records it, whatever its state: where it stands, and for a closed one why it closed
    /// ("Escalation (Q2 2026/27): remedial action approved by Priya Shah; closed: reported on track for Q3 2026/27.").
    /// </summary>
    public static string EscalationRecord(Escalation x, CouncilCatalogue council) =>
        x.State != EscalationState.Closed ? EscalationStanding(x, council)
        : x.Outcome is { } decided
            ? $"Escalation ({x.Period}): {DecisionWords(decided.Kind).ToLowerInvariant()} by "
                + $"{council.NameOf(decided.By)}; closed: {x.Closure!.Why}"
        : $"Escalation ({x.Period}): closed: {x.Closure!.Why}";

    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo(
        "en-GB"
    );
}
