namespace PmfBot.Features.Catalogue;

public static class CatalogueStartup
{
    public static IServiceCollection AddCatalogueFeature(this IServiceCollection services)
    {
        services.AddSingleton<CatalogueImporter>();
        return services;
    }
}
