using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot;
using PmfBot.Storage.Conversations;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Schema;
using PmfBot.Testing;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Tests.Host;

/// <summary>Proactive messages through the host's real services, Azurite and the fake connector.</summary>
public class ProactiveMessengerTests : StorageTestBase, IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private WebApplication _app = null!;

    private ProactiveMessenger Messenger => _app.Services.GetRequiredService<ProactiveMessenger>();

    private ConversationStore Conversations => new(Storage.Tables);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _connector = await FakeConnector.StartAsync();
        _app = PmfBotHost.Build(LoopbackHost.Args(Settings, "--Connector:MaxRetryAfter", "00:00:00"));
        await _app.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await DisposeAsync();
    }

    private async Task<StoredConversation> StoredChatAsync(string aad = "aad-sam")
    {
        var chat = new StoredConversation(
            _connector.ServiceUrl,
            $"a:chat-{aad}",
            "tenant-1",
            "28:bot",
            "personal",
            "29:sam",
            aad,
            null,
            null,
            ConversationState.Active,
            DateTimeOffset.UtcNow
        );
        await Conversations.SaveAsync(chat, default);
        return chat;
    }

    private static Activity Prompt =>
        new() { Type = ActivityTypes.Message, Text = "Your update for NI 192, Q2 2026/27, is due by 10 Oct." };

    [Fact]
    public async Task Send_ToSomeoneWhoHasTalkedToTheBot_IsDelivered()
    {
        var chat = await StoredChatAsync();

        var outcome = await Messenger.SendToPersonAsync("aad-sam", Prompt, "NI 192|FY2026-Q2|prompt", default);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        var call = Assert.Single(_connector.CallsTo(chat.ConversationId));
        // where, for updates in place
        Assert.Equal(("activity-1", chat.ConversationId), (sent.ActivityId, sent.ConversationId));
        Assert.Equal(
            "Your update for NI 192, Q2 2026/27, is due by 10 Oct.",
            call.Body!.Value.GetProperty("text").GetString()
        );
        Assert.Equal("28:bot", call.Body.Value.GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Send_ToSomeoneWithNoConversation_SaysSo_AndSendsNothing()
    {
        var outcome = await Messenger.SendToPersonAsync("aad-never-installed", Prompt, "k", default);

        Assert.IsType<SendOutcome.NoConversation>(outcome);
        Assert.Empty(_connector.Calls);
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(404, "ConversationNotFound")]
    public async Task RecipientGone_MarksTheConversationUnusable_AndStopsSending(int status, string code)
    {
        await StoredChatAsync();
        _connector.FailNext(status, code);

        var first = await Messenger.SendToPersonAsync("aad-sam", Prompt, "k", default);
        var second = await Messenger.SendToPersonAsync("aad-sam", Prompt, "k", default);

        Assert.Equal(new SendOutcome.RecipientGone(status, code), first);
        Assert.IsType<SendOutcome.RecipientGone>(second);
        Assert.Single(_connector.Calls); // the second was never attempted
        Assert.Equal(ConversationState.Gone, (await Conversations.GetPersonalAsync("aad-sam", default))!.State);
    }

    [Fact]
    public async Task RecipientGone_ThenTheyInstallAgain_SendingResumes()
    {
        var chat = await StoredChatAsync();
        _connector.FailNext(403, "BotNotInConversationRoster");
        await Messenger.SendToPersonAsync("aad-sam", Prompt, "k", default);

        // Their next install is captured by the turn handler (tested in TurnTests); here, the same capture.
        await Conversations.SaveAsync(chat with { UpdatedAt = DateTimeOffset.UtcNow }, default);
        var outcome = await Messenger.SendToPersonAsync("aad-sam", Prompt, "k", default);

        Assert.IsType<SendOutcome.Sent>(outcome);
    }
}
