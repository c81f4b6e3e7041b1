using PmfBot.Scheduling;

namespace PmfBot.Features.Retention;

public static class RetentionStartup
{
    /// <summary>
    /// The audit trail's retention: a daily job on the scheduler leader, unless the council keeps everything.
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AuditRetention>();

        var settings = configuration.GetSection(RetentionOptions.SectionName).Get<RetentionOptions>()
            ?? new RetentionOptions();
        if (settings.DeleteExpiredAuditEntries)
        {
            services.AddRepeatingJob<AuditRetention>("audit-retention", settings.CheckEvery);
        }

        return services;
    }
}
