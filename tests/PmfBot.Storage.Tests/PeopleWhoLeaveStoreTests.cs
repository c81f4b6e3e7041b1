using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;
using PmfBot.Domain.People;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.Cover;
using PmfBot.Storage.People;

namespace PmfBot.Storage.Tests;

/// <summary>What the stores do when someone leaves: recorded once, told once, their chat and cover gone.</summary>
public class PeopleWhoLeaveStoreTests : StorageTestBase
{
    private static readonly PersonId Sam = PersonId.Parse("sam.taylor@northmere.gov.uk");
    private static readonly PersonId Helen = PersonId.Parse("helen.price@northmere.gov.uk");
    private static readonly PersonId Fiona = PersonId.Parse("fiona.grant@northmere.gov.uk");
    private static readonly PersonId Chris = PersonId.Parse("chris.evans@northmere.gov.uk");
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-07T09:00Z");
    private static readonly DateOnly Today = new(2026, 11, 7);

    private static Leaver SamLeft => new(Sam, "Sam Taylor", At, LeavingReason.AccountDisabled, []);

    [Fact]
    public async Task ALeaver_IsRecordedOnce_TheFirstRecordStands_AndReadsBackWhole()
    {
        var store = new LeaverStore(Storage.Tables);

        Assert.True(await store.TryAddAsync(SamLeft, default));
        Assert.False(await store.TryAddAsync(SamLeft with { Why = LeavingReason.RemovedFromDirectory }, default));

        Assert.Equal(LeavingReason.AccountDisabled, (await store.GetAsync(Sam, default))!.Why);
        var all = await store.GetAllAsync(default);
        Assert.Equal((Sam, "Sam Taylor", At), (all[Sam].Person, all[Sam].Name, all[Sam].NoticedAt));
        await store.DeleteAsync(Sam, default);
        Assert.Null(await store.GetAsync(Sam, default));
    }

    [Fact]
    public async Task ManyRunsClaimingOneNotice_ExactlyOneWins_AndAReleasedClaimCanBeWonAgain()
    {
        var store = new LeaverStore(Storage.Tables);
        await store.TryAddAsync(SamLeft, default);

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => store.TryClaimNoticeAsync(Sam, Helen, default))
        );
        Assert.Single(claims, won => won);
        Assert.True(await store.TryClaimNoticeAsync(Sam, Fiona, default)); // another member's notice is its own
        Assert.Equal([Helen, Fiona], (await store.GetAsync(Sam, default))!.ToldTo);

        await store.ReleaseNoticeAsync(Sam, Helen, default);
        Assert.Equal([Fiona], (await store.GetAsync(Sam, default))!.ToldTo);
        Assert.True(await store.TryClaimNoticeAsync(Sam, Helen, default));
    }

    [Fact]
    public async Task ForgettingAPerson_DeletesTheirChatAndWelcome_AndNobodyElses()
    {
        var store = new ConversationStore(Storage.Tables);
        StoredConversation Chat(string aad) =>
            new(
                "https://smba.trafficmanager.net/uk/",
                "a:" + aad,
                "tenant-1",
                "28:bot",
                "personal",
                "29:" + aad,
                aad,
                null,
                null,
                ConversationState.Active,
                At
            );
        await store.SaveAsync(Chat("AAD-Sam"), default);
        await store.SaveAsync(Chat("AAD-Helen"), default);
        Assert.True(await store.TryClaimWelcomeAsync(Chat("AAD-Sam"), default));

        Assert.Equal(2, await store.ForgetPersonAsync("aad-sam", default));

        Assert.Null(await store.GetPersonalAsync("AAD-Sam", default));
        Assert.NotNull(await store.GetPersonalAsync("AAD-Helen", default));
        Assert.Equal(0, await store.ForgetPersonAsync("aad-sam", default));
    }

    [Fact]
    public async Task EndingCoverInvolvingSomeone_EndsWhatTheyGaveAndHeld_DropsTheirSnoozes_AndLeavesTheRest()
    {
        var store = new CoverStore(Storage.Tables);
        await store.AddAsync(new Delegation("gave00000001", Sam, Chris, null, Today.AddDays(10), At), default);
        await store.AddAsync(new Delegation("held00000001", Fiona, Sam, null, Today.AddDays(10), At), default);
        await store.AddAsync(new Delegation("others000001", Chris, Fiona, null, Today.AddDays(10), At), default);
        await store.SnoozeAsync(new Snooze(Sam, null, Today.AddDays(3), At), default);
        await store.SnoozeAsync(new Snooze(Fiona, null, Today.AddDays(3), At), default);

        var ended = await store.EndInvolvingAsync(Sam, Today, default);

        Assert.Equal(["gave00000001", "held00000001"], ended.Select(d => d.Id).Order());
        Assert.All(ended, d => Assert.Equal(Today.AddDays(-1), d.Until));
        Assert.Equal(["others000001"], (await store.GetDelegationsInForceAsync(Today, default)).Select(d => d.Id));
        Assert.Equal([Fiona], (await store.GetSnoozesInForceAsync(Today, default)).Select(s => s.Person));
    }

    [Fact]
    public async Task DeletingCoverEndedBeforeADay_KeepsWhatEndedOnItOrLater()
    {
        var store = new CoverStore(Storage.Tables);
        await store.AddAsync(new Delegation("before000001", Sam, Chris, null, Today.AddDays(-1), At), default);
        await store.AddAsync(new Delegation("onthedaytoo1", Sam, Chris, null, Today, At), default);
        await store.SnoozeAsync(new Snooze(Fiona, null, Today.AddDays(-2), At), default);

        Assert.Equal(2, await store.DeleteEndedBeforeAsync(Today, default));

        Assert.Equal(
            ["onthedaytoo1"],
            (await store.GetDelegationsInForceAsync(Today.AddDays(-30), default)).Select(d => d.Id)
        );
    }
}
