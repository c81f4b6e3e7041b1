using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Features.Demo;
using PmfBot.Features.Digests;
using PmfBot.Storage.Digests;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Digests;

/// <summary>The demo council's host, with the Management Team's Performance channel to talk in.</summary>
public abstract class DigestHost : UpdateCycleHost
{
    public const string Team = "19:management@thread.tacv2";
    public const string Channel = "19:performance@thread.tacv2";

    protected DigestPoster Poster => App.Services.GetRequiredService<DigestPoster>();

    protected SubscriptionStore Subscriptions => App.Services.GetRequiredService<SubscriptionStore>();

    protected DigestStore Postings => App.Services.GetRequiredService<DigestStore>();

    protected static string DanielsAad => DemoPeople.DanielOkoro.AadObjectId!;

    protected static DateTimeOffset Uk(int month, int day, int hour, int minute = 0, int year = 2026) => UkTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    /// <summary>Someone @mentions the bot in the channel: a new thread, as Teams posts it. Returns the thread's conversation id.</summary>
    protected async Task<string> SayInChannelAsync(string text, string? aad = null, string user = "29:daniel")
    {
        var thread = $"{Channel};messageid={Guid.NewGuid():N}";
        var response = await PostAsync(ChannelActivity("message", thread, aad, user, text: $"<at>PmfBot</at> {text}"));
        response.EnsureSuccessStatusCode();
        return thread;
    }

    protected object ChannelActivity(string type, string thread, string? aad, string user, string? text = null, string? name = null, object? value = null) => new
    {
        type,
        id = Guid.NewGuid().ToString("N"),
        name,
        text,
        value,
        channelId = "msteams",
        serviceUrl = Connector.ServiceUrl,
        from = new { id = user, name = "Someone", aadObjectId = aad ?? DanielsAad },
        recipient = new { id = BotId, name = "PmfBot" },
        conversation = new { id = thread, conversationType = "channel", isGroup = true, tenantId = Tenant },
        entities = new[] { new { type = "mention", text = "<at>PmfBot</at>", mentioned = new { id = BotId, name = "PmfBot" } } },
        channelData = new { tenant = new { id = Tenant }, team = new { id = Team, name = "Management Team" }, channel = new { id = Channel, name = "Performance" } },
    };

    /// <summary>Presses an Action.Execute button on a card in the channel: returns the invoke response's body.</summary>
    protected async Task<JsonElement> PressInChannelAsync(string verb, object data, string thread, string? aad = null, string user = "29:daniel")
    {
        var response = await PostAsync(ChannelActivity("invoke", thread, aad, user, name: "adaptiveCard/action", value: new { action = new { type = "Action.Execute", verb, data } }));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>New threads the bot started in the channel (POST /v3/conversations with isGroup), oldest first.</summary>
    protected IReadOnlyList<JsonElement> ThreadsStarted() =>
        [.. Connector.Calls.Where(c => c.Method == "POST" && c.Path == "/v3/conversations" && c.Status < 300
                && c.Body is { } b && b.TryGetProperty("isGroup", out var g) && g.ValueKind == JsonValueKind.True
                && b.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString() == Channel)
            .Select(c => c.Body!.Value)];

    /// <summary>A started thread's first post (the digest card), as text.</summary>
    protected static string TextOf(JsonElement thread) => AllText(thread.GetProperty("activity").GetProperty("attachments")[0].GetProperty("content"));
}
