namespace PmfBot.Features.Extensions;

public static class ExtensionsStartup
{
    /// <summary>Extension requests: who decides them, asking, deciding and telling people.</summary>
    public static IServiceCollection AddExtensions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExtensionOptions>().Bind(configuration.GetSection(ExtensionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExtensionNotices>();
        services.AddSingleton<ExtensionRequests>();
        services.AddSingleton<ExtensionDecisions>();
        return services;
    }
}
