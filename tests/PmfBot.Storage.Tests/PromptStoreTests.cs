using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Prompts;

namespace PmfBot.Storage.Tests;

public class PromptStoreTests : StorageTestBase
{
    private static readonly MeasureReference Cs02 = MeasureReference.Parse("CS 02");
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");
    private static readonly PersonId Priya = PersonId.Parse("priya.shah@northmere.gov.uk");
    private static readonly DateTimeOffset Nine = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private PromptStore Store => new(Storage.Tables);

    private Task<PromptClaim?> ClaimAsync(string claimant, DateTimeOffset at, string step = "prompt", int maxAttempts = 3) =>
        Store.TryClaimAsync(Cs02, October, step, Priya, new ClaimTerms(claimant, at, Lease, maxAttempts), default);

    [Fact]
    public async Task ManyClaimantsAtOnce_ExactlyOneWins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => ClaimAsync($"instance-{i}", Nine)));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task ASentStep_IsNeverClaimedAgain_EvenLongAfter()
    {
        var claim = (await ClaimAsync("a", Nine))!;
        Assert.True(await Store.RecordOutcomeAsync(claim, claim.Record with { State = PromptState.Sent, ActivityId = "1" }, default));

        Assert.Null(await ClaimAsync("b", Nine.AddDays(3)));
    }

    [Fact]
    public async Task AClaimLeftUnfinished_IsTakenOverOnlyAfterItsLease()
    {
        var crashed = (await ClaimAsync("a", Nine))!; // instance a dies before sending

        Assert.Null(await ClaimAsync("b", Nine + Lease - TimeSpan.FromSeconds(1)));
        var takeover = await ClaimAsync("b", Nine + Lease);

        Assert.NotNull(takeover);
        Assert.Equal(("b", 2), (takeover.Record.ClaimedBy, takeover.Record.Attempts));
        Assert.False(await Store.RecordOutcomeAsync(crashed, crashed.Record with { State = PromptState.Sent }, default)); // a's late outcome cannot overwrite b's claim
    }

    [Fact]
    public async Task AClaimMadeBeforeANewLeadersTenure_IsResumedAtOnce_ButNotOneMadeDuringIt()
    {
        var oldLeaders = (await ClaimAsync("old-leader", Nine))!; // the old leader died with this queued
        var tenureBegan = Nine.AddSeconds(20);

        var resumed = await Store.TryClaimAsync(Cs02, October, "prompt", Priya, new ClaimTerms("new-leader", tenureBegan.AddSeconds(1), Lease, 3, AbandonedBefore: tenureBegan), default);
        Assert.NotNull(resumed);
        Assert.Equal("new-leader", resumed.Record.ClaimedBy);
        Assert.False(await Store.RecordOutcomeAsync(oldLeaders, oldLeaders.Record with { State = PromptState.Sent }, default));

        // A claim the new leader's tenure already covers is protected by its lease as before.
        var during = (await ClaimAsync("new-leader", tenureBegan.AddSeconds(2), step: "reminder-3"))!;
        Assert.Null(await Store.TryClaimAsync(Cs02, October, "reminder-3", Priya, new ClaimTerms("other", tenureBegan.AddSeconds(3), Lease, 3, AbandonedBefore: tenureBegan), default));
        Assert.Equal(PromptState.Claimed, during.Record.State);
    }

    [Fact]
    public async Task AFailedStep_IsRetried_UntilItsAttemptsRunOut()
    {
        var claim = (await ClaimAsync("a", Nine, maxAttempts: 2))!;
        await Store.RecordOutcomeAsync(claim, claim.Record with { State = PromptState.Failed, Note = "503" }, default);

        var second = (await ClaimAsync("a", Nine.AddMinutes(5), maxAttempts: 2))!;
        await Store.RecordOutcomeAsync(second, second.Record with { State = PromptState.Failed, Note = "503" }, default);

        Assert.Null(await ClaimAsync("a", Nine.AddMinutes(10), maxAttempts: 2));
    }

    [Fact]
    public async Task WaitingForInstall_IsListedForThePerformanceTeam_AndTriedAgainWithoutCountingAsAFailure()
    {
        var claim = (await ClaimAsync("a", Nine))!;
        await Store.RecordOutcomeAsync(claim, claim.Record with { State = PromptState.WaitingForInstall }, default);

        var waiting = await Store.GetInStateAsync(PromptState.WaitingForInstall, default);
        Assert.Equal(((PromptSubject)Cs02, October, Priya), (waiting.Single().Subject, waiting.Single().Period, waiting.Single().Recipient));

        var retry = await ClaimAsync("a", Nine.AddMinutes(5));
        Assert.Equal(1, retry!.Record.Attempts); // waiting is not a failure
    }

    [Fact]
    public async Task WaitingForInstall_Rests_UntilTheRecipientCanBeReached_OrItsRestIsOver()
    {
        var rest = TimeSpan.FromHours(6);
        Task<PromptClaim?> ClaimAsync(DateTimeOffset at, bool reachable, List<DateTimeOffset>? asked = null) =>
            Store.TryClaimAsync(
                Cs02, October, "prompt", Priya, new ClaimTerms("a", at, Lease, 3, RetryWaitingEvery: rest), default,
                _ =>
                {
                    asked?.Add(at);
                    return Task.FromResult(reachable);
                });
        async Task WaitAsync(PromptClaim claim) =>
            await Store.RecordOutcomeAsync(claim, claim.Record with { State = PromptState.WaitingForInstall }, default);

        var asked = new List<DateTimeOffset>();
        var first = (await ClaimAsync(Nine, reachable: false, asked))!;
        Assert.Empty(asked); // a fresh claim asks nothing
        await WaitAsync(first);

        Assert.Null(await ClaimAsync(Nine.AddMinutes(5), reachable: false, asked)); // the next scan: still nobody there
        Assert.Equal([Nine.AddMinutes(5)], asked);
        var installed = await ClaimAsync(Nine.AddMinutes(10), reachable: true);
        Assert.NotNull(installed); // they opened PmfBot: sent at once

        await WaitAsync(installed);
        Assert.Null(await ClaimAsync(Nine.AddMinutes(10) + rest - TimeSpan.FromMinutes(1), reachable: false));
        Assert.NotNull(await ClaimAsync(Nine.AddMinutes(10) + rest, reachable: false)); // rested: tried again
    }

    [Fact]
    public async Task EveryStepOfAPeriod_IsOneRead_ForUpdatingTheCardsInPlace()
    {
        foreach (var (step, id) in new[] { ("prompt", "m1"), ("reminder-3", "m2") })
        {
            var claim = (await ClaimAsync("a", Nine, step))!;
            await Store.RecordOutcomeAsync(claim, claim.Record with { State = PromptState.Sent, ActivityId = id, ConversationId = "personal-chat-priya", ServiceUrl = "http://127.0.0.1:1/" }, default);
        }

        await Store.TryClaimAsync(Cs02, October.Next, "prompt", Priya, new ClaimTerms("a", Nine, Lease, 3), default);

        var sent = await Store.GetForPeriodAsync(Cs02, October, default);
        Assert.Equal(["m1", "m2"], sent.Select(s => s.ActivityId).Order());
    }
}
