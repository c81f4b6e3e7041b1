using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Storage.Catalogue;

/// <summary>Reads and writes the council's catalogue (key design in CatalogueEntities.cs).</summary>
public sealed class CatalogueStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Catalogue;

    /// <summary>The whole catalogue: six RowKey-range reads of the one catalogue partition.</summary>
    public async Task<Domain.Catalogue.Catalogue> LoadAsync(CancellationToken cancellationToken) =>
        (await OpenAsync(cancellationToken)).Catalogue;

    /// <summary>The catalogue with the versions (ETags) of what was read, for changes that must not trample someone else's.</summary>
    public async Task<CatalogueEditor> OpenAsync(CancellationToken cancellationToken)
    {
        var departments = ReadKindAsync<DepartmentEntity>(DepartmentEntity.Kind, cancellationToken);
        var services = ReadKindAsync<ServiceEntity>(ServiceEntity.Kind, cancellationToken);
        var priorities = ReadKindAsync<PriorityEntity>(PriorityEntity.Kind, cancellationToken);
        var people = ReadKindAsync<PersonEntity>(PersonEntity.Kind, cancellationToken);
        var measures = ReadKindAsync<MeasureEntity>(MeasureEntity.Kind, cancellationToken);
        var activities = ReadKindAsync<ActivityEntity>(ActivityEntity.Kind, cancellationToken);
        await Task.WhenAll(departments, services, priorities, people, measures, activities);

        var versions = new Dictionary<string, ETag>(StringComparer.Ordinal);
        foreach (var entity in new IEnumerable<CatalogueEntity>[] { departments.Result, services.Result, priorities.Result, people.Result, measures.Result, activities.Result }.SelectMany(e => e))
        {
            versions[entity.RowKey] = entity.ETag;
        }

        var catalogue = new Domain.Catalogue.Catalogue(
            [.. departments.Result.Select(CatalogueMapping.ToDomain)],
            [.. services.Result.Select(CatalogueMapping.ToDomain)],
            [.. priorities.Result.Select(CatalogueMapping.ToDomain)],
            [.. people.Result.Select(CatalogueMapping.ToDomain)],
            [.. measures.Result.Select(CatalogueMapping.ToDomain)],
            [.. activities.Result.Select(CatalogueMapping.ToDomain)]);
        return new CatalogueEditor(_table, catalogue, versions);
    }

    private async Task<List<T>> ReadKindAsync<T>(string kind, CancellationToken cancellationToken)
        where T : CatalogueEntity, new()
    {
        // '|' + 1 = '}': every RowKey "kind|…" sorts between "kind|" and "kind}".
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CatalogueEntity.Partition} and RowKey ge {kind + "|"} and RowKey lt {kind + "}"}");
        var list = new List<T>();
        await foreach (var entity in _table.QueryAsync<T>(filter, cancellationToken: cancellationToken))
        {
            list.Add(entity);
        }

        return list;
    }
}
