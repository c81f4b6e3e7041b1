using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Tab;

namespace PmfBot.Features.Reports;

/// <summary>
/// A report's download link for the tab: the last quarter ended, for a scope the person sees whole; and its activities'
/// when the scope has any.
/// </summary>
public sealed record TabReport(string Title, string Period, Uri Url, Uri? ActivitiesUrl, Uri WorkbookUrl);

public static class ReportsOnTheTab
{
    /// <summary>
    /// GET /api/tab/report?scope=service:waste: the link to the last quarter's report for the tab's scope (or, with
    /// none, the widest the person sees whole: the council, their department, their service).
    /// </summary>
    public static WebApplication MapReportsOnTheTab(this WebApplication app)
    {
        app.MapTabApi()
            .MapGet("/report", (string? scope, HttpContext context, ReportLinks links, TimeProvider time) =>
            {
                var user = TabUser.Of(context);
                if (ScopeFor(scope, user) is not { } asked)
                {
                    return TabProblem.Answer(
                        StatusCodes.Status403Forbidden,
                        "Reports cover a service, a department or the council, and there is none here you can "
                            + "see whole. Ask for one in the chat, e.g. \"report for Waste\"."
                    );
                }

                var quarter = ReportingPeriod.Containing(UkTime.DateAt(time.GetUtcNow()), PeriodKind.Quarter);
                var period = quarter.Previous;
                return Results.Ok(
                    new TabReport(
                        $"{period} report: {asked.TitleIn(user.Council, "the council")}",
                        period.ToString(),
                        links.LinkFor(new ReportRequest(period, asked)),
                        asked.PlanActivitiesIn(user.Council).Count > 0
                            ? links.LinkFor(new ReportRequest(period, asked, ReportPart.PlanActivities))
                            : null,
                        links.LinkFor(new ReportRequest(period, asked, ReportPart.Workbook))
                    )
                );
            });
        return app;
    }

    private static DigestScope? ScopeFor(string? scope, TabUser user)
    {
        var council = user.Council;
        var candidates =
            DigestScope.TryParseKey(scope?.Replace(':', '|'), out var asked) && scope is { Length: > 0 }
                ? [asked]
                : new[] { DigestScope.WholeCouncil }
                    .Concat(council.Departments.Select(d => DigestScope.OfDepartment(d.Code)))
                    .Concat(council.Services.Select(s => DigestScope.OfService(s.Code)));
        return candidates.FirstOrDefault(c =>
            c.IsIn(council) && c.MeasuresIn(council) is { Count: > 0 } measures && measures.All(SeenBy(user))
        );
    }

    private static Func<Measure, bool> SeenBy(TabUser user) => m => user.Sight.MaySee(m.Reference);
}
