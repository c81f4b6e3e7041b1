using PmfBot.Bot;

namespace PmfBot.Features.MeasureSearch;

public static class MeasureSearchStartup
{
    public static IServiceCollection AddMeasureSearch(this IServiceCollection services) =>
        services.AddSingleton<MeasureSearch>();

    /// <summary>"Find a measure": the search message extension's one command.</summary>
    public static TurnRouter MapMeasureSearch(this TurnRouter router, IServiceProvider services) =>
        router.OnSearch(MeasureSearch.CommandId, services.GetRequiredService<MeasureSearch>().SearchAsync);
}
