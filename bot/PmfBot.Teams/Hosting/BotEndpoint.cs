using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmfBot.Teams.Auth;
using PmfBot.Teams.Schema;

namespace PmfBot.Teams.Hosting;

/// <summary>
/// POST /api/messages: authenticate (401; 503 with Retry-After while Bot Framework's keys can't be
/// fetched), read the activity and check its shape (400, <see cref="InboundActivityRules"/>), tie
/// the token to it (403), then hand it to the <see cref="IBot"/>. An invoke is answered in the HTTP
/// body; a failure in the bot is logged once with a correlation id and answered with a body that carries it.
/// </summary>
public static partial class BotEndpoint
{
    /// <summary>Teams' activities are far smaller; anything bigger is not from Teams.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static RouteHandlerBuilder MapBotMessages(
        this IEndpointRouteBuilder endpoints,
        string pattern = "/api/messages"
    )
    {
        return endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery();
    }

    private static async Task HandleAsync(
        HttpContext context,
        IBot bot,
        IOptions<BotOptions> options,
        IHostEnvironment environment,
        TimeProvider time,
        ILoggerFactory loggers
    )
    {
        var logger = loggers.CreateLogger(typeof(BotEndpoint));
        var authenticated = !options.Value.AllowUnauthenticatedLocalRequests;
        if (authenticated)
        {
            var result = await AuthenticateAsync(context, options.Value.OpenIdMetadataUrl, time, logger);
            if (result.Failure is BotMetadataUnavailableException unavailable)
            {
                var wait = Math.Max(1, (int)Math.Ceiling((unavailable.RetryAt - time.GetUtcNow()).TotalSeconds));
                LogKeysUnavailable(logger, wait);
                context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
                var error = new { error = "Bot Framework's signing keys can't be fetched just now." };
                await WriteJsonAsync(context, StatusCodes.Status503ServiceUnavailable, error);
                return;
            }

            if (!result.Succeeded)
            {
                LogRejected(logger, 401, result.Failure?.GetType().Name ?? "no bearer token");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            context.User = result.Principal!;
        }

        var activity = await ReadActivityAsync(context);
        if (activity is null)
        {
            LogMalformed(logger, "unreadable activity");
            await WriteJsonAsync(
                context,
                StatusCodes.Status400BadRequest,
                new { error = "The body is not a Bot Framework activity." }
            );
            return;
        }

        var serviceUrls = new ServiceUrlRule(options.Value.AllowedServiceUrlHosts, environment.IsDevelopment());
        if (InboundActivityRules.Problem(activity, serviceUrls) is { } malformed)
        {
            LogMalformed(logger, malformed);
            var reason = new { error = $"Malformed activity: {malformed}." };
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, reason);
            return;
        }

        if (authenticated && BotRequestClaims.Problem(context, activity) is { } problem)
        {
            LogRejected(logger, 403, problem);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var correlationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        using var scope = logger.BeginScope(
            new Dictionary<string, object?>
            {
                ["ActivityId"] = activity.Id,
                ["ConversationId"] = activity.Conversation?.Id,
                ["CorrelationId"] = correlationId,
            }
        );
        try
        {
            var response = await bot.OnTurnAsync(activity, context.RequestAborted);
            if (activity.IsType(ActivityTypes.Invoke))
            {
                var invoke = response
                    ?? new InvokeResponse(
                        StatusCodes.Status501NotImplemented,
                        new { error = $"No handler for invoke '{activity.Name}'." }
                    );
                await WriteJsonAsync(context, invoke.Status, invoke.Body);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            LogTurnFailed(logger, e, correlationId);
            var message =
                $"Sorry, something went wrong on our side. If it keeps happening, quote reference {correlationId}.";
            if (activity.IsType(ActivityTypes.Invoke))
            {
                await WriteJsonAsync(
                    context,
                    StatusCodes.Status200OK,
                    AdaptiveCardInvokeResponse.Error(500, "InternalError", message)
                );
            }
            else
            {
                await WriteJsonAsync(
                    context,
                    StatusCodes.Status500InternalServerError,
                    new { error = message, correlationId }
                );
            }
        }
    }

    /// <summary>The bearer token checked; keys that can't be fetched are a failure, never an exception.</summary>
    private static async Task<AuthenticateResult> AuthenticateAsync(
        HttpContext context,
        string metadataUrl,
        TimeProvider time,
        ILogger logger
    )
    {
        try
        {
            return await context.AuthenticateAsync(BotFrameworkAuthentication.Scheme);
        }
        catch (BotMetadataUnavailableException e)
        {
            return AuthenticateResult.Fail(e);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Anything else in token validation is ours to fix, not the caller's: say so without a stack trace.
            LogAuthenticationFailed(logger, e);
            var retryAt = time.GetUtcNow() + BotFrameworkMetadata.RetryAfterFailure;
            return AuthenticateResult.Fail(new BotMetadataUnavailableException(metadataUrl, retryAt, e));
        }
    }

    private static async Task<Activity?> ReadActivityAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            using var limited = new MemoryStream();
            await context.Request.Body.CopyToAsync(limited, context.RequestAborted);
            if (limited.Length is 0 or > MaxBodyBytes)
            {
                return null;
            }

            limited.Position = 0;
            var activity = await JsonSerializer.DeserializeAsync<Activity>(
                limited,
                TeamsJson.Options,
                context.RequestAborted
            );
            return string.IsNullOrWhiteSpace(activity?.Type) ? null : activity;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, object? body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, TeamsJson.Options, context.RequestAborted);
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Rejected a request to the bot endpoint with {Status}: {Reason}"
    )]
    private static partial void LogRejected(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a malformed activity with 400: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503: no Bot Framework keys; Retry-After {Seconds} s")]
    private static partial void LogKeysUnavailable(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Validating a bearer token failed unexpectedly; answered 503")]
    private static partial void LogAuthenticationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The turn failed (correlation id {CorrelationId})")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string correlationId);
}
