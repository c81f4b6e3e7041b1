using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace PmfBot.Storage;

/// <summary>The tables PmfBot owns, named with the configured prefix. Created at start-up.</summary>
public sealed class PmfTables
{
    public PmfTables(IOptions<StorageOptions> options)
        : this(new TableServiceClient(options.Value.ConnectionString, ClientOptions()), options.Value.TablePrefix) { }

    /// <summary>
    /// Retries short enough that a turn which finds storage down still answers well inside Teams'
    /// 15 seconds: three tries over about a second when storage refuses connections, five seconds
    /// at most for one that doesn't answer. The SDK's defaults (four tries, backing off from 0.8 s,
    /// 100 s per try) would outlast the turn. Scheduled work tries again at its next run.
    /// </summary>
    public static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }

    public PmfTables(TableServiceClient service, string prefix)
    {
        Service = service;
        Catalogue = service.GetTableClient(prefix + "Catalogue");
        Results = service.GetTableClient(prefix + "Results");
        Conversations = service.GetTableClient(prefix + "Conversations");
        Prompts = service.GetTableClient(prefix + "Prompts");
        Cover = service.GetTableClient(prefix + "Cover");
        Escalations = service.GetTableClient(prefix + "Escalations");
        Subscriptions = service.GetTableClient(prefix + "Subscriptions");
        Digests = service.GetTableClient(prefix + "Digests");
        Outbox = service.GetTableClient(prefix + "Outbox");
        Standings = service.GetTableClient(prefix + "Standings");
        Leavers = service.GetTableClient(prefix + "Leavers");
    }

    public TableServiceClient Service { get; }

    /// <summary>
    /// Departments, services, priorities, people, measures, activities: one partition (see CatalogueStore).
    /// </summary>
    public TableClient Catalogue { get; }

    /// <summary>
    /// Results, their audit trail and deadline extensions, a partition per measure (see ResultStore).
    /// </summary>
    public TableClient Results { get; }

    /// <summary>Where to reach people and channels proactively (see ConversationStore).</summary>
    public TableClient Conversations { get; }

    /// <summary>
    /// Claims and outcomes of the update cycle's prompts, reminders and chasers, a partition per measure (see
    /// PromptStore).
    /// </summary>
    public TableClient Prompts { get; }

    /// <summary>Delegations and snoozes, a partition per person (see CoverStore).</summary>
    public TableClient Cover { get; }

    /// <summary>
    /// Escalations to the escalation owner and their decisions, a partition per measure (see EscalationStore).
    /// </summary>
    public TableClient Escalations { get; }

    /// <summary>Channels' digest subscriptions, one partition (see SubscriptionStore).</summary>
    public TableClient Subscriptions { get; }

    /// <summary>
    /// Claims and outcomes of weekly digest postings, a partition per subscription (see DigestStore).
    /// </summary>
    public TableClient Digests { get; }

    /// <summary>Markers of figure events not yet handled, one partition (see OutboxEntities.cs).</summary>
    public TableClient Outbox { get; }

    /// <summary>Where every measure stands, a partition per service (see StandingStore).</summary>
    public TableClient Standings { get; }

    /// <summary>People who have left, one partition (see LeaverStore).</summary>
    public TableClient Leavers { get; }

    public IEnumerable<TableClient> All =>
        [
            Catalogue,
            Results,
            Conversations,
            Prompts,
            Cover,
            Escalations,
            Subscriptions,
            Digests,
            Outbox,
            Standings,
            Leavers,
        ];

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
