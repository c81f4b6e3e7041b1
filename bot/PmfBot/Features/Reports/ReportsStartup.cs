using System.Text;
using PmfBot.Bot;
using PmfBot.Council;

namespace PmfBot.Features.Reports;

public static class ReportsStartup
{
    /// <summary>
    /// Period reports for Cabinet and Overview &amp; Scrutiny: asked for in the chat, downloaded by link.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<ReportOptions>()
            .Bind(configuration.GetSection(ReportOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ResultsExporter>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<PlanActivitiesExporter>();
        services.AddSingleton<Workbooks.QuarterlyWorkbook>();
        services.AddSingleton<ReportCommands>();
        return services;
    }

    /// <summary>
    /// GET /reports/{link}: the spreadsheet a link in the chat names, written from the figures as they are now.
    /// </summary>
    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapGet(
            "/reports/{token}",
            async (
                string token,
                ReportLinks links,
                CouncilToday catalogue,
                ResultsExporter exporter,
                PlanActivitiesExporter activities,
                Workbooks.QuarterlyWorkbook workbook,
                Microsoft.Extensions.Options.IOptions<CouncilOptions> council,
                CancellationToken cancellationToken
            ) =>
            {
                var (request, problem) = links.Read(token);
                if (request is null)
                {
                    return Results.Text(problem, statusCode: StatusCodes.Status410Gone);
                }

                var current = await catalogue.LoadAsync(cancellationToken);
                var text = new StringWriter();
                var name = $"{council.Value.Name} {request.Period} {request.Scope.TitleIn(current, "council")}";
                name = name.Replace('/', '-');
                if (request.Part == ReportPart.Workbook)
                {
                    var file = new MemoryStream();
                    await workbook.WriteAsync(current, request.Period, request.Scope, file, cancellationToken);
                    return Results.File(
                        file.ToArray(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        $"{name} performance report.xlsx"
                    );
                }

                if (request.Part == ReportPart.PlanActivities)
                {
                    await activities.WriteAsync(current, request.Period, request.Scope, text, cancellationToken);
                    name += " activities";
                }
                else
                {
                    await exporter.WriteAsync(current, request.Period, text, cancellationToken, request.Scope);
                }

                // With a byte-order mark, so Excel reads "£" and "–" as written.
                return Results.File(
                    [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())],
                    "text/csv; charset=utf-8",
                    $"{name}.csv"
                );
            }
        );
        return app;
    }

    /// <summary>"report for Q2 2026/27" typed.</summary>
    public static TurnRouter MapReports(this TurnRouter router, IServiceProvider services) =>
        router.OnFreeText(services.GetRequiredService<ReportCommands>().TypedAsync);
}
