using System.Text.Json;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Storage.PlanActivities;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.PlanActivities;

/// <summary>
/// Activities through the same cycle, quarterly: as of 7 Nov 2026 Priya's "Act on the internal
/// audit of FOI handling" owes its Q2 2026/27 report (due 10 Oct, overdue).
/// </summary>
public class PlanActivityReportTests : UpdateCycleHost
{
    private const string Code = "foi-audit-actions";
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("FY2026-Q2");

    private PlanActivityProgressStore Store => new(Storage.Tables);

    private static object Report(
        string? status,
        string? commentary,
        string? actionNote = null,
        string? percent = null
    ) =>
        new
        {
            activity = Code,
            period = "FY2026-Q2",
            status,
            percentComplete = percent,
            commentary,
            actionNote,
        };

    [Fact]
    public async Task TheScan_PromptsTheOwner_AndTheReportIsRecordedOnce()
    {
        await InstallAsync();
        await Scan.RunAsync(default);
        var prompt = Assert.Single(CardsPostedTo(), c => c.Contains("progress report", StringComparison.Ordinal));
        Assert.Contains(
            "Overdue: your Q2 2026/27 progress report was due 28 days ago",
            prompt,
            StringComparison.Ordinal
        );
        Assert.Contains("All request handlers trained (On track)", prompt, StringComparison.Ordinal);
        Assert.Contains("Off track", prompt, StringComparison.Ordinal); // a choice

        var recorded = CardOf(
            await PressAsync(
                "submitActivity",
                Report("OnTrack", "Training half done.", percent: "55"),
                replyToId: "pressed-card"
            )
        );

        Assert.Contains("Recorded: On track for Q2 2026/27", recorded, StringComparison.Ordinal);
        Assert.Contains("55%", recorded, StringComparison.Ordinal);
        Assert.Contains("Next report: Q3 2026/27, due by Sunday 10 January 2027.", recorded, StringComparison.Ordinal);
        var stored = Assert.Single(await Store.GetHistoryAsync(Code, default), p => p.Period == Q2);
        Assert.Equal(
            (PlanActivityStatus.OnTrack, (int?)55, DemoPeople.PriyaShah.Id),
            (stored.Status, stored.PercentComplete, stored.RecordedBy)
        );
        Assert.Equal(
            1,
            UpdatesIn()
                .Count(u =>
                    AllText(u.Body!.Value.GetProperty("attachments")[0].GetProperty("content"))
                        .Contains("Recorded: On track", StringComparison.Ordinal)
                )
        ); // the prompt; the pressed card shows the answer already

        var again = CardOf(await PressAsync("submitActivity", Report("OffTrack", "Changed my mind.", "x")));
        Assert.Contains("This was already recorded at", again, StringComparison.Ordinal);
        Assert.Equal(
            PlanActivityStatus.OnTrack,
            (await Store.GetHistoryAsync(Code, default)).Single(p => p.Period == Q2).Status
        );

        var second = await Scan.RunAsync(default);
        Assert.Single(CardsPostedTo(), c => c.Contains("progress report", StringComparison.Ordinal));
        Assert.Equal(0, second.Sent);
    }

    private Task<IReadOnlyList<Storage.Outbox.PendingProgress>> PendingAsync() =>
        new Storage.Outbox.OutboxStore(Storage.Tables).GetPendingProgressAsync(DateTimeOffset.MaxValue, 10, default);

    private int PromptsShowingTheReport() =>
        UpdatesIn().Count(u => AllText(u.Body!.Value.GetProperty("attachments")[0].GetProperty("content"))
            .Contains("Recorded: On track", StringComparison.Ordinal));

