using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.Prompts;
using PmfBot.Storage.Results;

namespace PmfBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table storage: validated options, the tables (created at start-up) and one store per aggregate.
    /// </summary>
    public static IServiceCollection AddPmfStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PmfTables>();
        services.AddSingleton<CatalogueStore>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<PromptStore>();
        services.AddSingleton<Cover.CoverStore>();
        services.AddSingleton<PlanActivities.PlanActivityProgressStore>();
        services.AddSingleton<Escalations.EscalationStore>();
        services.AddSingleton<Digests.SubscriptionStore>();
        services.AddSingleton<Digests.DigestStore>();
        services.AddSingleton<Outbox.OutboxStore>();
        services.AddSingleton<Standings.StandingStore>();
        services.AddSingleton<People.LeaverStore>();
        services.AddHostedService<TableCreator>();
        return services;
    }

    /// <summary>
    /// Creates the tables before the host serves anything (a hosted service's StartAsync runs before the server
    /// starts).
    /// </summary>
    private sealed class TableCreator(PmfTables tables) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureCreatedAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
