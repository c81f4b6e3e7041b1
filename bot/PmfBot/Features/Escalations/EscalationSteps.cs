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

    /// <summary>The card to the escalation owner when it is raised.</summary>
    public static string Raised(PersonId to) => $"{Prefix}raised-{to.Value}";

    /// <summary>The reminder to the escalation owner when it has waited too long.</summary>
    public const string Reminder = Prefix + "reminder";

    /// <summary>The card to one person at the next level.</summary>
    public static string NextLevel(PersonId to) => $"{Prefix}next-{to.Value}";

    /// <summary>The escalation owner's question number n, to the owner.</summary>
    public static string Ask(int question) => $"{AskPrefix}{question}";

    /// <summary>The owner's answer number n, back to the one who asked.</summary>
    public static string Answered(int answer, PersonId to) => $"{Prefix}answered-{answer}-{to.Value}";

    /// <summary>The decision, to the owner (decision number n, so a later decision is told too).</summary>
    public static string Decided(Escalation x, PersonId to) => $"{Prefix}decided-{x.Decisions.Count}-{to.Value}";

    /// <summary>The review card when a decision's review date comes.</summary>
    public const string Review = Prefix + "review";

    public static bool IsEscalation(string step) => step.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsQuestion(string step) => step.StartsWith(AskPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The cards that show the escalation itself (not the questions to the owner): updated in place as it moves on.
    /// </summary>
    public static bool ShowsEscalation(string step) => IsEscalation(step) && !IsQuestion(step);
}
