using System.Globalization;
using CsvHelper;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.PlanActivities;
using PmfBot.Files;
using PmfBot.Standings;
using PmfBot.Wording;

namespace PmfBot.Features.Reports;

/// <summary>
/// The activities and milestones beside a period's results, one row per activity, as the quarterly report carries
/// them: where each stood at the period's end (<see cref="PlanActivityStanding.ForPeriod"/>), its report's commentary
/// and action note, whether it was late, its escalation for the quarter (as it stands now), and its milestones.
/// </summary>
public sealed class PlanActivitiesExporter(PlanActivityReader reader)
{
    private static readonly string[] Columns =
    [
        "Department",
        "Service",
        "Code",
        "Title",
        "Owner",
        "Due date",
        "Status",
        "% complete",
        "Reported for",
        "Commentary",
        "Action note",
        "Late",
        "Escalation",
        "Milestones",
    ];

    /// <summary>The scope's activities as the period's report shows them.</summary>
    public async Task<IReadOnlyList<PlanActivityStanding>> ReadAsync(
        CouncilCatalogue catalogue,
        ReportingPeriod period,
        DigestScope scope,
        CancellationToken cancellationToken
    )
    {
        var activities = scope.PlanActivitiesIn(catalogue);
        var escalations = await reader.EscalationsAsync(activities, cancellationToken);
        return
        [
            .. (await reader.ReadAsync(activities, cancellationToken)).Select(a =>
                PlanActivityStanding.ForPeriod(a.PlanActivity, a.History, period, escalations)
            ),
        ];
    }

    /// <summary>Writes them as CSV (formula-looking cells escaped, as every export does).</summary>
    /// <returns>How many activities were written.</returns>
    public async Task<int> WriteAsync(
        CouncilCatalogue catalogue,
        ReportingPeriod period,
        DigestScope scope,
        TextWriter writer,
        CancellationToken cancellationToken
    )
    {
        var rows = await ReadAsync(catalogue, period, scope, cancellationToken);
        using var csv = CsvWriter.Create(writer, CsvFiles.WriterOptions, leaveOpen: true);
        csv.WriteRecord(Columns);
        var periodEnd = UkTime.StartOf(period.End.AddDays(1));
        foreach (var row in rows)
        {
            var activity = row.PlanActivity;
            var service = catalogue.FindService(activity.ServiceCode);
            csv.WriteRecord([
                service is null ? string.Empty : catalogue.FindDepartment(service.DepartmentCode)?.Name ?? string.Empty,
                service?.Name ?? activity.ServiceCode,
                activity.Code,
                activity.Title,
                catalogue.NameOf(activity.Owner),
                activity.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PlanActivityWords.StatusWords(row.Status),
                row.Latest?.PercentComplete?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                row.Latest?.Period.ToString() ?? "No report",
                row.Latest?.Commentary ?? activity.Commentary ?? string.Empty,
                row.Latest?.ActionNote ?? string.Empty,
                row.IsLate ? PlanActivityWords.WhyLate(row, periodEnd) : string.Empty,
                row.Escalation is { } x ? Said.EscalationRecord(x, catalogue) : string.Empty,
                string.Join(
                    "; ",
                    activity.Milestones.Select(m =>
                        $"{m.Title} ({Dates.ShortDate(m.DueDate)}): {PlanActivityWords.StatusWords(m.Status)}"
                    )
                ),
            ]);
        }

        await writer.FlushAsync(cancellationToken);
        return rows.Count;
    }
}
