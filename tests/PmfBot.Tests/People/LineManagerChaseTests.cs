using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Prompts;

namespace PmfBot.Tests.People;

/// <summary>
/// Finance has no Head of Service in this council's catalogue. When Fiona Grant's October figure
/// for FI 01 is a week late, the chase goes to her line manager as the directory (the fake Graph)
/// names him, Daniel Okoro, instead of the escalation owner; without an answer from the directory
/// it goes to the escalation owner, as before.
/// </summary>
public sealed class LineManagerChaseTests : GraphHost
{
    private const string DanielsChat = "personal-chat-daniel";
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");

    private static string FionasAad => DemoPeople.FionaGrant.AadObjectId!;

    private async Task FinanceHasNoHeadOfServiceAsync()
    {
        var editor = await App.Services.GetRequiredService<CatalogueStore>().OpenAsync(default);
        var finance = editor.Catalogue.Services.Single(s => s.Name == "Finance");
        Assert.Equal(CatalogueWriteOutcome.Written, await editor.TryWriteAsync(new CatalogueChange { Services = [finance with { HeadOfService = null }] }, default));
    }

    private async Task<PromptRecord> ChaseAsync() =>
        (await new PromptStore(Storage.Tables).GetForPeriodAsync(MeasureReference.Parse("FI 01"), October, default)).Single(p => p.Step.StartsWith("chase-", StringComparison.Ordinal));

    [Fact]
    public async Task NoHeadOfService_TheOwnersLineManagerIsChased_AndTheCardSaysWhy()
    {
        await FinanceHasNoHeadOfServiceAsync();
        await InstallAsync(DanielsChat, DemoPeople.DanielOkoro.AadObjectId, "user-daniel-okoro");
        Graph.Answers("GET", $"/users/{FionasAad}/manager", 200, FakeGraph.User(DemoPeople.DanielOkoro.AadObjectId!, "Daniel Okoro", DemoPeople.DanielOkoro.Id.Value));

        Clock.MoveTo(UkTime.At(new DateOnly(2026, 11, 17), new TimeOnly(9, 0))); // October's figure was due on the 10th: a week late
        await Scan.RunAsync(default);
        await Scan.RunAsync(default);

        Assert.Equal(DemoPeople.DanielOkoro.Id, (await ChaseAsync()).Recipient);
        var card = Assert.Single(CardsPostedTo(DanielsChat), c => c.Contains("**FI 01**", StringComparison.Ordinal));
        Assert.Contains("An update in Finance is overdue", card, StringComparison.Ordinal);
        Assert.Contains("As Fiona Grant's line manager, please make sure the figure and commentary are entered", card, StringComparison.Ordinal);
        Assert.Single(Graph.Requests, r => r.StartsWith($"GET /v1.0/users/{FionasAad}/manager", StringComparison.Ordinal)); // the second scan used what it knew
    }

    [Fact]
    public async Task NoHeadOfService_AndTheDirectoryNamesNoManager_TheEscalationOwnerIsChased()
    {
        await FinanceHasNoHeadOfServiceAsync();
        await InstallAsync();
        Graph.Answers("GET", $"/users/{FionasAad}/manager", 404, FakeGraph.Error("Request_ResourceNotFound", "Resource 'manager' does not exist."));

        Clock.MoveTo(UkTime.At(new DateOnly(2026, 11, 17), new TimeOnly(9, 0)));
        await Scan.RunAsync(default);

        Assert.Equal(DemoPeople.PriyaShah.Id, (await ChaseAsync()).Recipient);
        Assert.Contains(CardsPostedTo(), c => c.Contains("**FI 01**", StringComparison.Ordinal) && c.Contains("As escalation owner, please make sure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTheDirectoryCantBeAsked_TheEscalationOwnerIsChased_AndTheNextScanAsksAgain()
    {
        await FinanceHasNoHeadOfServiceAsync();
        await InstallAsync();
        Graph.Answers("GET", $"/users/{FionasAad}/manager", 403, FakeGraph.Error("Authorization_RequestDenied", "Insufficient privileges to complete the operation."));

        Clock.MoveTo(UkTime.At(new DateOnly(2026, 11, 17), new TimeOnly(9, 0)));
        await Scan.RunAsync(default);
        await Scan.RunAsync(default);

        Assert.Equal(DemoPeople.PriyaShah.Id, (await ChaseAsync()).Recipient);
        Assert.Equal(2, Graph.Requests.Count(r => r.StartsWith($"GET /v1.0/users/{FionasAad}/manager", StringComparison.Ordinal)));
    }
}
