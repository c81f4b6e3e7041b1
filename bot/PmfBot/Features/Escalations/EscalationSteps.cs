using PmfBot.Delivery;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;

namespace PmfBot.Features.Escalations;

/// <summary>
/// The cards an escalation sends, as step keys in the Prompts table beside the update cycle's own
/// (same measure and period), so each goes out once through <see cref="ClaimedSend"/>.
/// </summary>
public static class EscalationSteps
{
    private const string Prefix = "esc-";
    private const string AskPrefix = Prefix + "ask-";

    /// <summary>The card to the escalation owner when it is raised (each reopened round has its own).</summary>
    public static string Raised(Escalation x, PersonId to) => $"{Prefix}raised-{to.Value}{RoundOf(x)}";

    /// <summary>The reminder to the escalation owner when it has waited too long.</summary>
    public static string Reminder(Escalation x) => $"{Prefix}reminder{RoundOf(x)}";

    /// <summary>The card to one person at the next level.</summary>
    public static string NextLevel(Escalation x, PersonId to) => $"{Prefix}next-{to.Value}{RoundOf(x)}";

    /// <summary>The escalation owner's question number n, to the owner.</summary>
    public static string Ask(Escalation x, int question) => $"{AskPrefix}{question}{RoundOf(x)}";

    /// <summary>The owner's answer number n, back to the one who asked.</summary>
    public static string Answered(Escalation x, int answer, PersonId to) =>
        $"{Prefix}answered-{answer}-{to.Value}{RoundOf(x)}";

    /// <summary>The decision, to the owner (decision number n, so a later decision is told too).</summary>
    public static string Decided(Escalation x, PersonId to) =>
        $"{Prefix}decided-{x.Decisions.Count}-{to.Value}{RoundOf(x)}";

    /// <summary>A correction made it Red after it was raised as Amber and worsening: its owner is told.</summary>
    public static string Rejudged(Escalation x, PersonId to) =>
        $"{Prefix}rejudged-{x.Rejudgements.Count}-{to.Value}{RoundOf(x)}";

    /// <summary>The review card when a decision's review date comes.</summary>
    public static string Review(Escalation x) => $"{Prefix}review{RoundOf(x)}";

    // The first round's keys are as they always were, so cards sent before reopening existed are still known.
    private static string RoundOf(Escalation x) => x.Round == 1 ? string.Empty : $"-r{x.Round}";

    public static bool IsEscalation(string step) => step.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsQuestion(string step) => step.StartsWith(AskPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The cards that show the escalation itself (not the questions to the owner): updated in place as it moves on.
    /// </summary>
    public static bool ShowsEscalation(string step) => IsEscalation(step) && !IsQuestion(step);
}
