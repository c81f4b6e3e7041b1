using PmfBot.Storage.Conversations;

namespace PmfBot.Storage.Tests;

public class ConversationStoreTests : StorageTestBase
{
    private static readonly StoredConversation Personal = new(
        "https://smba.trafficmanager.net/uk/", "a:1abc", "tenant-1", "28:bot", "personal", "29:user", "AAD-Sam", null, null,
        ConversationState.Active, DateTimeOffset.Parse("2026-10-01T09:00Z"));

    private static readonly StoredConversation Channel = new(
        "https://smba.trafficmanager.net/uk/", "19:general@thread.tacv2", "tenant-1", "28:bot", "channel", null, null, "19:team@thread.tacv2", "19:general@thread.tacv2",
        ConversationState.Active, DateTimeOffset.Parse("2026-10-01T09:00Z"));

    [Fact]
    public async Task SaveAsync_Personal_FoundByAadObjectIdInAnyCase()
    {
        var store = new ConversationStore(Storage.Tables);
        await store.SaveAsync(Personal, default);

        Assert.Equal(Personal, await store.GetPersonalAsync("aad-sam", default));
        Assert.Null(await store.GetPersonalAsync("someone-else", default));
    }

    [Fact]
    public async Task SaveAsync_Again_RefreshesTheServiceUrl()
    {
        var store = new ConversationStore(Storage.Tables);
        await store.SaveAsync(Personal, default);
        var moved = Personal with { ServiceUrl = "https://smba.trafficmanager.net/emea/", UpdatedAt = Personal.UpdatedAt.AddDays(1) };

        await store.SaveAsync(moved, default);

        Assert.Equal(moved, await store.GetPersonalAsync("AAD-Sam", default));
    }

    [Fact]
    public async Task MarkGoneAsync_KeepsTheReferenceButNotActive()
    {
        var store = new ConversationStore(Storage.Tables);
        await store.SaveAsync(Channel, default);

        await store.MarkGoneAsync(Channel, DateTimeOffset.Parse("2026-11-01T09:00Z"), default);

        var stored = await store.GetChannelAsync(Channel.TeamId!, Channel.ChannelId!, default);
        Assert.Equal(ConversationState.Gone, stored!.State);
        Assert.Equal(Channel.ConversationId, stored.ConversationId);
    }

    [Fact]
    public async Task TryClaimWelcome_OnceOnly_UntilCleared()
    {
        var store = new ConversationStore(Storage.Tables);

        var claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.TryClaimWelcomeAsync(Personal, default))); // at once, as Teams' install events come

        Assert.Equal(1, claims.Count(c => c));
        await store.ClearWelcomeAsync(Personal, default);
        Assert.True(await store.TryClaimWelcomeAsync(Personal, default));
    }

    [Fact]
    public async Task ClearWelcome_WhenNeverClaimed_IsFine()
    {
        var store = new ConversationStore(Storage.Tables);

        await store.ClearWelcomeAsync(Channel, default);

        Assert.True(await store.TryClaimWelcomeAsync(Channel, default));
        Assert.True(await store.TryClaimWelcomeAsync(Personal, default)); // a person's welcome and a channel's are separate
    }

    [Fact]
    public async Task SaveAsync_PersonalWithoutAadObjectId_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new ConversationStore(Storage.Tables).SaveAsync(Personal with { AadObjectId = null }, default));
}
