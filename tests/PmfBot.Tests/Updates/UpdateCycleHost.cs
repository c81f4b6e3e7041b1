using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Delivery;
using PmfBot.Features.Demo;
using PmfBot.Features.Updates;
using PmfBot.Testing;

namespace PmfBot.Tests.Updates;

/// <summary>
/// The real host with the demo council seeded as of Saturday 7 November 2026, its clock started at
/// 09:00 that day (when prompts go out), talking to a fake connector that behaves like Teams.
/// Activities are posted to /api/messages as Teams posts them.
/// </summary>
public abstract class UpdateCycleHost : StorageTestBase, IAsyncLifetime
{
    public const string Tenant = "7d1b3c52-9a4e-4c1f-8e2a-6b5d0c3a9f10";
    public const string BotId = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05";
    public const string PriyasChat = "personal-chat-priya";

    protected FakeConnector Connector { get; private set; } = null!;

    protected WebApplication App { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Every due job (prompts and chases, activity reports, extensions, escalations), as one scheduler pass runs them.</summary>
    protected DueJobs Scan => new(App.Services);

    protected DemoClock Clock => App.Services.GetRequiredService<DemoClock>();

    protected static string PriyasAad => DemoPeople.PriyaShah.AadObjectId!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Connector = await FakeConnector.StartAsync();
        App = StartHost(seed: true);
        await App.StartAsync();
        Client = new HttpClient { BaseAddress = App.Address() };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await DisposeAsync();
    }

    /// <summary>Settings a test class adds to the host's ("--Section:Key", "value", …).</summary>
    protected virtual string[] MoreSettings => [];

    /// <summary>Seams a test class swaps (Graph's Entra token, which needs Entra).</summary>
    protected virtual void ReplaceServices(IServiceCollection services)
    {
    }

    /// <summary>Another instance on the same storage (a second scheduler, or the same one after a restart).</summary>
    protected WebApplication StartHost(bool seed) =>
        PmfBotHost.Build(LoopbackHost.Args(Settings, [
            "--Demo:SeedOnStart", seed ? "true" : "false", "--Demo:AsOf", "2026-11-07", "--Clock:StartAt", "2026-11-07T09:00",
            "--Extensions:Approvers:0",
            DemoPeople.HelenPrice.Id.Value, "--Extensions:Approvers:1", DemoPeople.PriyaShah.Id.Value, .. MoreSettings]), ReplaceServices);

    /// <summary>Gives someone in the catalogue another name, as an import would.</summary>
    protected async Task RenameAsync(Domain.Catalogue.PersonId person, string name)
    {
        var editor = await new global::PmfBot.Storage.Catalogue.CatalogueStore(Storage.Tables).OpenAsync(default);
        var renamed = editor.Catalogue.FindPerson(person)! with { Name = name };
        Assert.Equal(
            global::PmfBot.Storage.Catalogue.CatalogueWriteOutcome.Written,
            await editor.TryWriteAsync(new Domain.Catalogue.CatalogueChange { People = [renamed] }, default));
    }

    /// <summary>Posts an activity as Teams does, then waits for the cards the turn left to send after answering (an escalation owner's).</summary>
    protected Task<HttpResponseMessage> PostAsync(object activity) => PostJsonAsync(JsonSerializer.Serialize(activity));

