using System.Net;
using System.Text;
using System.Text.Json;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Reports;

/// <summary>Period reports for Cabinet, asked for in the chat, against the demo council as of 7 November 2026.</summary>
public class ReportTests : UpdateCycleHost
{
    private async Task<JsonElement> AskAsync(string text)
    {
        await PostAsync(Personal("message", text: text));
        return Connector.CallsTo(PriyasChat).Last(c => c.Method == "POST").Body!.Value.GetProperty("attachments")[0].GetProperty("content");
    }

    private static Uri LinkOn(JsonElement card, string title = "Download the spreadsheet (CSV)") =>
        new(card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == title)
            .GetProperty("url").GetString()!);

    [Fact]
    public async Task TheReport_IsOfferedFirstAsAWorkbook_OfItsScope()
    {
        var card = await AskAsync("quarterly report Q2 for the Place department");

        Assert.Equal(
            "The performance report (Excel)",
            card.GetProperty("actions")[0].GetProperty("title").GetString());
        using var download = await Client.GetAsync(LinkOn(card, "The performance report (Excel)").PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            download.Content.Headers.ContentType?.MediaType);
        Assert.Contains(
            "Q2 2026-27 Place department performance report.xlsx",
            download.Content.Headers.ContentDisposition?.FileName,
            StringComparison.Ordinal);
        using var file = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, isEditable: false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
        var sheets = document.WorkbookPart!.Workbook.Sheets!
            .Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
            .Select(s => s.Name!.Value);
        Assert.Equal(["Summary", "Reds", "Escalations", "Place", "Activities", "Trends"], sheets);
    }

    [Fact]
    public async Task AServicesQuarter_IsOfferedAsALink_ThatDownloadsItsSpreadsheet()
    {
        var card = await AskAsync("export Q2 2026/27 for Customer Services");

        var text = AllText(card);
        Assert.Contains("Q2 2026/27 report: Customer Services", text, StringComparison.Ordinal);
        Assert.Contains("2 measures, all with figures.", text, StringComparison.Ordinal);
        Assert.Contains("The link works until 10:00 on 7 Nov 2026 (UK time)", text, StringComparison.Ordinal);

        using var download = await Client.GetAsync(LinkOn(card).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Q2 2026-27 Customer Services.csv", download.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Department,Service,Reference,Title,Period,Target,Value,Status", lines[0], StringComparison.Ordinal);
        Assert.Equal(["CS 01", "CS 02"], lines.Skip(1).Select(l => l.Split(',')[2]));
        Assert.All(lines.Skip(1), l => Assert.Contains(",Sep 2026,", l, StringComparison.Ordinal)); // monthly measures report the quarter's last month
    }

    [Theory]
    [InlineData("quarterly report for Place Q2")]
    [InlineData("quarterly report for the Place department Q2 2026/27")]
    [InlineData("report for Place last quarter")]
    public async Task APeriodAfterTheScope_IsUnderstoodToo(string asked)
    {
        var card = AllText(await AskAsync(asked));

        Assert.Contains("Q2 2026/27 report: ", card, StringComparison.Ordinal);
        Assert.Contains("Place department", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWholeCouncilsLastQuarter_IsTheDefault()
    {
        var card = await AskAsync("quarterly report");

        Assert.Contains("Q2 2026/27 report: The whole council", AllText(card), StringComparison.Ordinal);
        Assert.Contains("25 measures", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkStopsWorkingAfterAnHour_AndAnAlteredOneNeverWorks()
    {
        var link = LinkOn(await AskAsync("export Q2 for Waste")).PathAndQuery;

        using (var altered = await Client.GetAsync(link[..^3] + "abc"))
        {
            Assert.Equal(HttpStatusCode.Gone, altered.StatusCode);
            Assert.StartsWith("This link isn't one PmfBot made", await altered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(61));
        using var expired = await Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.StartsWith("This link has expired.", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export Q7", "\"Q7\" isn't a period I know.")]
    [InlineData("export Q2 for Parks", "I don't know a service or department called \"Parks\".")]
    public async Task WhatCantBeRead_IsSaidKindly(string text, string expected)
    {
        await PostAsync(Personal("message", text: text));

        Assert.StartsWith(expected, LastPostedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepartmentsReport_OffersItsActivitiesToo_AsTheyStoodAtThePeriodsEnd()
    {
        var card = await AskAsync("export Q2 2026/27 for the Place department");

        var said = AllText(card);
        Assert.Contains("The 3 activities and milestones are a file of their own.", said, StringComparison.Ordinal);
        using var download = await Client.GetAsync(LinkOn(card, "Activities and milestones (CSV)").PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var file = download.Content.Headers.ContentDisposition?.FileName;
        Assert.Contains("Q2 2026-27 Place department activities.csv", file, StringComparison.Ordinal);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "Department,Service,Code,Title,Owner,Due date,Status,% complete,Reported for,Commentary,Action note,Late,"
                + "Escalation,Milestones",
            lines[0]);
        var codes = lines.Skip(1).Select(l => l.Split(',')[2]).Order();
        Assert.Equal(["food-waste-rollout", "housing-system", "local-plan"], codes);
        var housing = Assert.Single(lines, l => l.Contains(",housing-system,", StringComparison.Ordinal));
        Assert.Contains(",Off track,", housing, StringComparison.Ordinal);
        var commentary = ",Q2 2026/27,Data migration test failed twice; supplier's recovery plan awaited.,";
        Assert.Contains(commentary, housing, StringComparison.Ordinal);
        // missed at the quarter's end
        Assert.Contains("Milestone \"\"Data migration tested\"\" missed", housing, StringComparison.Ordinal);
        Assert.Contains("Go live (30 Jun 2027): Not started", housing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScopeWithoutActivities_OffersOneFile()
    {
        var card = await AskAsync("export Q2 2026/27 for Customer Services");

        Assert.DoesNotContain(
            card.GetProperty("actions").EnumerateArray(),
            a => a.GetProperty("title").GetString()!.Contains("Activities", StringComparison.Ordinal));
        Assert.DoesNotContain("activities", AllText(card), StringComparison.Ordinal);
    }
}
