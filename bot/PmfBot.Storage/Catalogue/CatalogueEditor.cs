using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Storage.Catalogue;

public enum CatalogueWriteOutcome
{
    Written,

    /// <summary>
    /// Someone else changed or added one of these items since the catalogue was read; nothing was written.
    /// </summary>
    ChangedByOthers,
}

/// <summary>
/// A catalogue read with its versions. <see cref="TryWriteAsync"/> writes a change as one
/// transaction, checking every item against the version read (optimistic concurrency), and
/// keeps the editor's view current so a sequence of changes (an import) can follow.
/// </summary>
public sealed class CatalogueEditor
{
    private readonly TableClient _table;
    private readonly Dictionary<string, ETag> _versions;

    internal CatalogueEditor(TableClient table, CouncilCatalogue catalogue, Dictionary<string, ETag> versions)
    {
        _table = table;
        Catalogue = catalogue;
        _versions = versions;
    }

    /// <summary>The catalogue as read, plus every change written through this editor.</summary>
    public CouncilCatalogue Catalogue { get; private set; }

    /// <summary>The most items one change may hold: a transaction's 100, less the version row.</summary>
    public const int MaxChange = TableLimits.MaxBatchSize - 1;

    public async Task<CatalogueWriteOutcome> TryWriteAsync(CatalogueChange change, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(change.Count, MaxChange, nameof(change));
        if (change.Count == 0)
        {
            return CatalogueWriteOutcome.Written;
        }

        var entities = new List<CatalogueEntity>();
        entities.AddRange(change.Departments.Select(CatalogueMapping.ToEntity));
        entities.AddRange(change.Services.Select(CatalogueMapping.ToEntity));
        entities.AddRange(change.Priorities.Select(CatalogueMapping.ToEntity));
        entities.AddRange(change.People.Select(CatalogueMapping.ToEntity));
        entities.AddRange(change.Measures.Select(CatalogueMapping.ToEntity));
        entities.AddRange(change.Activities.Select(CatalogueMapping.ToEntity));

        if (entities.GroupBy(e => e.RowKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{twice.Key} appears twice in one change.", nameof(change));
        }

        var actions = entities
            .Select(entity =>
            {
                TableLimits.EnsureFits(entity);
                return _versions.TryGetValue(entity.RowKey, out var version)
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, version)
                    : new TableTransactionAction(TableTransactionActionType.Add, entity);
            })
            .ToList();
        actions.Add(
            new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new CatalogueVersionEntity { ChangedAt = DateTimeOffset.UtcNow }
            )
        );

        Response<IReadOnlyList<Response>> responses;
        try
        {
            responses = await _table.SubmitTransactionAsync(actions, cancellationToken);
            LocalWrites.Made(_table);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return CatalogueWriteOutcome.ChangedByOthers;
        }

        for (var i = 0; i < entities.Count; i++)
        {
            _versions[entities[i].RowKey] = responses.Value[i].Headers.ETag ?? ETag.All;
        }

        Catalogue = Catalogue.With(change);
        return CatalogueWriteOutcome.Written;
    }
}
