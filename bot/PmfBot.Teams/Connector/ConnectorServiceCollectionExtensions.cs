using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace PmfBot.Teams.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The connector client: total timeout → retry (412, 429, 502, 503, 504, network; jittered
    /// exponential backoff; Retry-After honoured up to <see cref="ConnectorOptions.MaxRetryAfter"/>)
    /// → Teams' rate limits (<see cref="TeamsRateLimits"/>) → attempt timeout → the bot's token.
    /// Other 4xx are never retried. The limits sit inside the retry because Teams counts every
    /// attempt; a request waiting for room isn't timed as an attempt.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.AddTransient<BotTokenHandler>();
        services.AddMetrics();
        services.TryAddSingleton<ConnectorMetrics>();
        services.AddTransient<ConnectorMetricsHandler>();
        services.TryAddSingleton(sp => new TeamsRateLimits(
            sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.TenantRequestsPerSecond
        ));

        // The paced sender keeps one client for the app's life: pooled connections are renewed instead (DNS changes are
        // seen).
        var client = services
            .AddHttpClient<ConnectorClient>()
            .ConfigurePrimaryHttpMessageHandler(() =>
                new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }
            )
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("connector", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var metrics = context.ServiceProvider.GetRequiredService<ConnectorMetrics>();
            var limits = context.ServiceProvider.GetRequiredService<TeamsRateLimits>();
            pipeline.TimeProvider = time;
            pipeline.AddTimeout(options.TotalTimeout);
            pipeline.AddRetry(
                new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args =>
                        ValueTask.FromResult(
                            options.MaxRetries > 0 && ShouldRetry(args.Outcome, options.MaxRetryAfter, time)
                        ),
                    OnRetry = args =>
                    {
                        metrics.Retried("http", ReasonOf(args.Outcome));
                        return ValueTask.CompletedTask;
                    },
                }
            );
            pipeline.AddRateLimiter(
                new HttpRateLimiterStrategyOptions
                {
                    RateLimiter = args =>
                        limits.Limiter.AcquireAsync(
                            args.Context.GetRequestMessage()!,
                            1,
                            args.Context.CancellationToken
                        ),
                }
            );
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        client.AddHttpMessageHandler<ConnectorMetricsHandler>(); // inside the retry: every attempt's 429 counts
        client.AddHttpMessageHandler<BotTokenHandler>(); // inside the retry: every attempt gets a current token

        return services;
    }

    /// <summary>The paced proactive sender (a hosted service) on top of the connector client.</summary>
    public static IServiceCollection AddPacedSender(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<Proactive.PacedSenderOptions>()
            .Bind(configuration.GetSection(Proactive.PacedSenderOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Proactive.PacedSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Proactive.PacedSender>());
        return services;
    }

    private static string ReasonOf(Outcome<HttpResponseMessage> outcome) =>
        outcome switch
        {
            { Exception: TimeoutRejectedException } => "timeout",
            { Exception: not null } => "network",
            { Result: { } response } => ((int)response.StatusCode).ToString(
                System.Globalization.CultureInfo.InvariantCulture
            ),
            _ => "unknown",
        };

    /// <summary>
    /// Which outcomes are worth another attempt. A Retry-After longer than we will wait is handed back to the caller.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return true;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => (RetryAfterHeader.Wait(response, time) ?? TimeSpan.Zero) <= maxRetryAfter,
            HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout => true,
            _ => false,
        };
    }
}
