using PmfBot.Domain.PlanActivities;
using Status = PmfBot.Domain.Catalogue.PlanActivityStatus;

namespace PmfBot.Wording;

/// <summary>Activities and milestones in words, wherever they are shown: their cards, digests, scorecards.</summary>
public static class PlanActivityWords
{
    public static string StatusWords(Status status) =>
        status switch
        {
            Status.NotStarted => "Not started",
            Status.OnTrack => "On track",
            Status.AtRisk => "At risk",
            Status.OffTrack => "Off track",
            Status.Completed => "Completed",
            _ => "Stopped",
        };

    /// <summary>"food-waste-rollout Roll out food waste collections to all households".</summary>
    public static string Title(PlanActivityStanding standing) =>
        $"{standing.PlanActivity.Code} {standing.PlanActivity.Title}";

    /// <summary>
    /// Why it is late, most telling first: "Milestone "East of the district live" missed (due 31 Dec 2026); past its
    /// due date (31 Mar 2027); Q3 2026/27 report 5 days overdue".
    /// </summary>
    public static string WhyLate(PlanActivityStanding standing, DateTimeOffset at)
    {
        var reasons = new List<string>();
        reasons.AddRange(
            standing.MissedMilestones.Select(m => $"milestone \"{m.Title}\" missed (due {Dates.ShortDate(m.DueDate)})")
        );
        if (standing.PastDueDate)
        {
            reasons.Add($"past its due date ({Dates.ShortDate(standing.PlanActivity.DueDate)})");
        }

        if (standing.OverdueReport is { } owed)
        {
            var days = owed.Deadline.DaysOverdueAt(at);
            reasons.Add($"{owed.Period} report {days} day{(days == 1 ? string.Empty : "s")} overdue");
        }

        var words = string.Join("; ", reasons);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// Its latest report's commentary and action note, and where its escalation stands, for an off-track or late line.
    /// </summary>
    public static string? Notes(
        PlanActivityStanding standing,
        Domain.Catalogue.CouncilCatalogue council,
        Func<string?, string?> cut
    )
    {
        var latest = standing.Latest;
        var lines = new[]
        {
            latest is null
                ? standing.PlanActivity.Commentary is { } c
                    ? $"Commentary: {cut(c)}"
                    : null
                : $"Commentary ({latest.Period}): {cut(latest.Commentary)}",
            latest?.ActionNote is { } a ? $"Action: {cut(a)}" : null,
            standing.Escalation is { } x ? Said.EscalationStanding(x, council) : null,
        }.OfType<string>();
        var notes = string.Join("\n", lines);
        return notes.Length == 0 ? null : notes;
    }
}
