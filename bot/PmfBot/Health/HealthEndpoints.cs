using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PmfBot.Teams.Auth;

namespace PmfBot.Health;

/// <summary>
/// /healthz: liveness, the process answers (App Service restarts an instance that stops).
/// /readyz: readiness, it can do its work: storage answers, the scheduler's lease state is known,
/// Bot Framework's signing keys are fetched. A JSON body says which check failed and why.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";
    private const string Liveness = "/healthz",
        Readiness = "/readyz";

    /// <summary>The platform's probes: polled every few seconds by every instance, so kept out of traces.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments(Liveness) || path.StartsWithSegments(Readiness);

    public static IServiceCollection AddPmfHealthChecks(this IServiceCollection services)
    {
        services
            .AddHealthChecks()
            .AddCheck<TableStorageHealthCheck>("table-storage", tags: [Ready])
            .AddCheck<LeadershipHealthCheck>("scheduler-lease", tags: [Ready])
            .AddCheck<BotMetadataHealthCheck>("bot-framework-keys", tags: [Ready]);
        return services;
    }

    public static WebApplication MapPmfHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(Liveness, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(
            Readiness,
            new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }
        );
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(
            JsonSerializer.Serialize(
                new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(
                        e => e.Key,
                        e => new { status = e.Value.Status.ToString(), description = e.Value.Description }
                    ),
                }
            )
        );
    }
}
