using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using PmfBot.Testing;

namespace PmfBot.EndToEnd.Tests;

/// <summary>What the bot posted, as the Playground streams it to its UI.</summary>
public sealed record PlaygroundMessage(string Action, string ConversationId, string MessageId, string? Text, JsonElement? Card)
{
    /// <summary>The card's JSON, unescaped, to look for what a person would read.</summary>
    public string CardText => Card is { } card ? JsonSerializer.Serialize(card, Unescaped) : string.Empty;

    internal static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>
/// Azurite (from the test command), the real bot host with the demo council, and the Microsoft 365
/// Agents Playground, each on a free loopback port; the test acts as the person through the
/// Playground's HTTP API and reads the bot's answers from its WebSocket stream. Later journeys
/// (prompts, escalations, digests) extend it.
/// </summary>
public sealed class PlaygroundHarness : IAsyncDisposable
{
    public const string PersonalChat = "personal-chat-priya";
    public const string PerformanceChannel = "channel-performance";
    public const string CurrentUser = "user-priya-shah";
    public const string BotId = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05";
    public const string TenantId = "7d1b3c52-9a4e-4c1f-8e2a-6b5d0c3a9f10";

    private readonly ConcurrentQueue<PlaygroundMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private TestStorage _storage = null!;

    /// <summary>What the bot has stored, for what no card shows (an extension request's id, as Helen's Teams would have it).</summary>
    public PmfBot.Storage.Results.ResultStore Results => new(_storage.Tables);
    private WebApplication _bot = null!;
    private Process _playground = null!;
    private ClientWebSocket _socket = null!;
    private Task _reading = Task.CompletedTask;

    public HttpClient Playground { get; private set; } = null!;

    public IReadOnlyCollection<PlaygroundMessage> Received => _received;

    /// <summary>The bot itself, for the demo clock and the due scan (Development-only endpoints).</summary>
    public HttpClient Bot { get; private set; } = null!;

    /// <param name="asOf">The demo history runs up to this date.</param>
    /// <param name="clockStartAt">The bot's "now" starts here (UK time, yyyy-MM-ddTHH:mm); the real clock when null.</param>
    public static async Task<PlaygroundHarness> StartAsync(string asOf = "2026-11-22", string? clockStartAt = null)
    {
        var harness = new PlaygroundHarness();
        await harness.StartInternalAsync(asOf, clockStartAt);
        return harness;
    }

    private async Task StartInternalAsync(string asOf, string? clockStartAt)
    {
        _storage = await TestStorage.CreateAsync();
        _bot = PmfBotHost.Build(LoopbackHost.Args(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _storage.ConnectionString,
            ["Storage:TablePrefix"] = _storage.Prefix,
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Demo:SeedOnStart"] = "true",
            ["Demo:AsOf"] = asOf,
            ["Updates:ScanOnSchedule"] = "false", // the journeys run the due scan when they move the clock
            ["Digests:PostOnSchedule"] = "false", // and post the digests owed
            ["Retention:DeleteExpiredAuditEntries"] = "false", // no background table scan under the journeys
            ["Clock:StartAt"] = clockStartAt,
            ["Extensions:Approvers:0"] = "priya.shah@northmere.gov.uk", // as infra/local/run.sh configures the demo
            ["Extensions:Approvers:1"] = "helen.price@northmere.gov.uk",
            ["Escalations:NextLevel:0"] = "daniel.okoro@northmere.gov.uk",
            ["Escalations:NextLevel:1"] = "helen.price@northmere.gov.uk",
        }));
        await _bot.StartAsync();
        var botUrl = _bot.Address().ToString().TrimEnd('/');
        Bot = new HttpClient { BaseAddress = _bot.Address() };

