using PmfBot.Domain.Results;

namespace PmfBot.Domain.PlanActivities;

/// <summary>
/// An activity's quarterly progress, reported: an event written with the report, which its handlers follow (the cards
/// that asked for it show it). A quarter is reported once, so the activity and the quarter name the event.
/// </summary>
public sealed record ProgressReported(PlanActivityProgress Progress)
{
    /// <summary>The card the report was entered on, if any.</summary>
    public PressedCard? EnteredOn { get; init; }

    /// <summary>Names the event in the outbox and the log: "progress|ACT-01|FY2026-Q2".</summary>
    public string Key => KeyOf(Progress.ActivityCode, Progress.Period.Code);

    public static string KeyOf(string activityCode, string periodCode) =>
        $"progress|{activityCode.ToUpperInvariant()}|{periodCode}";
}
