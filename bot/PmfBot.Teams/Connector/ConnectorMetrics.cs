using System.Diagnostics.Metrics;

namespace PmfBot.Teams.Connector;

/// <summary>
/// How hard Teams pushes back: every 429 the Bot Connector answers, and every call tried again
/// (by the HTTP pipeline after a failure, or by the paced sender after Retry-After). A council's IT
/// team watches these to see whether the pacing keeps the bot inside Teams' limits.
/// </summary>
public sealed class ConnectorMetrics
{
    /// <summary>The meter's name, for an OpenTelemetry exporter to listen to.</summary>
    public const string MeterName = "PmfBot.Connector";

    private readonly Counter<long> _throttled;
    private readonly Counter<long> _retries;

    public ConnectorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _throttled = meter.CreateCounter<long>(
            "pmfbot.connector.throttled",
            "{response}",
            "429 Too Many Requests answers from the Bot Connector."
        );
        _retries = meter.CreateCounter<long>(
            "pmfbot.connector.retries",
            "{attempt}",
            "Bot Connector calls tried again, by who retried (http, paced-sender) and why."
        );
    }

    public void Throttled() => _throttled.Add(1);

    /// <param name="by">"http" (the resilience pipeline) or "paced-sender" (after waiting out Retry-After).</param>
    /// <param name="reason">An HTTP status code, "timeout" or "network".</param>
    public void Retried(string by, string reason) =>
        _retries.Add(
            1,
            new KeyValuePair<string, object?>("pmfbot.retry.by", by),
            new KeyValuePair<string, object?>("pmfbot.retry.reason", reason)
        );
}

/// <summary>
/// Counts each attempt's 429 (inside the retry, so a throttled attempt that is retried still counts).
/// </summary>
internal sealed class ConnectorMetricsHandler(ConnectorMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            metrics.Throttled();
        }

        return response;
    }
}