        var port = LoopbackHost.FreePort();
        var root = Repo.Root;
        var start = new ProcessStartInfo("node",
        [
            Path.Combine(root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
            "-e", $"{botUrl}/api/messages", "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry",
        ])
        {
            WorkingDirectory = Path.Combine(root, "infra", "playground"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(Path.GetTempPath(), $"playground-{port}.log");
        _playground = Process.Start(start)!;
        _playground.OutputDataReceived += (_, _) => { };
        _playground.ErrorDataReceived += (_, _) => { };
        _playground.BeginOutputReadLine();
        _playground.BeginErrorReadLine();

        Playground = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilAsync(async () => (await TryGetAsync("/_internal/v1/config")) is not null, TimeSpan.FromSeconds(60), "the Playground to start");

        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        _reading = ReadAsync(_stop.Token);
    }

    /// <summary>Fires the install events for a chat, as opening it in the UI does.</summary>
    public async Task InstallAsync(string conversationId) =>
        (await Playground.PostAsync(new Uri($"/_debug/conversation/{conversationId}/installation", UriKind.Relative), null)).EnsureSuccessStatusCode();

    /// <summary>The current user types in a chat; in a channel, <paramref name="mentionBot"/> @mentions PmfBot first.</summary>
    public async Task SayAsync(string conversationId, string text, bool mentionBot = false)
    {
        object body = mentionBot
            ? new { text = $"<at>PmfBot</at> {text}", textFormat = "plain", from = new { id = CurrentUser }, mentions = new[] { new { mentioned = new { id = BotId, name = "PmfBot" }, text = "<at>PmfBot</at>" } } }
            : new { text, textFormat = "plain", from = new { id = CurrentUser } };
        (await Playground.PostAsJsonAsync(new Uri($"/_conversation/v1/conversations/{conversationId}/messages", UriKind.Relative), body)).EnsureSuccessStatusCode();
    }

    /// <summary>Moves the bot's demo clock forward to a UK time (yyyy-MM-ddTHH:mm) and runs the due scan, as the schedule would.</summary>
    public async Task MoveClockAndScanAsync(string ukTime)
    {
        (await Bot.PostAsync(new Uri($"/_demo/clock?to={ukTime}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await ScanAsync();
    }

    /// <summary>Moves the bot's demo clock forward to a UK time (yyyy-MM-ddTHH:mm) and posts the digests owed then, as the schedule would.</summary>
    public async Task MoveClockAndPostDigestsAsync(string ukTime)
    {
        (await Bot.PostAsync(new Uri($"/_demo/clock?to={ukTime}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await Bot.PostAsync(new Uri("/_demo/digests", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    public async Task ScanAsync() =>
        (await Bot.PostAsync(new Uri("/_demo/due-scan", UriKind.Relative), null)).EnsureSuccessStatusCode();

    /// <summary>The current user presses an Action.Execute button on a card the bot posted; returns the bot's invoke response.</summary>
    public async Task<JsonElement> PressAsync(string conversationId, string cardMessageId, string verb, object data)
    {
        var response = await Playground.PostAsJsonAsync(new Uri("/_conversation/v1/invoke", UriKind.Relative), new
        {
            name = "adaptiveCard/action",
            value = new { action = new { type = "Action.Execute", verb, data } },
            from = new { id = CurrentUser },
            conversation = new { id = conversationId },
            replyToId = cardMessageId,
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Someone other than the Playground's one user presses a button in their own Teams: the invoke
    /// goes straight to the bot, shaped as Teams sends it. What the bot sends anyone in the
    /// Playground as a result (Priya) still arrives there.
    /// </summary>
    public async Task<JsonElement> PressAsAsync(string userId, string aadObjectId, string verb, object data)
    {
        var response = await Bot.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new
        {
            type = "invoke",
            name = "adaptiveCard/action",
            id = Guid.NewGuid().ToString("N"),
            channelId = "msteams",
            serviceUrl = new Uri(Playground.BaseAddress!, "/_connector").ToString(),
            from = new { id = userId, aadObjectId },
            recipient = new { id = BotId, name = "PmfBot" },
            conversation = new { id = $"personal-{userId}", conversationType = "personal", tenantId = TenantId },
            channelData = new { tenant = new { id = TenantId } },
            value = new { action = new { type = "Action.Execute", verb, data } },
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>What an invoke answered with (a card or a message), as JSON text without escaping, to look for words in.</summary>
    public static string TextOf(JsonElement invokeResponse) => JsonSerializer.Serialize(invokeResponse.GetProperty("value"), PlaygroundMessage.Unescaped);

    /// <summary>Waits for the bot to post something in a conversation (a channel's threads count as the channel) that matches.</summary>
    public async Task<PlaygroundMessage> WaitForBotAsync(string conversationId, Func<PlaygroundMessage, bool> matches, string what)
    {
        PlaygroundMessage? found = null;
        await WaitUntilAsync(() =>
        {
            found = _received.LastOrDefault(m => (m.ConversationId == conversationId || m.ConversationId.StartsWith(conversationId + ";", StringComparison.Ordinal)) && matches(m));
            return Task.FromResult(found is not null);
        }, TimeSpan.FromSeconds(20), what);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket?.Abort();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        if (_playground is { HasExited: false })
        {
            _playground.Kill(entireProcessTree: true);
            await _playground.WaitForExitAsync();
        }

        _playground?.Dispose();
        Playground?.Dispose();
        Bot?.Dispose();
        _socket?.Dispose();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        while (!cancellationToken.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await _socket.ReceiveAsync(buffer, cancellationToken);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            Parse(Encoding.UTF8.GetString(message.ToArray()));
        }
    }

    private void Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("action", out var action) || !root.TryGetProperty("message", out var message))
        {
            return;
        }

        JsonElement? card = message.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array && attachments.GetArrayLength() > 0
            ? attachments[0].GetProperty("content").Clone()
            : null;
        _received.Enqueue(new PlaygroundMessage(
            action.GetString()!,
            root.TryGetProperty("actionConversationId", out var conversation) ? conversation.GetString()! : string.Empty,
            message.TryGetProperty("messageId", out var id) ? id.ToString() : string.Empty,
            message.TryGetProperty("text", out var text) ? text.GetString() : null,
            card));
    }

    private async Task<string?> TryGetAsync(string path)
    {
        try
        {
            return await Playground.GetStringAsync(new Uri(path, UriKind.Relative));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

}
