namespace PmfBot.Delivery;

public static class DeliveryStartup
{
    /// <summary>
    /// Sending every feature uses: a step's card claimed and sent once, and cards already sent updated in place.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<KnownLeavers>();
        services.AddSingleton<ClaimedSend>();
        services.AddSingleton<SentCards>();
        services.AddSingleton<OwnerLeftNotices>();
        services.AddSingleton<DueWorkRunner>();
        return services;
    }
}
