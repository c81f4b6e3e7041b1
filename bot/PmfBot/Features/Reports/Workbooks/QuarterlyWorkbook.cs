using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Escalations;
using PmfBot.Wording;

namespace PmfBot.Features.Reports.Workbooks;

/// <summary>What a quarterly workbook holds, for the person who asked for it.</summary>
public sealed record WorkbookSummary(int Measures, int Red, int NoReturn, int Activities, int Escalations);

/// <summary>
/// The quarterly performance report as Cabinet and Scrutiny read it, as one .xlsx: a summary of RAG counts per
/// department, the reds, the period's escalations and their decisions, a sheet per department (each measure's target,
/// actual, RAG in words and colour, direction of travel, commentary, action and deadline), and the activities and
/// milestones. Numbers are numbers in each measure's own format; every sheet's header stays in view and filters.
/// </summary>
public sealed class QuarterlyWorkbook(
    ResultsExporter results,
    PlanActivitiesExporter activities,
    CouncilRules rules,
    TimeProvider time
)
{
    private static readonly string[] Statuses = ["Green", "Amber", "Red", "No target", "No return"];

    public async Task<WorkbookSummary> WriteAsync(
        CouncilCatalogue catalogue,
        ReportingPeriod period,
        DigestScope scope,
        Stream stream,
        CancellationToken cancellationToken
    )
    {
        var read = await results.ReadWithStandingsAsync(catalogue, period, scope, cancellationToken);
        var rows = read.Select(r => r.Row).ToList();
        var stand = read.Select(r => r.Standing).ToList();
        var escalations = rows.Zip(stand)
            .SelectMany(p => p.Second.Escalations.Where(x => x.Period == p.First.Period).Select(x => (p.First, x)))
            .ToList();
        var plans = await activities.ReadAsync(catalogue, period, scope, cancellationToken);
        var now = time.GetUtcNow();

        var styles = new XlsxStyles();
        var departments = rows.GroupBy(r => DepartmentOf(r.Measure, catalogue)).OrderBy(g => g.Key).ToList();
        var recent = rows.Zip(stand).ToDictionary(p => p.First.Measure.Reference, p => p.Second.Recent);
        var trends = new XlsxSheet(
            "Trends",
            [
                new("Department", 18),
                new("Reference", 11),
                new("Title", 40),
                new("Period", 12),
                new("Value", 11),
                new("Target", 11),
            ],
            styles
        );
        var sheets = new List<XlsxSheet> { Summary(departments, escalations, styles) };
        sheets.Add(Reds(rows, catalogue, styles));
        sheets.Add(Escalations(escalations, catalogue, styles));
        foreach (var department in departments)
        {
            var sheet = Department(department.Key, [.. department], catalogue, now, styles);
            Chart(sheet, trends, department.Key, [.. department], recent);
            sheets.Add(sheet);
        }

        sheets.Add(PlanActivities(plans, catalogue, period, styles));
        sheets.Add(trends);

        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var names = new DefinedNames();
        var list = new Sheets();
        for (var i = 0; i < sheets.Count; i++)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            sheets[i].WriteTo(part);
            list.Append(
                new Sheet
                {
                    Id = workbook.GetIdOfPart(part),
                    SheetId = (uint)(i + 1),
                    Name = sheets[i].Name,
                }
            );
            // Excel keeps each sheet's filter range under this hidden name.
            names.Append(
                new DefinedName(
                    $"'{sheets[i].Name.Replace("'", "''", StringComparison.Ordinal)}'!"
                        + Absolute(sheets[i].FilterRange)
                )
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                }
            );
        }

        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.ToStylesheet();
        workbook.Workbook = new Workbook(list, names);
        return new WorkbookSummary(
            rows.Count,
            rows.Count(r => r.Result?.Rag == Domain.Status.RagStatus.Red),
            rows.Count(r => r.Result is null),
            plans.Count,
            escalations.Count
        );
    }

    private static XlsxSheet Summary(
        IReadOnlyList<IGrouping<string, ReportRow>> departments,
        IReadOnlyList<(ReportRow Row, Escalation X)> escalations,
        XlsxStyles styles
    )
    {
        var sheet = new XlsxSheet(
            "Summary",
            [
                new("Department", 24),
                new("Measures", 11),
                .. Statuses.Select(s => new XlsxColumn(s, 11)),
                new("Escalations", 12),
                new("Decided", 11),
            ],
            styles
        );
        void Add(string name, IReadOnlyList<ReportRow> rows)
        {
            var escalated = escalations.Where(e => rows.Contains(e.Row)).Select(e => e.X).ToList();
            sheet.Row([
                sheet.TextCell(name),
                sheet.NumberCell(rows.Count, "0"),
                .. Statuses.Select(s => sheet.NumberCell(rows.Count(r => StatusOf(r) == s), "0")),
                sheet.NumberCell(escalated.Count, "0"),
                sheet.NumberCell(escalated.Count(x => x.Outcome is not null), "0"),
            ]);
        }

        foreach (var department in departments)
        {
            Add(department.Key, [.. department]);
        }

        Add("All", [.. departments.SelectMany(d => d)]);
        return sheet;
    }

    private static XlsxSheet Reds(IReadOnlyList<ReportRow> rows, CouncilCatalogue catalogue, XlsxStyles styles)
    {
        var sheet = new XlsxSheet(
            "Reds",
            [
                new("Department", 18),
                new("Service", 22),
                new("Reference", 11),
                new("Title", 40),
                new("Period", 12),
                new("Target", 11),
                new("Actual", 11),
                new("Commentary", 50),
                new("Action note", 50),
            ],
            styles
        );
        foreach (var row in rows.Where(r => r.Result?.Rag == Domain.Status.RagStatus.Red))
        {
            var format = FormatCode(row.Measure);
            sheet.Row([
                sheet.TextCell(DepartmentOf(row.Measure, catalogue)),
                sheet.TextCell(catalogue.ServiceNameOf(row.Measure.ServiceCode)),
                sheet.TextCell(row.Measure.Reference.Value),
                sheet.TextCell(row.Measure.Title),
                sheet.TextCell(row.Period.ToString()),
                sheet.NumberCell(TargetOf(row), format),
                sheet.NumberCell(row.Result!.Value, format),
                sheet.TextCell(row.Result.Commentary),
                sheet.TextCell(row.Result.ActionNote),
            ]);
        }

        return sheet;
    }

    private static XlsxSheet Escalations(
        IReadOnlyList<(ReportRow Row, Escalation X)> escalations,
        CouncilCatalogue catalogue,
        XlsxStyles styles
    )
    {
        var sheet = new XlsxSheet(
            "Escalations",
            [
                new("Reference", 11),
                new("Title", 40),
                new("Period", 12),
                new("Escalated because", 22),
                new("Escalation owner", 20),
                new("Raised", 13),
                new("Stands", 60),
                new("Proposed action", 50),
            ],
            styles
        );
        foreach (var (row, x) in escalations.OrderBy(e => e.X.RaisedAt))
        {
            sheet.Row([
                sheet.TextCell(row.Measure.Reference.Value),
                sheet.TextCell(row.Measure.Title),
                sheet.TextCell(x.Period.ToString()),
                sheet.TextCell(Said.TriggerWords(x.Trigger)),
                sheet.TextCell(catalogue.NameOf(x.EscalationOwner)),
                sheet.DateCell(UkTime.DateAt(x.RaisedAt)),
                sheet.TextCell(Said.EscalationRecord(x, catalogue)),
                sheet.TextCell(x.ProposedAction),
            ]);
        }

        return sheet;
    }

    private XlsxSheet Department(
        string department,
        IReadOnlyList<ReportRow> rows,
        CouncilCatalogue catalogue,
        DateTimeOffset now,
        XlsxStyles styles
    )
    {
        var sheet = new XlsxSheet(
            department,
            [
                new("Service", 22),
                new("Reference", 11),
                new("Title", 40),
                new("Priority", 24),
                new("Period", 12),
                new("Target", 11),
                new("Actual", 11),
                new("RAG", 10),
                new("Vs previous", 14),
                new("Vs last year", 14),
                new("Commentary", 50),
                new("Action note", 50),
                new("Due", 13),
                new("Late", 22),
            ],
            styles
        );
        foreach (var row in rows)
        {
            var (measure, result) = (row.Measure, row.Result);
            var format = FormatCode(measure);
            var deadline = rules.Cycle.Deadlines.DeadlineFor(measure, row.Period);
            var late =
                result is null && deadline.IsOverdueAt(now) ? $"No return, {deadline.DaysOverdueAt(now)} days late"
                : result is not null && result.RecordedAt >= deadline.LateFrom ? "Recorded late"
                : null;
            sheet.Row([
                sheet.TextCell(catalogue.ServiceNameOf(measure.ServiceCode)),
                sheet.TextCell(measure.Reference.Value),
                sheet.TextCell(measure.Title),
                sheet.TextCell(
                    string.Join(
                        "; ",
                        measure.PriorityCodes.Select(c =>
                            catalogue.Priorities.FirstOrDefault(p => p.Code == c)?.Title ?? c
                        )
                    )
                ),
                sheet.TextCell(row.Period.ToString()),
                sheet.NumberCell(TargetOf(row), format),
                sheet.NumberCell(result?.Value, format),
                sheet.StatusCell(StatusOf(row)),
                sheet.TextCell(result is null ? null : ResultsExporter.Words(result.VsPrevious)),
                sheet.TextCell(result is null ? null : ResultsExporter.Words(result.VsSamePeriodLastYear)),
                sheet.TextCell(result?.Commentary),
                sheet.TextCell(result?.ActionNote),
                sheet.DateCell(deadline.Date),
                sheet.TextCell(late),
            ]);
        }

        return sheet;
    }

    private static XlsxSheet PlanActivities(
        IReadOnlyList<Domain.PlanActivities.PlanActivityStanding> plans,
        CouncilCatalogue catalogue,
        ReportingPeriod period,
        XlsxStyles styles
    )
    {
        var sheet = new XlsxSheet(
            "Activities",
            [
                new("Department", 18),
                new("Service", 22),
                new("Activity", 40),
                new("Owner", 18),
                new("Due", 13),
                new("Status", 12),
                new("% complete", 11),
                new("Commentary", 50),
                new("Action note", 40),
                new("Late", 40),
                new("Escalation", 50),
                new("Milestones", 60),
            ],
            styles
        );
        var periodEnd = UkTime.StartOf(period.End.AddDays(1));
        foreach (var plan in plans)
        {
            var activity = plan.PlanActivity;
            var service = catalogue.FindService(activity.ServiceCode);
            sheet.Row([
                sheet.TextCell(service is null ? null : catalogue.FindDepartment(service.DepartmentCode)?.Name),
                sheet.TextCell(service?.Name ?? activity.ServiceCode),
                sheet.TextCell($"{activity.Code} {activity.Title}"),
                sheet.TextCell(catalogue.NameOf(activity.Owner)),
                sheet.DateCell(activity.DueDate),
                sheet.StatusCell(PlanActivityWords.StatusWords(plan.Status)),
                sheet.NumberCell(plan.Latest?.PercentComplete, "0\"%\""),
                sheet.TextCell(plan.Latest?.Commentary ?? activity.Commentary),
                sheet.TextCell(plan.Latest?.ActionNote),
                sheet.TextCell(plan.IsLate ? PlanActivityWords.WhyLate(plan, periodEnd) : null),
                sheet.TextCell(plan.Escalation is { } x ? Said.EscalationRecord(x, catalogue) : null),
                sheet.TextCell(
                    string.Join(
                        "; ",
                        activity.Milestones.Select(m =>
                            $"{m.Title} ({Dates.ShortDate(m.DueDate)}): {PlanActivityWords.StatusWords(m.Status)}"
                        )
                    )
                ),
            ]);
        }

        return sheet;
    }

    /// <summary>How many of a department's measures it charts, and how many periods back.</summary>
    private const int ChartedMeasures = 6;
    private const int ChartedPeriods = 8;

    /// <summary>
    /// A line chart beside a department's table for each of its key measures (those in a Council Plan priority first,
    /// then by reference; only those with figures), from their rows in the Trends sheet.
    /// </summary>
    private static void Chart(
        XlsxSheet sheet,
        XlsxSheet trends,
        string department,
        IReadOnlyList<ReportRow> rows,
        Dictionary<MeasureReference, IReadOnlyList<Domain.Results.MeasureResult>> recent
    )
    {
        var key = rows.Where(r => recent[r.Measure.Reference].Any(h => h.Period <= r.Period))
            .OrderBy(r => r.Measure.PriorityCodes.Count == 0)
            .ThenBy(r => r.Measure.Reference.Key, StringComparer.Ordinal)
            .Take(ChartedMeasures);
        foreach (var row in key)
        {
            var history = recent[row.Measure.Reference]
                .Where(h => h.Period <= row.Period)
                .OrderBy(h => h.Period)
                .TakeLast(ChartedPeriods)
                .ToList();
            var format = FormatCode(row.Measure);
            var first = trends.RowCount + 2; // the header is row 1
            foreach (var figure in history)
            {
                trends.Row([
                    trends.TextCell(department),
                    trends.TextCell(row.Measure.Reference.Value),
                    trends.TextCell(row.Measure.Title),
                    trends.TextCell(figure.Period.ToString()),
                    trends.NumberCell(figure.Value, format),
                    trends.NumberCell(figure.Thresholds?.Target, format),
                ]);
            }

            var last = trends.RowCount + 1;
            string Range(string column) => $"'Trends'!${column}${first}:${column}${last}";
            IReadOnlyList<XlsxSeries> series = history.Any(h => h.Thresholds is not null)
                ?
                [
                    new("Figure", Range("E"), [.. history.Select(h => (decimal?)h.Value)], "1F4E79"),
                    new("Target", Range("F"), [.. history.Select(h => h.Thresholds?.Target)], "7F7F7F"),
                ]
                : [new("Figure", Range("E"), [.. history.Select(h => (decimal?)h.Value)], "1F4E79")];
            sheet.Chart(
                new XlsxLineChart(
                    $"{row.Measure.Reference} {row.Measure.Title}",
                    Range("D"),
                    [.. history.Select(h => h.Period.ToString())],
                    series,
                    format
                )
            );
        }
    }

    /// <summary>The Excel number format that shows a measure's values as its cards do: "0.0\"%\"", "\"£\"#,##0".
    /// </summary>
    public static string FormatCode(Measure measure)
    {
        var number = measure.Decimals == 0 ? "#,##0" : "#,##0." + new string('0', measure.Decimals);
        var unit = measure.Unit;
        return unit.Kind switch
        {
            UnitKind.Percentage => number + "\"%\"",
            UnitKind.Money => "\"£\"" + number,
            UnitKind.Number when unit.Label == "number" => number,
            UnitKind.Ratio => number,
            _ => $"{number}\" {unit.Label.Replace("\"", string.Empty, StringComparison.Ordinal)}\"",
        };
    }

    private static string StatusOf(ReportRow row) =>
        row.Result is null ? "No return" : row.Result.Rag?.ToString() ?? "No target";

    private static decimal? TargetOf(ReportRow row) =>
        row.Result?.Thresholds?.Target ?? row.Measure.Targets.For(row.Period);

    private static string DepartmentOf(Measure measure, CouncilCatalogue catalogue) =>
        catalogue.FindService(measure.ServiceCode) is { } service
            ? catalogue.FindDepartment(service.DepartmentCode)?.Name ?? service.DepartmentCode
            : "No department";

    private static string Absolute(string range) =>
        string.Join(
            ':',
            range
                .Split(':')
                .Select(cell =>
                {
                    var letters = new string([.. cell.TakeWhile(char.IsLetter)]);
                    return $"${letters}${cell[letters.Length..]}";
                })
        );
}
