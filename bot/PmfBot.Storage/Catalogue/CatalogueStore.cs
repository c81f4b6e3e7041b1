using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Storage.Catalogue;

/// <summary>Reads and writes the council's catalogue (key design in CatalogueEntities.cs).</summary>
public sealed class CatalogueStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Catalogue;

    // The catalogue as last read, with the version it was read at. Every turn reads the catalogue:
    // for a council of thousands of measures, reading the partition each time cost more than the turn.
    private volatile Cached? _cached;

    /// <summary>This process's writes of the catalogue, for a copy kept in memory (see LocalWrites).</summary>
    public long Writes => LocalWrites.Of(_table);

    /// <summary>
    /// The whole catalogue: one point read of its version, and only when that has changed (here or
    /// on another instance) six RowKey-range reads of the one catalogue partition.
    /// </summary>
    public async Task<CouncilCatalogue> LoadAsync(CancellationToken cancellationToken)
    {
        var version = await _table.GetEntityIfExistsAsync<CatalogueVersionEntity>(
            CatalogueEntity.Partition,
            CatalogueVersionEntity.Key,
            [nameof(CatalogueVersionEntity.ChangedAt)],
            cancellationToken
        );
        var etag = version.HasValue ? version.Value!.ETag : default;
        if (etag != default && _cached is { } cached && cached.Version == etag)
        {
            return cached.Catalogue;
        }

        // Read after the version: a change in between makes the next load read again, never keeps a stale copy.
        var catalogue = (await OpenAsync(cancellationToken)).Catalogue;
        if (etag != default)
        {
            _cached = new Cached(etag, catalogue);
        }

        return catalogue;
    }

    /// <summary>
    /// The catalogue with the versions (ETags) of what was read, for changes that must not trample someone else's.
    /// </summary>
    public async Task<CatalogueEditor> OpenAsync(CancellationToken cancellationToken)
    {
        var departmentsTask = ReadKindAsync<DepartmentEntity>(DepartmentEntity.Kind, cancellationToken);
        var servicesTask = ReadKindAsync<ServiceEntity>(ServiceEntity.Kind, cancellationToken);
        var prioritiesTask = ReadKindAsync<PriorityEntity>(PriorityEntity.Kind, cancellationToken);
        var peopleTask = ReadKindAsync<PersonEntity>(PersonEntity.Kind, cancellationToken);
        var measuresTask = ReadKindAsync<MeasureEntity>(MeasureEntity.Kind, cancellationToken);
        var activitiesTask = ReadKindAsync<PlanActivityEntity>(PlanActivityEntity.Kind, cancellationToken);
        await Task.WhenAll(departmentsTask, servicesTask, prioritiesTask, peopleTask, measuresTask, activitiesTask);
        var (departments, services, priorities, people, measures, activities) = (
            await departmentsTask,
            await servicesTask,
            await prioritiesTask,
            await peopleTask,
            await measuresTask,
            await activitiesTask
        );

        var versions = new Dictionary<string, ETag>(StringComparer.Ordinal);
        foreach (
            var entity in new IEnumerable<CatalogueEntity>[]
            {
                departments,
                services,
                priorities,
                people,
                measures,
                activities,
            }.SelectMany(e => e)
        )
        {
            versions[entity.RowKey] = entity.ETag;
        }

        var catalogue = new CouncilCatalogue(
            [.. departments.Select(CatalogueMapping.ToDomain)],
            [.. services.Select(CatalogueMapping.ToDomain)],
            [.. priorities.Select(CatalogueMapping.ToDomain)],
            [.. people.Select(CatalogueMapping.ToDomain)],
            [.. measures.Select(CatalogueMapping.ToDomain)],
            [.. activities.Select(CatalogueMapping.ToDomain)]
        );
        return new CatalogueEditor(_table, catalogue, versions);
    }

    private async Task<List<T>> ReadKindAsync<T>(string kind, CancellationToken cancellationToken)
        where T : CatalogueEntity, new()
    {
        var filter = RowKeyPrefix.Filter(CatalogueEntity.Partition, kind + "|");
        var list = new List<T>();
        await foreach (var entity in _table.QueryAsync<T>(filter, cancellationToken: cancellationToken))
        {
            list.Add(entity);
        }

        return list;
    }

    private sealed record Cached(ETag Version, CouncilCatalogue Catalogue);
}
