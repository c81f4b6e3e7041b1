using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PmfBot.Testing;

/// <summary>One call the fake connector received.</summary>
public sealed record ConnectorCall(string Method, string Path, string ConversationId, string? Authorization, JsonElement? Body, DateTimeOffset At, int Status);

/// <summary>
/// A Bot Connector on a loopback port that behaves like Teams' where it matters to a bot:
/// it answers send/reply/update/create/members, enforces Teams' rate limits (per conversation
/// 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour; 50 a second overall) with 429 and
/// Retry-After, and can be told to fail the next calls (429, 5xx, 403, 404) on purpose.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private static readonly (int Count, TimeSpan Window)[] PerConversationLimits =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    private const int PerTenantPerSecond = 50;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Injected> _injected = new();
    private readonly object _limitsGate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _byConversation = [];
    private readonly List<DateTimeOffset> _all = [];
    private int _nextId;

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl => _app.Address().GetLeftPart(UriPartial.Authority) + "/";

    /// <summary>Every call, in arrival order (refused ones too, with their status).</summary>
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>Whether each call's body is kept in <see cref="Calls"/>: off for a benchmark's tens of thousands of cards.</summary>
    public bool RecordBodies { get; set; } = true;

    /// <summary>How long each call takes to answer (a slow Teams), after it has been counted as arrived.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Calls that have arrived and not yet been answered.</summary>
    public int InFlight => _inFlight;

    private int _inFlight;

    /// <summary>How many calls were refused with 429 for going over Teams' limits.</summary>
    public int RateLimited => Calls.Count(c => c.Status == 429);

    public static async Task<FakeConnector> StartAsync()
    {
        var app = LoopbackHost.Quiet();
        var fake = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext c, string conversationId) => fake.HandleAsync(c, conversationId));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId) => fake.HandleAsync(c, conversationId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => fake.HandleAsync(c, conversationId, activityId));
        app.MapPost("/v3/conversations", (Func<HttpContext, Task<IResult>>)(c => fake.HandleAsync(c, "(new)")));
        app.MapGet("/v3/conversations/{conversationId}/pagedmembers", (HttpContext c, string conversationId) => fake.HandleAsync(c, conversationId));
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next <paramref name="times"/> calls (to any conversation) get this answer instead.</summary>
    public void FailNext(int status, string? code = null, string? retryAfter = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _injected.Enqueue(new Injected(status, code, retryAfter));
        }
    }

    public IReadOnlyList<ConnectorCall> CallsTo(string conversationId) => [.. Calls.Where(c => c.ConversationId == conversationId)];

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }

    private TaskCompletionSource? _hold;
    private int _held;

    /// <summary>
    /// From now on Teams "hangs": every call waits, unanswered and not yet accepted, until
    /// <see cref="Release"/>. A held call whose sender goes away (its process was killed) is
    /// dropped, never accepted, as Teams drops a request whose connection closed before it was
    /// taken.
    /// </summary>
    public void Hold() => Interlocked.CompareExchange(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>Lets held calls (and every later one) through.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    /// <summary>Calls waiting on <see cref="Hold"/> now.</summary>
    public int Held => Volatile.Read(ref _held);

    private async Task<IResult> HandleAsync(HttpContext context, string conversationId, string? activityId = null)
    {
        if (Volatile.Read(ref _hold) is { } hold)
        {
            Interlocked.Increment(ref _held);
            try
            {
                await hold.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty; // the sender went away before Teams took it
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            var result = await AnswerAsync(context, conversationId, activityId);
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency);
            }

            return result;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<IResult> AnswerAsync(HttpContext context, string conversationId, string? activityId)
    {
        var now = DateTimeOffset.UtcNow;
        JsonElement? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
        }

        IResult Record(int status, IResult result)
        {
            Calls.Enqueue(new ConnectorCall(context.Request.Method, context.Request.Path, Uri.UnescapeDataString(conversationId),
                context.Request.Headers.Authorization.FirstOrDefault(), RecordBodies ? body : null, now, status));
            return result;
        }

        if (_injected.TryDequeue(out var injected))
        {
            if (injected.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = injected.RetryAfter;
            }

            return Record(injected.Status, Results.Json(new { error = new { code = injected.Code ?? "Injected", message = "Injected by the test." } }, statusCode: injected.Status));
        }

        if (EnforceRateLimits && OverLimit(ThreadOf(conversationId, body), ref now))
        {
            context.Response.Headers.RetryAfter = "1";
            return Record(429, Results.Json(new { error = new { code = "Throttled", message = "Too many requests." } }, statusCode: 429));
        }

        if (context.Request.Method == HttpMethods.Post && body is { } activity && !HasTextOrAttachment(activity) && conversationId != "(new)")
        {
            return Record(400, Results.Json(new { error = new { code = "BadArgument", message = "A message needs text or an attachment." } }, statusCode: 400));
        }

        if (body is { } sent && MentionNotInText(sent) is { } mention)
        {
            // What Teams answers when a mention entity's text isn't in the message it mentions in.
            var error = new { code = "BadArgument", message = $"Mention entity does not match text: {mention}" };
            return Record(400, Results.Json(new { error }, statusCode: 400));
        }

        var id = activityId ?? $"activity-{Interlocked.Increment(ref _nextId)}";
        if (conversationId == "(new)")
        {
            var isGroup = body?.TryGetProperty("isGroup", out var g) == true && g.ValueKind == JsonValueKind.True;
            var member = body?.TryGetProperty("members", out var m) == true && m.GetArrayLength() > 0 ? m[0].GetProperty("id").GetString() : null;
            return Record(201, Results.Json(new { id = isGroup ? $"19:thread-{id}" : $"a:personal-{member}", activityId = isGroup ? id : null }, statusCode: 201));
        }

        if (context.Request.Method == HttpMethods.Get)
        {
            return Record(200, Results.Json(new { members = new[] { new { id = "29:member-1", name = "Member One", aadObjectId = "aad-1" } }, continuationToken = (string?)null }));
        }

        return Record(context.Request.Method == HttpMethods.Put ? 200 : 201, Results.Json(new { id }, statusCode: context.Request.Method == HttpMethods.Put ? 200 : 201));
    }

    /// <summary>
    /// Teams' rule for @mentions in an Adaptive Card: each entity's text ("&lt;at&gt;Sam Taylor&lt;/at&gt;") must
    /// stand, exactly, in one of the card's texts. Returns the first that doesn't, or null.
    /// </summary>
    private static string? MentionNotInText(JsonElement activity)
    {
        var root = activity.TryGetProperty("activity", out var inner) ? inner : activity;
        if (!root.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var cards = attachments.EnumerateArray().Where(a => a.TryGetProperty("content", out _));
        foreach (var card in cards.Select(a => a.GetProperty("content")))
        {
            if (!card.TryGetProperty("msteams", out var teams) || !teams.TryGetProperty("entities", out var entities))
            {
                continue;
            }

            var texts = new List<string>();
            Collect(card, texts);
            foreach (var entity in entities.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "mention"))
            {
                var text = entity.GetProperty("text").GetString() ?? string.Empty;
                if (!texts.Any(t => t.Contains(text, StringComparison.Ordinal)))
                {
                    return text;
                }
            }
        }

        return null;

        static void Collect(JsonElement node, List<string> texts)
        {
            if (node.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Name is "text" or "value"
                        && property.Value.ValueKind == JsonValueKind.String
                        && property.Value.GetString() is { } text)
                    {
                        texts.Add(text);
                    }
                    else if (property.Name != "msteams")
                    {
                        Collect(property.Value, texts);
                    }
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    Collect(item, texts);
                }
            }
        }
    }

    /// <summary>
    /// The thread a call counts against: its conversation, or for making one, the channel the thread starts in
    /// or the user the chat is with (each counted apart).
    /// </summary>
    private static string ThreadOf(string conversationId, JsonElement? body)
    {
        if (conversationId != "(new)" || body is not { ValueKind: JsonValueKind.Object } made)
        {
            return conversationId;
        }

        var channel = made.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("channel", out var c) && c.TryGetProperty("id", out var id) ? id.GetString() : null;
        var member = made.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
            && members.GetArrayLength() > 0 && members[0].TryGetProperty("id", out var m) ? m.GetString() : null;
        return $"(new) in {channel ?? member ?? "?"}";
    }

    private static bool HasTextOrAttachment(JsonElement activity) =>
        (activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString()!.Length > 0)
        || (activity.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array && attachments.GetArrayLength() > 0)
        || (activity.TryGetProperty("type", out var type) && type.GetString() != "message");

    /// <summary>
    /// Counts the call as it arrives, in the order calls arrive: the clock is read under the lock, as one
    /// gateway would, so a call whose body was slow to read isn't counted before calls that came after it.
    /// </summary>
    private bool OverLimit(string conversationId, ref DateTimeOffset arrived)
    {
        lock (_limitsGate)
        {
            var now = arrived = DateTimeOffset.UtcNow;
            _all.RemoveAll(t => now - t >= TimeSpan.FromSeconds(1));
            if (!_byConversation.TryGetValue(conversationId, out var sent))
            {
                _byConversation[conversationId] = sent = [];
            }

            sent.RemoveAll(t => now - t >= TimeSpan.FromHours(1));
            if (_all.Count >= PerTenantPerSecond || PerConversationLimits.Any(limit => sent.Count(t => now - t < limit.Window) >= limit.Count))
            {
                return true;
            }

            _all.Add(now);
            sent.Add(now);
            return false;
        }
    }

    private sealed record Injected(int Status, string? Code, string? RetryAfter);
}
