using System.Globalization;
using PmfBot.Delivery;
using PmfBot.Domain.Calendar;

namespace PmfBot.Features.Demo;

/// <summary>
/// With the demo clock only (so Development only): move "now" forward and run the due scan at
/// once, to watch reminders and chasers arrive without waiting days; post the digests owed now. Loopback callers only.
/// </summary>
public static class DemoEndpoints
{
    public static WebApplication MapDemoEndpoints(this WebApplication app)
    {
        if (app.Services.GetService<DemoClock>() is null)
        {
            return app;
        }

        var demo = app.MapGroup("/_demo")
            .AddEndpointFilter(
                async (context, next) =>
                    context.HttpContext.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                        ? await next(context)
                        : Results.StatusCode(StatusCodes.Status403Forbidden)
            );

        demo.MapGet("/clock", (DemoClock clock) => Results.Ok(Now(clock)));

        // POST /_demo/clock?to=2026-11-10T09:00 (UK time) or ?advance=3.00:00:00
        demo.MapPost("/clock", (DemoClock clock, string? to, string? advance) =>
        {
            DateTimeOffset target;
            if (
                to is { Length: > 0 }
                && DateTime.TryParseExact(
                    to,
                    ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"],
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var local
                )
            )
            {
                target = UkTime.At(
                    DateOnly.FromDateTime(local),
                    to.Length == 10 ? new TimeOnly(9, 0) : TimeOnly.FromDateTime(local)
                );
            }
            else if (advance is { Length: > 0 } && TimeSpan.TryParse(advance, CultureInfo.InvariantCulture, out var by))
            {
                target = clock.GetUtcNow() + by;
            }
            else
            {
                return Results.BadRequest("Give ?to=yyyy-MM-ddTHH:mm (UK time) or ?advance=d.hh:mm:ss.");
            }

            return clock.MoveTo(target)
                ? Results.Ok(Now(clock))
                : Results.BadRequest("The demo clock only moves forward.");
        });

        demo.MapPost("/due-scan", async (DueWorkRunner due, CancellationToken cancellationToken) =>
            Results.Ok($"Due scan: {await due.RunAllAsync(cancellationToken)}")
        );
        // The digests' job, found by its name: features meet through the host, not each other's types.
        demo.MapPost(
            "/digests",
            async (
                [FromKeyedServices("digests")] Scheduling.IScheduledWork digests,
                CancellationToken cancellationToken
            ) =>
            {
                await digests.RunScheduledAsync(cancellationToken);
                return Results.Ok("Posted the digests owed now.");
            }
        );
        return app;
    }

    private static object Now(DemoClock clock) =>
        new
        {
            utc = clock.GetUtcNow(),
            uk = UkTime.LocalAt(clock.GetUtcNow()).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        };
}
