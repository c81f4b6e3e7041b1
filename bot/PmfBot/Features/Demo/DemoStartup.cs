using System.Globalization;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Calendar;

namespace PmfBot.Features.Demo;

public static partial class DemoStartup
{
    public static IServiceCollection AddDemoCouncil(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService<SeedOnStart>();
        return services;
    }

    /// <summary>The demo's "today": Demo:AsOf, or the UK date now.</summary>
    public static DateOnly AsOf(DemoOptions options, TimeProvider time) =>
        options.AsOf is { Length: > 0 } text
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : UkTime.DateAt(time.GetUtcNow());

    /// <summary>
    /// Seeds before the host starts serving (hosted services start in order, after the tables are created).
    /// </summary>
    private sealed partial class SeedOnStart(
        DemoSeeder seeder,
        IOptions<DemoOptions> options,
        TimeProvider time,
        ILogger<SeedOnStart> logger
    ) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (!options.Value.SeedOnStart)
            {
                return;
            }

            var summary = await seeder.SeedAsync(AsOf(options.Value, time), cancellationToken);
            LogSeeded(logger, summary);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
        private static partial void LogSeeded(ILogger logger, DemoSeedSummary summary);
    }
}
