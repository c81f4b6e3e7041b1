using PmfBot.Cards.Model;

namespace PmfBot.Cards.Reports;

/// <param name="Title">"Q2 2026/27 report: Customer Services".</param>
/// <param name="Summary">"2 measures, all with figures. One row each: target, value, status, direction of travel,
/// commentary and action note."</param>
/// <param name="Expires">"The link works until 10:42 today."</param>
public sealed record ReportView(string Title, string Summary, string Expires, Uri Download)
{
    /// <summary>The activities and milestones beside the measures, when the scope has any.</summary>
    public Uri? PlanActivitiesDownload { get; init; }

    /// <summary>The whole report as one workbook, formatted for Cabinet and Scrutiny.</summary>
    public Uri? WorkbookDownload { get; init; }
}

/// <summary>
/// A period's report for Cabinet or Overview &amp; Scrutiny, as a download link to a spreadsheet (CSV).
/// </summary>
public static class ReportCard
{
    public static AdaptiveCard Build(ReportView view) =>
        new()
        {
            Body =
            [
                new TextBlock(CardText.Plain(view.Title))
                {
                    Size = "Medium",
                    Weight = "Bolder",
                    Style = "heading",
                },
                new TextBlock(CardText.Plain(view.Summary)),
                new TextBlock(CardText.Plain(view.Expires)) { IsSubtle = true, Size = "Small" },
            ],
            Actions =
            [
                .. view.WorkbookDownload is { } workbook
                    ? [new ActionOpenUrl("The performance report (Excel)", workbook) { Style = "positive" }]
                    : Array.Empty<ActionOpenUrl>(),
                new ActionOpenUrl("Download the spreadsheet (CSV)", view.Download),
                .. view.PlanActivitiesDownload is { } activities
                    ? [new ActionOpenUrl("Activities and milestones (CSV)", activities)]
                    : Array.Empty<ActionOpenUrl>(),
            ],
        };
}
