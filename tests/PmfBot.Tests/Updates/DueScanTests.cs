using Microsoft.Extensions.DependencyInjection;
using PmfBot.Delivery;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Features.Updates;
using PmfBot.Storage.Prompts;

namespace PmfBot.Tests.Updates;

/// <summary>
/// As of Saturday 7 November 2026, 09:00: Priya owes October's figures for CS 01, CS 02 and IG 01
/// (prompted on Monday 2 November, due Tuesday 10 November) and Q2's for HR 01 (overdue since October).
/// </summary>
public class DueScanTests : UpdateCycleHost
{
    private static readonly string[] PriyasOpen = ["CS 01", "CS 02", "IG 01", "HR 01"];

    private PromptStore Prompts => new(Storage.Tables);

    [Fact]
    public async Task Scan_SendsEachOwnerTheirDueCards_AndASecondScanSendsNothing()
    {
        await InstallAsync();

        var first = await Scan.RunAsync(default);
        var second = await Scan.RunAsync(default);

        var cards = CardsPostedTo().Skip(1).Where(c => !c.Contains("Extension requested", StringComparison.Ordinal) && !c.Contains("progress report", StringComparison.Ordinal) && !IsEscalation(c)).ToList(); // after the welcome
        Assert.Equal(PriyasOpen.Length, cards.Count);
        Assert.Single(CardsPostedTo(), c => c.Contains("Escalated to you: HR 01's Q2 2026/27 update is long overdue", StringComparison.Ordinal)); // 28 days overdue: to Priya as Chief Officer
        Assert.Single(CardsPostedTo(), c => c.Contains("Extension requested: WM 03", StringComparison.Ordinal)); // the demo's request from Sam, for Priya to decide
        Assert.Single(CardsPostedTo(), c => c.Contains("Overdue: your Q2 2026/27 progress report", StringComparison.Ordinal)); // her activity's quarterly report
        foreach (var reference in PriyasOpen)
        {
            Assert.Single(cards, c => c.Contains($"**{reference}**", StringComparison.Ordinal));
        }

        Assert.Contains(cards, c => c.Contains("Your Oct 2026 update is due", StringComparison.Ordinal) && c.Contains("Tuesday 10 November 2026", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("Overdue: your Q2 2026/27 update was due", StringComparison.Ordinal));
        Assert.Equal(0, second.Sent);
        Assert.Equal(first.Due, second.AlreadyHandled + second.WaitingForInstall);
    }

    [Fact]
    public async Task TwoSchedulersOnOneStorage_SendEachStepExactlyOnce()
    {
        await InstallAsync();
        await using var other = StartHost(seed: false);
        await other.StartAsync();

        var otherScan = other.Services.GetRequiredService<DueWorkRunner>();
        var reports = await Task.WhenAll(Scan.RunAsync(default), otherScan.RunAllAsync(default));

        Assert.Equal(PriyasOpen.Length + 3, CardsPostedTo().Count - 1); // her updates, her activity's report, the demo's extension request and HR 01's overdue escalation, once each
        Assert.Single(CardsPostedTo(), c => c.Contains("Extension requested: WM 03", StringComparison.Ordinal));
        Assert.Equal(reports[0].Due, reports[1].Due);
        var sentToPriya = reports.Sum(r => r.Sent);
        Assert.Equal(PriyasOpen.Length + 3, sentToPriya);
    }

    [Fact]
    public async Task AnInstanceDyingBetweenClaimAndSend_LosesNothing_AndDuplicatesNothing()
    {
        await InstallAsync();
        var october = ReportingPeriod.Parse("FY2026-M07");
        var crashed = await Prompts.TryClaimAsync(
            MeasureReference.Parse("CS 02"), october, "prompt", DemoPeople.PriyaShah.Id, new Storage.ClaimTerms("crashed-instance", Clock.GetUtcNow(), TimeSpan.FromMinutes(10), 5), default);
        Assert.NotNull(crashed); // claimed, never sent: the instance died here

        await Scan.RunAsync(default); // within the claim's lease: CS 02 is left to its claimant
        Assert.DoesNotContain(CardsPostedTo(), c => c.Contains("**CS 02**", StringComparison.Ordinal));

        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(11));
        await Scan.RunAsync(default); // the lease has run out: taken over and sent
        await Scan.RunAsync(default);

        Assert.Single(CardsPostedTo(), c => c.Contains("**CS 02**", StringComparison.Ordinal));
        var record = (await Prompts.GetForPeriodAsync(MeasureReference.Parse("CS 02"), october, default)).Single();
        Assert.Equal((PromptState.Sent, 2), (record.State, record.Attempts));
    }

    [Fact]
    public async Task ReminderDueDayAndOverdueChaser_ArriveOnTheirDays()
    {
        await InstallAsync();
        await Scan.RunAsync(default);

        async Task<IReadOnlyList<string>> OnAsync(string ukTime)
        {
            var before = CardsPostedTo().Count;
            Clock.MoveTo(UkTime.At(DateOnly.Parse(ukTime[..10], System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(ukTime[11..], System.Globalization.CultureInfo.InvariantCulture)));
            await Scan.RunAsync(default);
            return [.. CardsPostedTo().Skip(before).Where(c => !IsEscalation(c))];
        }

        Assert.Empty(await OnAsync("2026-11-08T09:00")); // Sunday: the Saturday reminder-3 moved to Monday
        var monday = await OnAsync("2026-11-09T09:00");
        Assert.Equal(3, monday.Count);
        Assert.All(monday, c => Assert.Contains("Reminder: your Oct 2026 update is due in 1 day", c, StringComparison.Ordinal));
        Assert.All(await OnAsync("2026-11-10T08:59"), c => Assert.Fail("Nothing goes out before 09:00: " + c));
        Assert.All(await OnAsync("2026-11-10T09:00"), c => Assert.Contains("Your Oct 2026 update is due today", c, StringComparison.Ordinal));
        var overdue = await OnAsync("2026-11-11T09:00");
        Assert.Equal(3, overdue.Count);
        Assert.All(overdue, c => Assert.Contains("Overdue: your Oct 2026 update was due 1 day ago", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneWhoNeverOpenedTheBot_IsWaitingForInstall_AndPromptedOnceTheyDo()
    {
        var fiona = DemoPeople.FionaGrant; // owns FI 01 (Priya is her delegate), has never opened the bot
        var report = await Scan.RunAsync(default);

        var waiting = await Prompts.GetInStateAsync(PromptState.WaitingForInstall, default);
        Assert.True(report.WaitingForInstall > 0);
        Assert.Contains(waiting, w => w.Recipient == fiona.Id);

        await PostAsync(Personal("message", "not installed"));
        var listed = Connector.CallsTo(PriyasChat)[^1].Body!.Value.GetProperty("text").GetString()!;
        Assert.Contains("**Fiona Grant**: FI 01 Oct 2026", listed, StringComparison.Ordinal);

        await InstallAsync("personal-chat-fiona", fiona.AadObjectId, "user-fiona-grant");
        await Scan.RunAsync(default);

        var fionasCards = CardsPostedTo("personal-chat-fiona").Skip(1).ToList();
        Assert.Single(fionasCards, c => c.Contains("**FI 01**", StringComparison.Ordinal));
        Assert.DoesNotContain(await Prompts.GetInStateAsync(PromptState.WaitingForInstall, default), w => w.Recipient == fiona.Id);
    }

    private static bool IsEscalation(string card) => card.Contains("Escalated because", StringComparison.Ordinal);
}