    [Fact]
    public async Task WithTeamsDown_TheReportIsKept_TheOwnerAnswered_AndTheOutboxRunUpdatesThePromptOnce()
    {
        await InstallAsync();
        await Scan.RunAsync(default);
        Connector.FailNext(500, "InternalServerError"); // the prompt's update after the answer

        var recorded = CardOf(await PressAsync("submitActivity", Report("OnTrack", "Training half done.")));

        Assert.Contains("Recorded: On track for Q2 2026/27", recorded, StringComparison.Ordinal);
        Assert.Single(await Store.GetHistoryAsync(Code, default), p => p.Period == Q2);
        Assert.Equal(0, PromptsShowingTheReport());
        var pending = Assert.Single(await PendingAsync());
        Assert.Equal((Code, Q2), (pending.PlanActivity, pending.Period));

        var run = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Events.OutboxRun>(App.Services);
        Assert.Equal((0, 0), await run.RunOnceAsync(default)); // too young: still the turn's
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal((1, 0), await run.RunOnceAsync(default));
        Assert.Equal((0, 0), await run.RunOnceAsync(default));

        Assert.Equal(1, PromptsShowingTheReport());
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task AReportWhoseMarkerFailed_IsMarkedAgainByTheDailyRepair_ThenHandled()
    {
        await InstallAsync();
        await Scan.RunAsync(default);
        await Storage.Tables.Outbox.DeleteAsync(); // the marker can't be written
        Connector.FailNext(500, "InternalServerError"); // and the turn's handling fails: the event stays

        var recorded = CardOf(await PressAsync("submitActivity", Report("OnTrack", "Training half done.")));

        Assert.Contains("Recorded: On track for Q2 2026/27", recorded, StringComparison.Ordinal);
        Assert.Single(await Store.GetHistoryAsync(Code, default), p => p.Period == Q2);
        Assert.Equal(0, PromptsShowingTheReport());
        await Storage.Tables.Outbox.CreateIfNotExistsAsync();
        var services = App.Services;
        var repair = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<global::PmfBot.Standings.StandingsRepair>(services);
        Assert.Equal(1, (await repair.RepairAsync(default)).Remarked);
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        var run = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Events.OutboxRun>(services);
        Assert.Equal((1, 0), await run.RunOnceAsync(default));

        Assert.Equal(1, PromptsShowingTheReport());
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task WhatsDue_ListsTheReport_AndOpensItsCard()
    {
        await PostAsync(Personal("message", "what's due"));
        Assert.Contains("Act on the internal audit of FOI handling", CardsPostedTo()[^1], StringComparison.Ordinal);
        Assert.Contains("openActivity", CardsPostedTo()[^1], StringComparison.Ordinal);

        var card = CardOf(await PressAsync("openActivity", new { activity = Code, period = "FY2026-Q2" }));
        Assert.Contains("Overdue: your Q2 2026/27 progress report", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtRiskWithoutAnActionNote_ComesBackWithTheReason_AndTheEntryKept()
    {
        var response = await PressAsync("submitActivity", Report("AtRisk", "Two trainers off sick.", percent: "30"));

        var card = RawCardOf(response);
        Assert.Contains("At risk: an action note is required", AllText(card), StringComparison.Ordinal);
        Assert.Equal("AtRisk", InputOn(card, "status")!.Value.GetProperty("value").GetString());
        Assert.Equal("Two trainers off sick.", InputOn(card, "commentary")!.Value.GetProperty("value").GetString());
        Assert.DoesNotContain(await Store.GetHistoryAsync(Code, default), p => p.Period == Q2);
    }

    [Theory]
    [InlineData(null, "Fine.", "Pick where the activity stands.")]
    [InlineData("OnTrack", " ", "Commentary is required")]
    [InlineData("Stopped", "Fine.", "Pick where the activity stands.")]
    public async Task BadInput_IsRefused_AndNothingIsStored(string? status, string commentary, string problem)
    {
        var card = AllText(RawCardOf(await PressAsync("submitActivity", Report(status, commentary))));

        Assert.Contains(problem, card, StringComparison.Ordinal);
        Assert.DoesNotContain(await Store.GetHistoryAsync(Code, default), p => p.Period == Q2);
    }

    [Fact]
    public async Task SomeoneElsesActivity_OrAQuarterNotOpen_IsRefused()
    {
        var notMine = MessageOf(
            await PressAsync(
                "submitActivity",
                new
                {
                    activity = "food-waste-rollout",
                    period = "FY2026-Q2",
                    status = "OnTrack",
                    commentary = "x",
                }
            )
        );
        Assert.Contains("is reported by Sam Taylor, its owner. Nothing was saved.", notMine, StringComparison.Ordinal);

        var future = MessageOf(
            await PressAsync(
                "submitActivity",
                new
                {
                    activity = Code,
                    period = "FY2026-Q3",
                    status = "OnTrack",
                    commentary = "x",
                }
            )
        );
        Assert.Contains(
            "The Q3 2026/27 report for \"Act on the internal audit of FOI handling\" isn't open",
            future,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(await Store.GetHistoryAsync(Code, default), p => p.Period >= Q2);
    }
}
