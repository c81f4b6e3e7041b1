using Microsoft.Extensions.FileProviders;
using PmfBot.Tab;

namespace PmfBot.Features.PerformanceTab;

public static class PerformanceTabStartup
{
    /// <summary>The folder (beside the host's binaries) the tab's page is bundled into at build time.</summary>
    public const string PageFolder = "tab";

    /// <summary>
    /// The Performance tab: a page in Teams (personal, or pinned in a channel for a service or department) showing
    /// what the signed-in person may see of the council's measures.
    /// </summary>
    public static IServiceCollection AddPerformanceTab(this IServiceCollection services)
    {
        services.AddSingleton<TabQuery>();
        // A department's data is hundreds of KB of JSON, the page's script a few hundred more: compressed for Teams
        // mobile. Nothing a request sends is reflected in these answers, so compressing over https is safe here.
        services.AddResponseCompression(options => options.EnableForHttps = true);
        return services;
    }

    /// <summary>GET /tab/ (the page), and under /api/tab: "me", the measures, one measure's story.</summary>
    public static WebApplication MapPerformanceTab(this WebApplication app)
    {
        app.UseWhen(
            context =>
                context.Request.Path.StartsWithSegments("/tab") || context.Request.Path.StartsWithSegments("/api/tab"),
            tab => tab.UseResponseCompression()
        );
        var folder = Path.Combine(AppContext.BaseDirectory, PageFolder);
        if (Directory.Exists(folder))
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = "/tab" });
            app.UseStaticFiles(
                new StaticFileOptions
                {
                    FileProvider = files,
                    RequestPath = "/tab",
                    // Teams shows the tab in an iframe of its own pages: allow Teams' hosts to frame it, nobody else.
                    OnPrepareResponse = context =>
                        context.Context.Response.Headers.ContentSecurityPolicy =
                            "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com "
                            + "https://*.cloud.microsoft https://*.office.com",
                }
            );
        }

        var api = app.MapTabApi();
        api.MapGet("/measures", (HttpContext context, TabQuery query, CancellationToken cancellationToken) =>
            query.MeasuresAsync(TabUser.Of(context), cancellationToken)
        );
        api.MapGet(
            "/measures/{reference}",
            async (string reference, HttpContext context, TabQuery query, CancellationToken cancellationToken) =>
                await query.MeasureAsync(TabUser.Of(context), reference, cancellationToken) is { } story
                    ? Results.Ok(story)
                    : TabProblem.Answer(StatusCodes.Status404NotFound, $"\"{reference}\" isn't a measure you can see.")
        );
        return app;
    }
}
