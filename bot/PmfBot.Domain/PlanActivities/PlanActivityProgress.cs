using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.PlanActivities;

/// <summary>
/// An activity's progress report for a quarter: status, % complete where useful, commentary and, when it is slipping,
/// what is being done.
/// </summary>
public sealed record PlanActivityProgress(
    string ActivityCode,
    ReportingPeriod Period,
    PlanActivityStatus Status,
    int? PercentComplete,
    string Commentary,
    string? ActionNote,
    PersonId RecordedBy,
    DateTimeOffset RecordedAt
)
{
    public const int MaxTextLength = 4000;

    /// <summary>
    /// The statuses an owner may report; <see cref="PlanActivityStatus.Stopped"/> is the escalation owner's decision,
    /// not theirs.
    /// </summary>
    public static IReadOnlyList<PlanActivityStatus> Reportable { get; } =
    [
        PlanActivityStatus.NotStarted,
        PlanActivityStatus.OnTrack,
        PlanActivityStatus.AtRisk,
        PlanActivityStatus.OffTrack,
        PlanActivityStatus.Completed,
    ];

    /// <summary>What is wrong with a report, by input. Empty lists when it can be recorded.</summary>
    public static PlanActivityProblems ProblemsWith(
        PlanActivityStatus? status,
        string? percentText,
        string? commentary,
        string? actionNote
    )
    {
        var statusProblems = new List<string>();
        var percentProblems = new List<string>();
        var commentaryProblems = new List<string>();
        var actionProblems = new List<string>();

        if (status is not { } s || !Reportable.Contains(s))
        {
            statusProblems.Add("Pick where the activity stands.");
        }

        if (!string.IsNullOrWhiteSpace(percentText) && !TryReadPercent(percentText, out _))
        {
            percentProblems.Add("% complete is a whole number from 0 to 100, or leave it empty.");
        }

        if (!Values.WrittenText.IsPresent(commentary))
        {
            commentaryProblems.Add("Commentary is required: what happened this quarter?");
        }
        else if (commentary.Length > MaxTextLength)
        {
            commentaryProblems.Add($"Please keep the commentary under {MaxTextLength} characters.");
        }

        if (
            status is PlanActivityStatus.AtRisk or PlanActivityStatus.OffTrack
            && !Values.WrittenText.IsPresent(actionNote)
        )
        {
            actionProblems.Add(
                $"{(status == PlanActivityStatus.AtRisk ? "At risk" : "Off track")}: an action note is required — what "
                    + "is being done to recover it?"
            );
        }
        else if (actionNote?.Length > MaxTextLength)
        {
            actionProblems.Add($"Please keep the action note under {MaxTextLength} characters.");
        }

        return new PlanActivityProblems(statusProblems, percentProblems, commentaryProblems, actionProblems);
    }

    /// <summary>"45", "45%", " 100 " → the whole percentage; anything else (or outside 0–100) is refused.</summary>
    public static bool TryReadPercent(string? text, out int percent)
    {
        var trimmed = (text ?? string.Empty).Trim().TrimEnd('%').Trim();
        return int.TryParse(
                trimmed,
                System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture,
                out percent
            ) && percent is >= 0 and <= 100;
    }

    /// <summary>Completed is 100% whatever was typed; otherwise what was typed, if anything.</summary>
    public static int? PercentFor(PlanActivityStatus status, string? percentText) =>
        status == PlanActivityStatus.Completed ? 100
        : TryReadPercent(percentText, out var p) ? p
        : null;
}

public sealed record PlanActivityProblems(
    IReadOnlyList<string> Status,
    IReadOnlyList<string> Percent,
    IReadOnlyList<string> Commentary,
    IReadOnlyList<string> ActionNote
)
{
    public bool Any => Status.Count + Percent.Count + Commentary.Count + ActionNote.Count > 0;
}