    /// <summary><see cref="PostAsync"/> for a body given as JSON text: a hand-made or malformed activity, as written.</summary>
    protected async Task<HttpResponseMessage> PostJsonAsync(string json)
    {
        var body = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), body);
        await App.Services.GetRequiredService<Bot.BackgroundSends>().WhenIdleAsync();
        return response;
    }

    /// <summary>The person opens the bot: Teams sends installationUpdate, the bot keeps the chat and welcomes them.</summary>
    protected Task InstallAsync(string conversation = PriyasChat, string? aad = null, string user = "user-priya-shah") =>
        PostAsync(Personal("installationUpdate", conversation: conversation, aad: aad, user: user, action: "add"));

    protected object Personal(string type, string? text = null, string? aad = null, object? value = null, string? name = null, string? action = null,
        string conversation = PriyasChat, string user = "user-priya-shah", string? replyToId = null) => new
    {
        type,
        id = Guid.NewGuid().ToString("N"),
        name,
        action,
        text,
        value,
        replyToId,
        channelId = "msteams",
        serviceUrl = Connector.ServiceUrl,
        from = new { id = user, name = "Someone", aadObjectId = aad ?? PriyasAad },
        recipient = new { id = BotId, name = "PmfBot" },
        conversation = new { id = conversation, conversationType = "personal", tenantId = Tenant },
        channelData = new { tenant = new { id = Tenant } },
    };

    /// <summary>What the escalation card's decision form submits.</summary>
    protected static object Decision(string decision, string? note = null, string? until = null, string measure = "CS 02", string period = "FY2026-M07") =>
        new { verb = "decideEscalation", measure, period, decision, decisionNote = note, decisionUntil = until };

    /// <summary>What the escalation card's "Decide" (or its refresh) submits.</summary>
    protected static object Open(string measure = "CS 02", string period = "FY2026-M07") => new { verb = "openEscalation", measure, period };

    /// <summary>Presses an Action.Execute button: returns the invoke response's body.</summary>
    protected async Task<JsonElement> PressAsync(string verb, object data, string? aad = null, string? replyToId = null, string conversation = PriyasChat, string user = "user-priya-shah")
    {
        var response = await PostAsync(Personal("invoke", name: "adaptiveCard/action", aad: aad, replyToId: replyToId, conversation: conversation, user: user,
            value: new { action = new { type = "Action.Execute", verb, data } }));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>What the bot last posted into a conversation, as a person reads it: its text, then its card's text.</summary>
    protected string LastPostedText(string conversation = PriyasChat) => PostedTexts(conversation)[^1];

    /// <summary>Everything the bot posted into a conversation, oldest first, each as a person reads it.</summary>
    protected IReadOnlyList<string> PostedTexts(string conversation = PriyasChat) =>
        [.. Connector.CallsTo(conversation).Where(c => c.Method == "POST").Select(c => c.Body!.Value is var body && body.TryGetProperty("attachments", out var a) && a.GetArrayLength() > 0
            ? (body.TryGetProperty("text", out var t) ? t.GetString() + "\n" : string.Empty) + AllText(a[0].GetProperty("content"))
            : body.GetProperty("text").GetString()!)];

    /// <summary>The card an invoke answered with, as text.</summary>
    protected static string CardOf(JsonElement invokeResponse)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeResponse.GetProperty("type").GetString());
        return AllText(invokeResponse.GetProperty("value"));
    }

    protected static JsonElement RawCardOf(JsonElement invokeResponse) => invokeResponse.GetProperty("value");

    /// <summary>The text message an invoke answered with.</summary>
    protected static string MessageOf(JsonElement invokeResponse)
    {
        Assert.Equal("application/vnd.microsoft.activity.message", invokeResponse.GetProperty("type").GetString());
        return invokeResponse.GetProperty("value").GetString()!;
    }

    /// <summary>Cards the bot posted into a conversation (new messages, not updates), oldest first.</summary>
    protected IReadOnlyList<string> CardsPostedTo(string conversation = PriyasChat) =>
        [.. Connector.CallsTo(conversation).Where(c => c.Method == "POST" && c.Status < 300 && c.Body?.TryGetProperty("attachments", out _) == true)
            .Select(c => AllText(c.Body!.Value.GetProperty("attachments")[0].GetProperty("content")))];

    /// <summary>Updates of sent cards Teams accepted (a 429 retried shows once, as its successful retry).</summary>
    protected IReadOnlyList<ConnectorCall> UpdatesIn(string conversation = PriyasChat) =>
        [.. Connector.CallsTo(conversation).Where(c => c.Method == "PUT" && c.Status < 300)];

    /// <summary>Every piece of text on a card, a line each: what a person would read (and the inputs' ids and values).</summary>
    protected static string AllText(JsonElement card)
    {
        var lines = new List<string>();
        Walk(card);
        return string.Join('\n', lines);

        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case JsonValueKind.String:
                    lines.Add(e.GetString()!);
                    break;
                case JsonValueKind.Number:
                    lines.Add(e.GetRawText());
                    break;
            }
        }
    }

    /// <summary>An input on a card, by id.</summary>
    protected static JsonElement? InputOn(JsonElement card, string id)
    {
        foreach (var element in card.GetProperty("body").EnumerateArray())
        {
            if (element.TryGetProperty("id", out var found) && found.GetString() == id)
            {
                return element;
            }
        }

        return null;
    }

    protected sealed class DueJobs(IServiceProvider services)
    {
        public Task<SendReport> RunAsync(CancellationToken cancellationToken) =>
            services.GetRequiredService<DueWorkRunner>().RunAllAsync(cancellationToken);
    }
}
