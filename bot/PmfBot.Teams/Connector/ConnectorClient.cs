using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PmfBot.Teams.Schema;
using Polly.Timeout;

namespace PmfBot.Teams.Connector;

/// <summary>A connector call's outcome, and what it returned when it succeeded.</summary>
public sealed record ConnectorResponse<T>(SendOutcome Outcome, T? Value);

/// <summary>
/// The Bot Connector REST API (v3) at a conversation's serviceUrl: send, reply, update, create a
/// conversation, list members. Retries and the token are in the HTTP pipeline
/// (<see cref="ConnectorServiceCollectionExtensions"/>); this class classifies what is left.
/// </summary>
public sealed class ConnectorClient(HttpClient http, TimeProvider time)
{
    public Task<SendOutcome> SendAsync(
        string serviceUrl,
        string conversationId,
        Activity activity,
        CancellationToken cancellationToken
    ) =>
        ActivityCallAsync(
            HttpMethod.Post,
            serviceUrl,
            $"v3/conversations/{E(conversationId)}/activities",
            activity,
            cancellationToken
        );

    public Task<SendOutcome> ReplyAsync(
        string serviceUrl,
        string conversationId,
        string replyToId,
        Activity activity,
        CancellationToken cancellationToken
    ) =>
        ActivityCallAsync(
            HttpMethod.Post,
            serviceUrl,
            $"v3/conversations/{E(conversationId)}/activities/{E(replyToId)}",
            activity,
            cancellationToken
        );

    /// <summary>Replaces a sent activity (the whole activity, e.g. a card now showing "recorded").</summary>
    public Task<SendOutcome> UpdateAsync(
        string serviceUrl,
        string conversationId,
        string activityId,
        Activity activity,
        CancellationToken cancellationToken
    ) =>
        ActivityCallAsync(
            HttpMethod.Put,
            serviceUrl,
            $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}",
            activity with
            {
                Id = activityId,
            },
            cancellationToken
        );

    public async Task<ConnectorResponse<ConversationResourceResponse>> CreateConversationAsync(
        string serviceUrl,
        ConversationParameters parameters,
        CancellationToken cancellationToken
    )
    {
        var (outcome, body) = await CallAsync(
            HttpMethod.Post,
            serviceUrl,
            "v3/conversations",
            parameters,
            cancellationToken,
            madeIn: parameters.MadeIn
        );
        var created =
            outcome is SendOutcome.Sent && body is { } json
                ? json.Deserialize<ConversationResourceResponse>(TeamsJson.Options)
                : null;
        return new(outcome, created);
    }

    public async Task<ConnectorResponse<PagedMembers>> GetPagedMembersAsync(
        string serviceUrl,
        string conversationId,
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken
    )
    {
        var query =
            $"v3/conversations/{E(conversationId)}/pagedmembers?pageSize={pageSize}"
            + (continuationToken is null ? string.Empty : $"&continuationToken={E(continuationToken)}");
        var (outcome, body) = await CallAsync(HttpMethod.Get, serviceUrl, query, null, cancellationToken);
        var members =
            outcome is SendOutcome.Sent && body is { } json ? json.Deserialize<PagedMembers>(TeamsJson.Options) : null;
        return new(outcome, members);
    }

    private async Task<SendOutcome> ActivityCallAsync(
        HttpMethod method,
        string serviceUrl,
        string relative,
        Activity activity,
        CancellationToken cancellationToken
    ) => (await CallAsync(method, serviceUrl, relative, activity, cancellationToken)).Outcome;

    private async Task<(SendOutcome Outcome, JsonElement? Body)> CallAsync(
        HttpMethod method,
        string serviceUrl,
        string relative,
        object? content,
        CancellationToken cancellationToken,
        string? madeIn = null
    )
    {
        if (Url(serviceUrl, relative) is not { } url)
        {
            // Inbound activities are checked, so only a reference stored before that could get here: never a crash.
            return (new SendOutcome.Failed(0, "BadServiceUrl", "The serviceUrl is not an http(s) URL."), null);
        }

        using var request = new HttpRequestMessage(method, url);
        if (madeIn is not null)
        {
            request.Options.Set(TeamsRateLimits.MadeIn, madeIn);
        }

        if (content is not null)
        {
            request.Content = JsonContent.Create(content, content.GetType(), options: TeamsJson.Options);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return (new SendOutcome.Failed(0, "Unreachable", e.Message), null);
        }
        catch (TimeoutRejectedException)
        {
            return (new SendOutcome.Failed(0, "Timeout", "The connector did not answer in time."), null);
        }

        using (response)
        {
            var body = await ReadJsonAsync(response, cancellationToken);
            return (Classify(response, body), body);
        }
    }

    private SendOutcome Classify(HttpResponseMessage response, JsonElement? body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new SendOutcome.Sent(
                body is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("id", out var id)
                    ? id.GetString()
                    : null
            );
        }

        var (code, message) = ErrorOf(body);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new SendOutcome.Throttled(
                time.GetUtcNow() + (RetryAfterHeader.Wait(response, time) ?? TimeSpan.FromSeconds(1))
            ),
            HttpStatusCode.Forbidden when code is "BotNotInConversationRoster" or "ConversationBlockedByUser" =>
                new SendOutcome.RecipientGone(status, code),
            HttpStatusCode.NotFound when code is "ConversationNotFound" => new SendOutcome.RecipientGone(status, code),
            _ => new SendOutcome.Failed(
                status,
                code,
                message ?? response.ReasonPhrase ?? "The connector refused the call."
            ),
        };
    }

    private static (string? Code, string? Message) ErrorOf(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } o
        && o.TryGetProperty("error", out var error)
        && error.ValueKind == JsonValueKind.Object
            ? (
                error.TryGetProperty("code", out var c) ? c.GetString() : null,
                error.TryGetProperty("message", out var m) ? m.GetString() : null
            )
            : (null, null);

    private static async Task<JsonElement?> ReadJsonAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken
    )
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Uri? Url(string serviceUrl, string relative) =>
        Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var root)
        && (root.Scheme == Uri.UriSchemeHttps || root.Scheme == Uri.UriSchemeHttp)
            ? new Uri(root, relative)
            : null;

    private static string E(string id) => Uri.EscapeDataString(id);
}
