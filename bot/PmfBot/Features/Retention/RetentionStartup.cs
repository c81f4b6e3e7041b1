using PmfBot.Scheduling;

namespace PmfBot.Features.Retention;

public static class RetentionStartup
{
    /// <summary>
    /// The audit trail's retention (a daily job on the scheduler leader, unless the council keeps everything) and the
    /// sweep of personal data kept only to run the cycle (always).
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AuditRetention>();
        services.AddSingleton<PersonalDataSweep>();

        var settings = configuration.GetSection(RetentionOptions.SectionName).Get<RetentionOptions>()
            ?? new RetentionOptions();
        if (settings.DeleteExpiredAuditEntries)
        {
            services.AddRepeatingJob<AuditRetention>("audit-retention", settings.CheckEvery);
        }

        if (settings.SweepOnSchedule)
        {
            services.AddRepeatingJob<PersonalDataSweep>("personal-data-sweep", settings.CheckEvery);
        }

        return services;
    }
}
