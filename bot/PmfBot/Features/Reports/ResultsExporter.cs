using System.Globalization;
using CsvHelper;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;
using PmfBot.Files;
using PmfBot.Measures;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Reports;

/// <summary>The results for a period, one row per measure, as they go to Cabinet and Overview &amp; Scrutiny.</summary>
/// <remarks>
/// A measure is in the report when its own period ends when the requested one does: for
/// "Q2 2026/27", the quarterly measures' Q2, the monthly measures' September and the half-yearly
/// measures' H1. Measures with no value for their period are listed as "No return", so gaps show.
/// </remarks>
public sealed class ResultsExporter(ResultStore results, Standings.StandingsReader standings)
{
    private static readonly string[] Columns =
    [
        "Department",
        "Service",
        "Reference",
        "Title",
        "Period",
        "Target",
        "Value",
        "Status",
        "Direction of travel",
        "Vs same period last year",
        "Commentary",
        "Action note",
        "Owner",
        "Recorded by",
        "Recorded at (UK time)",
        "Version",
    ];

    /// <summary>Writes the report (see <see cref="ReadAsync"/> for what is in it) as CSV.</summary>
    /// <returns>How many measures are in the report, and how many of those have no figure ("No return").</returns>
    public async Task<(int Measures, int NoReturn)> WriteAsync(
        CouncilCatalogue catalogue,
        ReportingPeriod period,
        TextWriter writer,
        CancellationToken cancellationToken,
        Domain.Digests.DigestScope? scope = null
    )
    {
        var rows = await ReadAsync(catalogue, period, scope, cancellationToken);
        using var csv = CsvWriter.Create(writer, CsvFiles.WriterOptions, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (var (measure, measurePeriod, result) in rows)
        {
            var service = catalogue.FindService(measure.ServiceCode);

            csv.WriteField(
                service is null ? string.Empty : catalogue.FindDepartment(service.DepartmentCode)?.Name ?? string.Empty
            );
            csv.WriteField(service?.Name ?? measure.ServiceCode);
            csv.WriteField(measure.Reference.Value);
            csv.WriteField(measure.Title);
            csv.WriteField(measurePeriod.ToString());
            var target = result?.Thresholds?.Target ?? measure.Targets.For(measurePeriod);
            csv.WriteField(target is { } t ? measure.Format(t) : "No target");
            csv.WriteField(result is null ? string.Empty : measure.Format(result.Value));
            csv.WriteField(result is null ? "No return" : result.Rag?.ToString() ?? "No target");
            csv.WriteField(result is null ? string.Empty : Words(result.VsPrevious));
            csv.WriteField(result is null ? string.Empty : Words(result.VsSamePeriodLastYear));
            csv.WriteField(result?.Commentary ?? string.Empty);
            csv.WriteField(result?.ActionNote ?? string.Empty);
            csv.WriteField(catalogue.NameOf(measure.Owner));
            csv.WriteField(result is null ? string.Empty : catalogue.NameOf(result.RecordedBy));
            csv.WriteField(
                result is null
                    ? string.Empty
                    : UkTime.LocalAt(result.RecordedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            );
            csv.WriteField(result?.Version.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.EndRecord();
        }

        return (rows.Count, rows.Count(r => r.Result is null));
    }

    /// <summary>
    /// The report's rows: each measure (of <paramref name="scope"/>, or all when null) whose own
    /// period ends when <paramref name="period"/> does, with its figure for that period or null.
    /// From the standings, one read per service; a point read of history for each figure they can't
    /// give (an older period, or one whose commentary only history keeps), a bounded number at a time.
    /// </summary>
    public async Task<IReadOnlyList<ReportRow>> ReadAsync(
        CouncilCatalogue catalogue,
        ReportingPeriod period,
        Domain.Digests.DigestScope? scope,
        CancellationToken cancellationToken
    ) => [.. (await ReadWithStandingsAsync(catalogue, period, scope, cancellationToken)).Select(r => r.Row)];

    /// <summary>
    /// The report's rows (<see cref="ReadAsync"/>), each with the standing it was read from: its recent figures and
    /// escalations, for a report that shows them too without reading the standings again.
    /// </summary>
    public async Task<IReadOnlyList<(ReportRow Row, Domain.Standings.MeasureStanding Standing)>> ReadWithStandingsAsync(
        CouncilCatalogue catalogue,
        ReportingPeriod period,
        Domain.Digests.DigestScope? scope,
        CancellationToken cancellationToken
    )
    {
        var measures = catalogue
            .Measures.Where(m => scope is null || scope.Covers(m, catalogue))
            .Select(m => (Measure: m, Period: ReportingPeriod.Containing(period.End, m.PeriodKind)))
            .Where(x => x.Period.End == period.End && x.Measure.IsReportedFor(x.Period))
            .OrderBy(x => x.Measure.ServiceCode, StringComparer.Ordinal)
            .ThenBy(x => x.Measure.Reference.Key, StringComparer.Ordinal)
            .ToList();
        var standing = await standings.ForAsync([.. measures.Select(x => x.Measure)], cancellationToken);
        var rows = new ReportRow[measures.Count];
        var fromHistory = new List<int>();
        for (var i = 0; i < measures.Count; i++)
        {
            if (standing[i].TryGetFigure(measures[i].Period, out var figure))
            {
                rows[i] = new ReportRow(measures[i].Measure, measures[i].Period, figure);
            }
            else
            {
                fromHistory.Add(i);
            }
        }

        var found = await MeasureState.ReadEachAsync(
            fromHistory,
            (i, ct) => results.GetAsync(measures[i].Measure.Reference, measures[i].Period, ct),
            cancellationToken
        );
        foreach (var (i, figure) in fromHistory.Zip(found))
        {
            rows[i] = new ReportRow(measures[i].Measure, measures[i].Period, figure);
        }

        return [.. rows.Zip(standing)];
    }

    internal static string Words(DirectionOfTravel direction) =>
        direction switch
        {
            DirectionOfTravel.Better => "Better",
            DirectionOfTravel.Worse => "Worse",
            DirectionOfTravel.Stable => "About the same",
            DirectionOfTravel.Higher => "Higher",
            DirectionOfTravel.Lower => "Lower",
            _ => "No comparison",
        };
}

/// <summary>One row of a period's report: the measure, its own period, and its figure (null: no return).</summary>
public sealed record ReportRow(Measure Measure, ReportingPeriod Period, MeasureResult? Result);
