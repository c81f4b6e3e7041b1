using System.Text.Json;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Features.Demo;
using PmfBot.Storage.Results;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Extensions;

/// <summary>
/// "I need until Friday for CS 02 because …": the request goes to the deciders (Helen Price, and
/// Priya Shah for other people's requests), the deadline moves only when one approves, and the
/// owner is told either way. As of Saturday 7 Nov 2026, CS 02's October figure is due Tuesday 10 Nov.
/// </summary>
public class ExtensionTests : UpdateCycleHost
{
    private const string HelensChat = "personal-chat-helen";
    private const string SamsChat = "personal-chat-sam";
    private static readonly MeasureReference Cs02 = MeasureReference.Parse("CS 02");
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");

    private ResultStore Results => new(Storage.Tables);

    private static string HelensAad => DemoPeople.HelenPrice.AadObjectId!;

    private Task HelenInstallsAsync() => InstallAsync(HelensChat, HelensAad, "user-helen-price");

    private async Task<DeadlineExtension> OnlyRequestAsync() => Assert.Single(await Results.GetExtensionsAsync(Cs02, October, default));

    private Task<JsonElement> HelenPressesAsync(string decision, string extension, string? note = null) =>
        PressAsync("decideExtension", new { verb = "decideExtension", measure = "CS 02", period = "FY2026-M07", extension, decision, decisionNote = note },
            aad: HelensAad, conversation: HelensChat, user: "user-helen-price", replyToId: "helens-card");

