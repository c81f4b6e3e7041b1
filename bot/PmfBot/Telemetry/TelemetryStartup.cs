using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PmfBot.Teams.Connector;

namespace PmfBot.Telemetry;

public static class TelemetryStartup
{
    /// <summary>Application Insights' standard setting: App Service sets it from the Bicep.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry's standard setting, for any other collector (OTEL_EXPORTER_OTLP_PROTOCOL and the rest apply too).
    /// </summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// PmfBot's metrics, traces (each turn and each scheduled run, with the connector, Graph and
    /// storage calls under it) and logs, exported with OpenTelemetry to Application Insights and/or
    /// an OTLP collector when their standard settings are there. Without either nothing leaves the
    /// machine; the counters still count, for <c>dotnet-counters</c>.
    /// </summary>
    public static IServiceCollection AddPmfTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<PmfMetrics>();

        var applicationInsights = configuration[ApplicationInsightsSetting];
        var azure = !string.IsNullOrWhiteSpace(applicationInsights);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        if (!azure && !otlp)
        {
            return services;
        }

        void ToApplicationInsights(AzureMonitorExporterOptions o) => o.ConnectionString = applicationInsights;
        services
            .AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("PmfBot", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(PmfMetrics.MeterName, ConnectorMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (azure)
                {
                    metrics.AddAzureMonitorMetricExporter(ToApplicationInsights);
                }
            })
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(Scheduling.ScheduledRuns.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = http => !Health.HealthEndpoints.IsProbe(http.Request.Path);
                        o.EnrichWithHttpRequest = (call, request) =>
                            call.SetTag("url.path", PathWithoutPeople(request.Path.Value ?? string.Empty));
                    })
                    .AddHttpClientInstrumentation(o =>
                        o.EnrichWithHttpRequestMessage = (call, request) =>
                        {
                            if (request.RequestUri is { } url)
                            {
                                call.SetTag("url.full", WithoutPeople(url));
                            }
                        }
                    );
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (azure)
                {
                    tracing.AddAzureMonitorTraceExporter(ToApplicationInsights);
                }
            })
            .WithLogging(
                logging =>
                {
                    if (otlp)
                    {
                        logging.AddOtlpExporter();
                    }

                    if (azure)
                    {
                        logging.AddAzureMonitorLogExporter(ToApplicationInsights);
                    }
                },
                options => options.IncludeScopes = true
            ); // the turn's or run's ids, as custom dimensions
        return services;
    }

    /// <summary>
    /// A call's URL without the people in it: Graph looks people up by email (<c>/users/{email}</c>)
    /// and some storage keys are emails, so a path segment with an @ in it is left out of traces,
    /// and so is the query (storage filters name people too).
    /// </summary>
    internal static string WithoutPeople(Uri url) =>
        $"{url.Scheme}://{url.Authority}{PathWithoutPeople(url.AbsolutePath)}";

    internal static string PathWithoutPeople(string path) =>
        string.Join(
            '/',
            path.Split('/')
                .Select(s =>
                    s.Contains('@', StringComparison.Ordinal) || s.Contains("%40", StringComparison.OrdinalIgnoreCase)
                        ? "{person}"
                        : s
                )
        );
}
