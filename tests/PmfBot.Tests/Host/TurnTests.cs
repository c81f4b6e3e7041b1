using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using PmfBot.Features.Demo;
using PmfBot.Storage.Conversations;
using PmfBot.Testing;

namespace PmfBot.Tests.Host;

/// <summary>
/// Turns through the real host: activities posted to /api/messages as the Playground posts them
/// (no token, local mode), answers caught by a fake connector standing in for Teams.
/// </summary>
public class TurnTests : StorageTestBase, IAsyncLifetime
{
    private const string Tenant = "7d1b3c52-9a4e-4c1f-8e2a-6b5d0c3a9f10";
    private const string BotId = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05";

    private FakeConnector _connector = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _connector = await FakeConnector.StartAsync();
        _app = PmfBotHost.Build(LoopbackHost.Args(Settings, "--Demo:SeedOnStart", "true", "--Demo:AsOf", "2026-11-22"));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = _app.Address() };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await DisposeAsync();
    }

    private static string Priya => DemoPeople.PriyaShah.AadObjectId!;

    private async Task<HttpResponseMessage> PostAsync(object activity) =>
        await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"));

    private object Personal(string type, string? text = null, string aad = "", object? value = null, string? name = null, string? action = null) => new
    {
        type,
        id = Guid.NewGuid().ToString("N"),
        name,
        action,
        text,
        value,
        channelId = "msteams",
        serviceUrl = _connector.ServiceUrl,
        from = new { id = "user-priya-shah", name = "Priya Shah", aadObjectId = aad.Length == 0 ? Priya : aad },
        recipient = new { id = BotId, name = "PmfBot" },
        conversation = new { id = "personal-chat-priya", conversationType = "personal", tenantId = Tenant },
        channelData = new { tenant = new { id = Tenant } },
    };

    private JsonElement LastCard(string conversation = "personal-chat-priya")
    {
        var call = _connector.CallsTo(conversation)[^1];
        return call.Body!.Value.GetProperty("attachments")[0].GetProperty("content");
    }

    /// <summary>The card's JSON with nothing escaped, to look for what a person would read.</summary>
    private static string AllText(JsonElement card) => JsonSerializer.Serialize(card, Unescaped);

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Install_WelcomesByName_OnceOnly_AndKeepsTheConversation()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Personal("installationUpdate", action: "add"))).StatusCode);
        await PostAsync(Personal("installationUpdate", action: "add")); // the Playground sends this on every page load

        var calls = _connector.CallsTo("personal-chat-priya");
        Assert.Single(calls);
        var card = LastCard();
        Assert.Contains("Hello Priya, I'm PmfBot.", AllText(card), StringComparison.Ordinal);
        Assert.Contains("You update **5** measures.", AllText(card), StringComparison.Ordinal); // owns CS 01, CS 02, IG 01, HR 01; delegate for FI 01
        var stored = await new ConversationStore(Storage.Tables).GetPersonalAsync(Priya, default);
        Assert.Equal((_connector.ServiceUrl, "personal-chat-priya", ConversationState.Active), (stored!.ServiceUrl, stored.ConversationId, stored.State));
    }

    [Fact]
    public async Task InstallInAChannel_WelcomesTheChannel_NotWhoeverAddedIt()
    {
        var activity = new
        {
            type = "installationUpdate",
            action = "add",
            id = "f:team-install",
            channelId = "msteams",
            serviceUrl = _connector.ServiceUrl,
            from = new { id = "user-priya-shah", aadObjectId = Priya },
            recipient = new { id = BotId, name = "PmfBot" },
            conversation = new { id = "channel-performance", conversationType = "channel", tenantId = Tenant },
            channelData = new { tenant = new { id = Tenant }, team = new { id = "team-management", name = "Management" }, channel = new { id = "channel-performance" } },
        };

        await PostAsync(activity);

        var card = AllText(_connector.Calls.Single(c => c.Method == "POST").Body!.Value.GetProperty("attachments")[0].GetProperty("content"));
        Assert.Contains("Hello everyone in Management, I'm PmfBot.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", card, StringComparison.Ordinal);
        Assert.DoesNotContain("You update", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallEventsArrivingTogether_WelcomeOnce()
    {
        // Teams (and the Playground) send conversationUpdate and installationUpdate for one install at about the same moment.
        await Task.WhenAll(
            PostAsync(Personal("conversationUpdate")),
            PostAsync(Personal("installationUpdate", action: "add")),
            PostAsync(Personal("installationUpdate", action: "add")));

        Assert.Single(_connector.CallsTo("personal-chat-priya"));
    }

    [Fact]
    public async Task Uninstall_MarksTheConversationGone_AndReinstallWelcomesAgain()
    {
        await PostAsync(Personal("installationUpdate", action: "add"));
        await PostAsync(Personal("installationUpdate", action: "remove"));
        Assert.Equal(ConversationState.Gone, (await new ConversationStore(Storage.Tables).GetPersonalAsync(Priya, default))!.State);

        await PostAsync(Personal("installationUpdate", action: "add"));

        Assert.Equal(2, _connector.CallsTo("personal-chat-priya").Count);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("  Help! ")]
    [InlineData("what can you do?")]
    public async Task Help_AnswersWithTheHelpCard(string text)
    {
        await PostAsync(Personal("message", text));

        Assert.Contains("What you can ask me", AllText(LastCard()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyMeasures_ListsTheMeasuresThePersonUpdates_WithStatusAndWhatIsDue()
    {
        await PostAsync(Personal("message", "my measures"));

        var card = AllText(LastCard());
        Assert.Contains("Your measures (5)", card, StringComparison.Ordinal);
        foreach (var reference in new[] { "CS 01", "CS 02", "IG 01", "HR 01", "FI 01" })
        {
            Assert.Contains($"**{reference}**", card, StringComparison.Ordinal);
        }

        Assert.Contains("(delegate)", card, StringComparison.Ordinal);
        Assert.Contains("due by", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyMeasures_ForSomeoneNotInTheCatalogue_SaysSoKindly()
    {
        await PostAsync(Personal("message", "my measures", aad: "00000000-0000-0000-0000-000000000099"));

        var text = _connector.CallsTo("personal-chat-priya")[^1].Body!.Value.GetProperty("text").GetString();
        Assert.Contains("I can't find you in the council's performance catalogue", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomethingItDoesNotUnderstand_GetsAKindAnswer()
    {
        await PostAsync(Personal("message", "make me a sandwich"));

        var text = _connector.CallsTo("personal-chat-priya")[^1].Body!.Value.GetProperty("text").GetString();
        Assert.StartsWith("Sorry, I don't understand \"make me a sandwich\". I can answer questions like **", text,
            StringComparison.Ordinal);
        Assert.EndsWith("Type **help** to see everything I can do.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardButton_ActionExecute_AnswersInTheInvokeResponse()
    {
        var response = await PostAsync(Personal("invoke", name: "adaptiveCard/action", value: new { action = new { type = "Action.Execute", verb = "myMeasures", data = new { verb = "myMeasures" } } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Contains("Your measures (5)", body.RootElement.GetProperty("value").ToString(), StringComparison.Ordinal);
        Assert.Empty(_connector.Calls); // answered in the response, nothing sent separately
    }

    [Fact]
    public async Task CardButton_UnknownVerb_IsAnsweredNotFailed()
    {
        var response = await PostAsync(Personal("invoke", name: "adaptiveCard/action", value: new { action = new { type = "Action.Execute", verb = "launchRocket" } }));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task CardButton_SubmitFallback_IsRoutedByItsVerb()
    {
        await PostAsync(Personal("message", value: new { verb = "help" }));

        Assert.Contains("What you can ask me", AllText(LastCard()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelMention_IsAnsweredInTheThread_AndTheChannelKept()
    {
        var activity = new
        {
            type = "message",
            id = "1763889302123",
            text = "<at>PmfBot</at> help",
            channelId = "msteams",
            serviceUrl = _connector.ServiceUrl,
            from = new { id = "user-daniel-okoro", aadObjectId = DemoPeople.DanielOkoro.AadObjectId },
            recipient = new { id = BotId, name = "PmfBot" },
            conversation = new { id = "channel-performance;messageid=1763889302123", conversationType = "channel", tenantId = Tenant },
            entities = new[] { new { type = "mention", text = "<at>PmfBot</at>", mentioned = new { id = BotId, name = "PmfBot" } } },
            channelData = new { tenant = new { id = Tenant }, team = new { id = "team-management" }, channel = new { id = "channel-performance" } },
        };

        await PostAsync(activity);

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("/v3/conversations/channel-performance;messageid=1763889302123/activities/1763889302123", call.Path);
        Assert.Contains("mention me first", call.Body!.Value.ToString(), StringComparison.Ordinal);
        var channel = await new ConversationStore(Storage.Tables).GetChannelAsync("team-management", "channel-performance", default);
        Assert.Equal("channel-performance", channel!.ConversationId);
    }

    [Fact]
    public async Task StorageFailsMidTurn_ThePersonGetsAnApologyWithAReference()
    {
        await Storage.Tables.Catalogue.DeleteAsync(); // the catalogue vanishes under the bot

        var response = await PostAsync(Personal("message", "my measures"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = AllText(LastCard());
        Assert.Contains("Sorry, something went wrong on our side.", card, StringComparison.Ordinal);
        Assert.Contains("it may not have been saved", card, StringComparison.Ordinal);
        Assert.DoesNotContain("was lost", card, StringComparison.Ordinal);
        await Storage.Tables.Catalogue.CreateIfNotExistsAsync();
    }
}