    [Fact]
    public async Task ARequest_GoesToTheDeciders_AndTheDeadlineStandsUntilDecided()
    {
        await HelenInstallsAsync();

        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));

        var told = LastPostedText();
        Assert.Contains("Extension requested: waiting for a decision", told, StringComparison.Ordinal);
        Assert.Contains("Sent to Helen Price.", told, StringComparison.Ordinal); // not to Priya: nobody decides their own
        Assert.Contains("Friday 13 November 2026 (3 days later)", told, StringComparison.Ordinal);
        var request = await OnlyRequestAsync();
        Assert.Equal((ExtensionDecision.Pending, new DateOnly(2026, 11, 13), "the telephony report is late"), (request.Decision, request.NewDeadline, request.Reason));

        var helens = LastPostedText(HelensChat);
        Assert.Contains("Extension requested: CS 02", helens, StringComparison.Ordinal);
        Assert.Contains("Approve", helens, StringComparison.Ordinal);

        await PostAsync(Personal("message", "what's due"));
        Assert.Contains("due by 10 Nov 2026", CardsPostedTo()[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheStandingsTableDown_TheRequestAndItsDecisionAreKept_AndTheOutboxRunTakesThemIn()
    {
        await HelenInstallsAsync();
        var council = await new Storage.Catalogue.CatalogueStore(Storage.Tables).LoadAsync(default);
        var standings = new Storage.Standings.StandingStore(Storage.Tables);
        var service = council.FindMeasure(Cs02)!.ServiceCode;
        var before = await standings.GetAsync(service, Cs02, default);
        await Storage.Tables.Standings.DeleteAsync();

        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));
        Assert.Contains("Sent to Helen Price.", LastPostedText(), StringComparison.Ordinal);
        await HelenPressesAsync("approve", (await OnlyRequestAsync()).Id, "Fine.");

        Assert.Equal(ExtensionDecision.Approved, (await OnlyRequestAsync()).Decision);
        var outbox = new Storage.Outbox.OutboxStore(Storage.Tables);
        var marker = Assert.Single(await outbox.GetPendingAsync(DateTimeOffset.MaxValue, 10, default)); // one for both
        Assert.Equal(("extensions", Cs02, October), (marker.Refresh, marker.Measure, marker.Period));

        await Storage.Tables.Standings.CreateIfNotExistsAsync();
        Assert.True(await standings.TryWriteAsync(service, before!.Standing, null, default)); // back, as it was
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        var run = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Events.OutboxRun>(App.Services);
        Assert.Equal((1, 0), await run.RunOnceAsync(default));

        var stands = (await standings.GetAsync(service, Cs02, default))!.Standing;
        Assert.Equal(ExtensionDecision.Approved, Assert.Single(stands.ExtensionsFor(October)).Decision);
        Assert.Empty(await outbox.GetPendingAsync(DateTimeOffset.MaxValue, 10, default));
    }

    [Fact]
    public async Task Approval_MovesTheDeadline_TellsTheOwner_AndShowsOnEveryDecidersCard()
    {
        await HelenInstallsAsync();
        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));
        var request = await OnlyRequestAsync();

        var answer = CardOf(await HelenPressesAsync("approve", request.Id, "Agreed, this once."));

        Assert.Contains("Approved by Helen Price", answer, StringComparison.Ordinal);
        Assert.Contains("Decision recorded. Priya Shah told.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("decideExtension", answer, StringComparison.Ordinal);
        Assert.Equal(ExtensionDecision.Approved, (await OnlyRequestAsync()).Decision);

        var priyaHears = LastPostedText();
        Assert.Contains("Extension approved", priyaHears, StringComparison.Ordinal);
        Assert.Contains("The deadline is now Friday 13 November 2026. Note: Agreed, this once.", priyaHears, StringComparison.Ordinal);
        Assert.Contains(UpdatesIn(HelensChat), u => AllText(u.Body!.Value.GetProperty("attachments")[0].GetProperty("content")).Contains("Approved by Helen Price", StringComparison.Ordinal));

        await PostAsync(Personal("message", "what's due"));
        Assert.Contains("due by 13 Nov 2026", CardsPostedTo()[^1], StringComparison.Ordinal);
        await PostAsync(Personal("message", "my measures"));
        Assert.Contains("Oct 2026 due by 13 Nov 2026", CardsPostedTo()[^1], StringComparison.Ordinal);

        // Wednesday 11 Nov: CS 01 (due 10 Nov) is overdue; CS 02 is reminded against its new deadline instead.
        var before = CardsPostedTo().Count;
        Clock.MoveTo(UkTime.At(new DateOnly(2026, 11, 11), new TimeOnly(9, 30)));
        await Scan.RunAsync(default);
        var today = CardsPostedTo().Skip(before).ToList();
        Assert.Contains(today, c => c.Contains("**CS 01**", StringComparison.Ordinal) && c.Contains("Overdue", StringComparison.Ordinal));
        var cs02 = Assert.Single(today, c => c.Contains("**CS 02**", StringComparison.Ordinal));
        Assert.Contains("Reminder: your Oct 2026 update is due in 2 days", cs02, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterApproval_TheNewDeadlinesRemindersGoOnceEach_AndTheOldOnesDoNot()
    {
        static bool Cs02Card(string c) => c.Contains("**CS 02**", StringComparison.Ordinal);
        async Task<List<string>> ScanAtAsync(int day, int times = 1)
        {
            Clock.MoveTo(UkTime.At(new DateOnly(2026, 11, day), new TimeOnly(9, 30)));
            var before = CardsPostedTo().Count;
            for (var i = 0; i < times; i++)
            {
                await Scan.RunAsync(default);
            }

            return [.. CardsPostedTo().Skip(before).Where(Cs02Card)];
        }

        // Monday 9 Nov: the 3-day reminder for Tuesday's deadline (Saturday's moved to the working day).
        await InstallAsync();
        Assert.Contains("is due in 1 day", Assert.Single(await ScanAtAsync(9)), StringComparison.Ordinal);
        await HelenInstallsAsync();
        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));
        await HelenPressesAsync("approve", (await OnlyRequestAsync()).Id);

        // Tuesday 10 Nov, the old deadline: no "due today"; the new deadline's 3-day reminder instead, once.
        var tuesday = Assert.Single(await ScanAtAsync(10, times: 2));
        Assert.Contains("Reminder: your Oct 2026 update is due in 3 days", tuesday, StringComparison.Ordinal);
        Assert.Empty(await ScanAtAsync(11, times: 2)); // nothing overdue against the old deadline
        var friday = Assert.Single(await ScanAtAsync(13, times: 2));
        Assert.Contains("update is due today", friday, StringComparison.Ordinal);
        var monday = Assert.Single(await ScanAtAsync(16, times: 2));
        Assert.Contains("Overdue: your Oct 2026 update was due 3 days ago", monday, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_LeavesTheDeadline_AndTellsTheOwner()
    {
        await HelenInstallsAsync();
        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));

        await HelenPressesAsync("refuse", (await OnlyRequestAsync()).Id, "The October figure is needed for Cabinet.");

        Assert.Equal(ExtensionDecision.Refused, (await OnlyRequestAsync()).Decision);
        Assert.Contains("Refused by Helen Price", LastPostedText(), StringComparison.Ordinal);
        Assert.Contains("The deadline stays Tuesday 10 November 2026.", LastPostedText(), StringComparison.Ordinal);
        await PostAsync(Personal("message", "what's due"));
        Assert.Contains("due by 10 Nov 2026", CardsPostedTo()[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestIsDecidedOnce_ByADecider_WhoIsNotTheRequester()
    {
        await HelenInstallsAsync();
        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));
        var id = (await OnlyRequestAsync()).Id;

        // Priya is a decider, but not of her own request.
        Assert.Contains("You can't decide your own extension request", MessageOf(await PressAsync("decideExtension", new { measure = "CS 02", period = "FY2026-M07", extension = id, decision = "approve" })), StringComparison.Ordinal);

        // Sam is not a decider at all.
        Assert.Contains("Only Helen Price or Priya Shah can decide", MessageOf(await PressAsync("decideExtension", new { measure = "CS 02", period = "FY2026-M07", extension = id, decision = "approve" },
            aad: DemoPeople.SamTaylor.AadObjectId, conversation: SamsChat, user: "user-sam-taylor")), StringComparison.Ordinal);
        Assert.Equal(ExtensionDecision.Pending, (await OnlyRequestAsync()).Decision);

        await HelenPressesAsync("refuse", id);
        var again = CardOf(await HelenPressesAsync("approve", id));
        Assert.Contains("This request was already refused by Helen Price; nothing was changed.", again, StringComparison.Ordinal);
        Assert.Equal(ExtensionDecision.Refused, (await OnlyRequestAsync()).Decision);
    }

    [Fact]
    public async Task SixDecidersPressingAtOnce_OneDecisionIsKept()
    {
        await HelenInstallsAsync();
        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));
        var id = (await OnlyRequestAsync()).Id;

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => HelenPressesAsync(i % 2 == 0 ? "approve" : "refuse", id)));

        Assert.Single(answers, a => CardOf(a).Contains("Decision recorded.", StringComparison.Ordinal));
        var stored = await OnlyRequestAsync();
        Assert.NotEqual(ExtensionDecision.Pending, stored.Decision);
        Assert.Single(CardsPostedTo(), c => c.Contains("Extension approved", StringComparison.Ordinal) || c.Contains("Extension refused", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I need until Friday for CS 02", "Give a reason below")]
    [InlineData("I need until the cows come home for CS 02 because the report is late", "I couldn't read \"the cows come home\" as a day.")]
    [InlineData("I need until 20 February for CS 02 because of the audit", "The latest deadline that can be agreed is 9 Jan 2027")]
    [InlineData("I need until Monday for CS 02 because it's late", "The new deadline must be after the current one (10 Nov 2026).")]
    public async Task AnIncompleteRequest_ComesBackAsTheForm_AndNothingIsSent(string typed, string problem)
    {
        await HelenInstallsAsync();

        await PostAsync(Personal("message", typed));

        var form = LastPostedText();
        Assert.Contains("Ask for more time", form, StringComparison.Ordinal);
        Assert.Contains(problem, form, StringComparison.Ordinal);
        Assert.Empty(await Results.GetExtensionsAsync(Cs02, October, default));
        Assert.DoesNotContain(CardsPostedTo(HelensChat), c => c.Contains("Extension requested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheForm_SendsTheRequest_AndKeepsWhatWasTypedWhenSomethingIsMissing()
    {
        await HelenInstallsAsync();
        var missing = RawCardOf(await PressAsync("requestExtension", new { measure = "CS 02", period = "FY2026-M07", newDeadline = "2026-11-16", reason = " " }));
        Assert.Equal("2026-11-16", InputOn(missing, "newDeadline")!.Value.GetProperty("value").GetString());
        Assert.Contains("Give a reason", AllText(missing), StringComparison.Ordinal);
        Assert.Empty(await Results.GetExtensionsAsync(Cs02, October, default));

        var sent = CardOf(await PressAsync("requestExtension", new { measure = "CS 02", period = "FY2026-M07", newDeadline = "2026-11-16", reason = "Telephony report late" }));

        Assert.Contains("Sent to Helen Price.", sent, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 16), (await OnlyRequestAsync()).NewDeadline);
    }

    [Fact]
    public async Task ASecondRequestWhileOneIsPending_IsNotSent()
    {
        await HelenInstallsAsync();
        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));

        await PostAsync(Personal("message", "I need until Monday 16 Nov for CS 02 because it is later still"));

        Assert.Contains("There is already a request for CS 02 Oct 2026 waiting for a decision", LastPostedText(), StringComparison.Ordinal);
        await OnlyRequestAsync();
        Assert.Single(CardsPostedTo(HelensChat), c => c.Contains("Extension requested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneElsesMeasure_OrAStranger_IsRefused()
    {
        await PostAsync(Personal("message", "I need until Friday for NI 192 because the weighbridge is down"));
        Assert.Contains("NI 192 isn't one of yours to update", LastPostedText(), StringComparison.Ordinal);

        await PostAsync(Personal("message", "I need until Friday for CS 02 because", aad: "00000000-0000-0000-0000-00000000dead", conversation: "stranger", user: "stranger"));
        Assert.Contains("I can't find you in the council's performance catalogue", LastPostedText("stranger"), StringComparison.Ordinal);
        Assert.Empty(await Results.GetExtensionsAsync(MeasureReference.Parse("NI 192"), ReportingPeriod.Parse("FY2026-Q2"), default));
        Assert.Empty(await Results.GetExtensionsAsync(Cs02, October, default));
    }

    [Fact]
    public async Task ADeciderWhoHasNotInstalled_GetsTheRequestOnceTheyDo()
    {
        await PostAsync(Personal("message", "I need until Friday for CS 02 because the telephony report is late"));
        Assert.Contains("Helen Price can't get PmfBot cards yet", LastPostedText(), StringComparison.Ordinal);

        await HelenInstallsAsync();
        await Scan.RunAsync(default);
        await Scan.RunAsync(default);

        Assert.Single(CardsPostedTo(HelensChat), c => c.Contains("Extension requested: CS 02", StringComparison.Ordinal));
    }
}
