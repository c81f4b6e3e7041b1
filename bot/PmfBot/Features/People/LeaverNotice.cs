using PmfBot.Domain.Catalogue;
using PmfBot.Domain.People;
using PmfBot.Wording;

namespace PmfBot.Features.People;

/// <summary>
/// What the performance team is told when someone leaves: what now has nobody, so they can reassign it.
/// </summary>
public static class LeaverNotice
{
    /// <summary>Lines listed before "and N more": a Chief Officer can hold hundreds of measures.</summary>
    public const int MaxLines = 20;

    public static string Text(Leaver leaver, OwnerlessWork work, int delegationsEnded)
    {
        var name = Said.Plain(leaver.Name);
        var tidied = delegationsEnded switch
        {
            0 => "I've forgotten their chat with PmfBot.",
            1 => "I've forgotten their chat with PmfBot and ended the delegation they gave or held.",
            _ => $"I've forgotten their chat with PmfBot and ended the {delegationsEnded} delegations they gave "
                + "or held.",
        };
        var head = $"**{name} has left** ({Said.Plain(leaver.Person.Value)}): {leaver.WhyInWords}. {tidied}";
        if (work.IsEmpty)
        {
            return head + "\n\nThe catalogue names them in no role, so nothing needs a new owner.";
        }

        var lines = Lines(work).ToList();
        var shown = lines.Take(MaxLines).Select(l => "- " + l);
        var more = lines.Count > MaxLines ? [$"- and {lines.Count - MaxLines} more"] : Array.Empty<string>();
        return $"{head}\n\nThese now have nobody. I won't prompt, remind or escalate to them. Until the catalogue "
            + "names someone new, I'll tell you when one of their updates falls due; an escalation meant for them "
            + "reaches only the Management Team, when it is raised to them:\n\n"
            + string.Join("\n", shown.Concat(more))
            + "\n\nPlease give each a new owner in the catalogue spreadsheet and import it.";
    }

    private static IEnumerable<string> Lines(OwnerlessWork work)
    {
        foreach (var m in work.Owned)
        {
            yield return $"Owner of **{Said.Plain(m.Reference.Value)}** {Said.Plain(m.Title)}";
        }

        foreach (var m in work.EscalatedTo)
        {
            yield return $"Escalation owner of **{Said.Plain(m.Reference.Value)}** {Said.Plain(m.Title)}";
        }

        foreach (var a in work.Activities)
        {
            yield return $"Owner of activity **{Said.Plain(a.Code)}** {Said.Plain(a.Title)}";
        }

        foreach (var s in work.ServicesHeaded)
        {
            yield return $"Head of Service of {Said.Plain(s.Name)}";
        }

        foreach (var d in work.DepartmentsLed)
        {
            yield return $"Chief Officer of {Said.Plain(d.Name)}";
        }
    }
}
