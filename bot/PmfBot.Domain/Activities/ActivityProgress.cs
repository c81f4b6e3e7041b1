using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Activities;

/// <summary>An activity's progress report for a quarter: status, % complete where useful, commentary and, when it is slipping, what is being done.</summary>
public sealed record ActivityProgress(
    string ActivityCode,
    ReportingPeriod Period,
    ActivityStatus Status,
    int? PercentComplete,
    string Commentary,
    string? ActionNote,
    PersonId RecordedBy,
    DateTimeOffset RecordedAt)
{
    public const int MaxTextLength = 4000;

    /// <summary>The statuses an owner may report; <see cref="ActivityStatus.Stopped"/> is the escalation owner's decision, not theirs.</summary>
    public static IReadOnlyList<ActivityStatus> Reportable { get; } = [ActivityStatus.NotStarted, ActivityStatus.OnTrack, ActivityStatus.AtRisk, ActivityStatus.OffTrack, ActivityStatus.Completed];

    /// <summary>What is wrong with a report, by input. Empty lists when it can be recorded.</summary>
    public static ActivityProblems ProblemsWith(ActivityStatus? status, string? percentText, string? commentary, string? actionNote)
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

        if (status is ActivityStatus.AtRisk or ActivityStatus.OffTrack && !Values.WrittenText.IsPresent(actionNote))
        {
            actionProblems.Add($"{(status == ActivityStatus.AtRisk ? "At risk" : "Off track")}: an action note is required — what is being done to recover it?");
        }
        else if (actionNote?.Length > MaxTextLength)
        {
            actionProblems.Add($"Please keep the action note under {MaxTextLength} characters.");
        }

        return new ActivityProblems(statusProblems, percentProblems, commentaryProblems, actionProblems);
    }

    /// <summary>"45", "45%", " 100 " → the whole percentage; anything else (or outside 0–100) is refused.</summary>
    public static bool TryReadPercent(string? text, out int percent)
    {
        var trimmed = (text ?? string.Empty).Trim().TrimEnd('%').Trim();
        return int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out percent) && percent is >= 0 and <= 100;
    }

    /// <summary>Completed is 100% whatever was typed; otherwise what was typed, if anything.</summary>
    public static int? PercentFor(ActivityStatus status, string? percentText) =>
        status == ActivityStatus.Completed ? 100 : TryReadPercent(percentText, out var p) ? p : null;
}

public sealed record ActivityProblems(IReadOnlyList<string> Status, IReadOnlyList<string> Percent, IReadOnlyList<string> Commentary, IReadOnlyList<string> ActionNote)
{
    public bool Any => Status.Count + Percent.Count + Commentary.Count + ActionNote.Count > 0;
}
