using PmfBot.Domain.Values;

namespace PmfBot.Domain.Status;

/// <summary>When commentary must accompany a value.</summary>
public enum CommentaryPolicy
{
    /// <summary>Every update carries commentary (the PMF reporting format: value, commentary, trend).</summary>
    Always,

    /// <summary>Only off-target (Amber/Red) or worsening no-target values need commentary.</summary>
    WhenOffTarget,
}

/// <summary>What an update must carry besides its value, and why, in words for the person.</summary>
/// <param name="ActionNoteReason">Why an action note is needed: "Below target (50.0%): an action note is required."
/// Null when not required.</param>
public sealed record UpdateRequirements(bool CommentaryRequired, bool ActionNoteRequired, string? ActionNoteReason)
{
    /// <summary>
    /// Most characters in commentary or an action note: far inside Azure's 64 KiB property limit, and a card's size.
    /// </summary>
    public const int MaxTextLength = 4000;

    /// <summary>Checks an update's texts. Returns each problem in words, or nothing when acceptable.</summary>
    public IReadOnlyList<string> ProblemsWith(string? commentary, string? actionNote)
    {
        var problems = new List<string>();
        if (CommentaryRequired && !WrittenText.IsPresent(commentary))
        {
            problems.Add("Commentary is required: say what lies behind this figure.");
        }

        if (ActionNoteRequired && !WrittenText.IsPresent(actionNote))
        {
            problems.Add(ActionNoteReason ?? "An action note is required.");
        }

        if (commentary?.Length > MaxTextLength)
        {
            problems.Add($"Commentary is {commentary.Length:N0} characters; please keep it under {MaxTextLength:N0}.");
        }

        if (actionNote?.Length > MaxTextLength)
        {
            problems.Add(
                $"The action note is {actionNote.Length:N0} characters; please keep it under {MaxTextLength:N0}."
            );
        }

        return problems;
    }
}
