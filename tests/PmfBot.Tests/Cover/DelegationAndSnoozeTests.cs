using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Storage.Cover;
using PmfBot.Storage.Results;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Cover;

/// <summary>
/// Delegation until a date (prompts go to the delegate, the owner stays accountable and sees the
/// answer) and "snooze until Monday" (never past a deadline). As of Saturday 7 Nov 2026, Priya
/// owes CS 01, CS 02 and IG 01 for October (due Tuesday 10 Nov) and HR 01 for Q2 (overdue).
/// </summary>
public class DelegationAndSnoozeTests : UpdateCycleHost
{
    private const string FionasChat = "personal-chat-fiona";

    private static string FionasAad => DemoPeople.FionaGrant.AadObjectId!;

    private CoverStore Cover => new(Storage.Tables);

    private Task FionaInstallsAsync() => InstallAsync(FionasChat, FionasAad, "user-fiona-grant");

    private async Task MoveToAsync(int day, int hour = 9)
    {
        Clock.MoveTo(UkTime.At(new DateOnly(2026, 11, day), new TimeOnly(hour, 0)));
        await Scan.RunAsync(default);
    }

    [Fact]
    public async Task ADelegate_GetsThePrompts_EntersTheFigure_AndTheOwnerSeesIt()
    {
        await InstallAsync();
        await FionaInstallsAsync();

        await PostAsync(Personal("message", "delegate CS 02 to Fiona Grant until 20 Nov"));

        Assert.Contains("Done: Fiona Grant covers CS 02 until Friday 20 November 2026.", LastPostedText(), StringComparison.Ordinal);
        Assert.Contains("Priya Shah has asked you to cover CS 02", LastPostedText(FionasChat), StringComparison.Ordinal);

        await Scan.RunAsync(default);
        Assert.Contains(CardsPostedTo(FionasChat), c => c.Contains("**CS 02**", StringComparison.Ordinal) && c.Contains("update is due", StringComparison.Ordinal));
        Assert.DoesNotContain(CardsPostedTo(), c => c.Contains("**CS 02**", StringComparison.Ordinal));
        Assert.Contains(CardsPostedTo(), c => c.Contains("**CS 01**", StringComparison.Ordinal)); // not delegated: still Priya's

        var recorded = CardOf(await PressAsync("submitUpdate", new { measure = "CS 02", period = "FY2026-M07", value = "82", commentary = "Extra staff on the phones." },
            aad: FionasAad, conversation: FionasChat, user: "user-fiona-grant"));
        Assert.Contains("Recorded: 82.0%", recorded, StringComparison.Ordinal);
        Assert.Equal(DemoPeople.FionaGrant.Id, (await new ResultStore(Storage.Tables).GetAsync(MeasureReference.Parse("CS 02"), ReportingPeriod.Parse("FY2026-M07"), default))!.RecordedBy);
        var copy = LastPostedText();
        Assert.Contains("Fiona Grant entered CS 02's Oct 2026 figure for you", copy, StringComparison.Ordinal);
        Assert.Contains("Recorded: 82.0%", copy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppingADelegation_SendsPromptsBackToTheOwner_AndTheDelegateMayNoLongerEnterFigures()
    {
        await FionaInstallsAsync();
        await PostAsync(Personal("message", "delegate all my measures to Fiona until Friday"));
        Assert.Contains("Done: Fiona Grant covers all your measures (CS 01, CS 02, HR 01, IG 01) until Friday 13 November 2026.", LastPostedText(), StringComparison.Ordinal);

        await PostAsync(Personal("message", "my delegations"));
        Assert.Contains("all measures covered by **Fiona Grant** until Friday 13 November 2026", LastPostedText(), StringComparison.Ordinal);

        await PostAsync(Personal("message", "stop delegating"));
        Assert.Contains("Ended: all measures covered by Fiona Grant.", LastPostedText(), StringComparison.Ordinal);

        var refused = MessageOf(await PressAsync("submitUpdate", new { measure = "CS 02", period = "FY2026-M07", value = "82", commentary = "x" },
            aad: FionasAad, conversation: FionasChat, user: "user-fiona-grant"));
        Assert.Contains("CS 02 is updated by Priya Shah, its owner", refused, StringComparison.Ordinal);
        Assert.Null(await new ResultStore(Storage.Tables).GetAsync(MeasureReference.Parse("CS 02"), ReportingPeriod.Parse("FY2026-M07"), default));
    }

    [Theory]
    [InlineData("delegate CS 02 to Priya Shah until Friday", "You can't delegate to yourself.")]
    [InlineData("delegate CS 02 to Bob until Friday", "I can't find \"Bob\" in the catalogue.")]
    [InlineData("delegate NI 192 to Fiona until Friday", "NI 192 is owned by Sam Taylor, so only they can delegate it.")]
    [InlineData("delegate CS 02 to Fiona until whenever", "I couldn't read \"whenever\" as a day.")]
    [InlineData("delegate CS 02 to Fiona until 1 Nov 2026", "That day (1 Nov 2026) has passed")]
    public async Task AnUnclearDelegation_IsRefused_AndNothingIsStored(string typed, string message)
    {
        await PostAsync(Personal("message", typed));

        Assert.Contains(message, LastPostedText(), StringComparison.Ordinal);
        Assert.Empty(await Cover.GetDelegationsInForceAsync(new DateOnly(2026, 11, 7), default));
    }

    [Fact]
    public async Task ASnooze_HoldsReminders_UntilTheDeadlineDay()
    {
        await InstallAsync();

        await PostAsync(Personal("message", "snooze until Thursday"));
        var reply = LastPostedText();
        Assert.Contains("Snoozed: no reminders for any of your measures until Thursday 12 November 2026.", reply, StringComparison.Ordinal);
        Assert.True(reply.Contains("I'll still send the card on the deadline day for CS 01 (10 Nov 2026), CS 02 (10 Nov 2026), FI 01 (10 Nov 2026), IG 01 (10 Nov 2026), and anything overdue.", StringComparison.Ordinal), reply);

        await Scan.RunAsync(default); // Saturday: October's first prompts wait; HR 01 is overdue, so it comes
        var saturday = CardsPostedTo().Skip(1).ToList();
        Assert.Contains(saturday, c => c.Contains("**HR 01**", StringComparison.Ordinal));
        Assert.DoesNotContain(saturday, c => c.Contains("**CS 02**", StringComparison.Ordinal));

        var before = CardsPostedTo().Count;
        await MoveToAsync(9); // Monday's reminder waits too
        Assert.DoesNotContain(CardsPostedTo().Skip(before), c => c.Contains("**CS 02**", StringComparison.Ordinal));

        await MoveToAsync(10); // the deadline day: the card comes, snooze or not
        Assert.Contains(CardsPostedTo().Skip(before), c => c.Contains("**CS 02**", StringComparison.Ordinal) && c.Contains("due today", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SnoozingOneMeasure_LeavesTheOthers()
    {
        await InstallAsync();

        await PostAsync(Personal("message", "snooze CS 02 until Monday"));
        await Scan.RunAsync(default);

        Assert.Contains(CardsPostedTo(), c => c.Contains("**CS 01**", StringComparison.Ordinal));
        Assert.DoesNotContain(CardsPostedTo(), c => c.Contains("**CS 02**", StringComparison.Ordinal));
        await MoveToAsync(9);
        Assert.Contains(CardsPostedTo(), c => c.Contains("**CS 02**", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("snooze", "Until when?")]
    [InlineData("snooze NI 192 until Monday", "\"NI 192\" isn't one of your measures.")]
    [InlineData("snooze until 1 Jan 2027", "A snooze can run for 31 days at most.")]
    public async Task AnUnclearSnooze_IsRefused_AndNothingIsStored(string typed, string message)
    {
        await PostAsync(Personal("message", typed));

        Assert.Contains(message, LastPostedText(), StringComparison.Ordinal);
        Assert.Empty(await Cover.GetSnoozesInForceAsync(new DateOnly(2026, 11, 7), default));
    }
}
