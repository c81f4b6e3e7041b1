using System.Text;
using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Standings;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Results;

namespace PmfBot.Storage.Standings;

/// <summary>A standing as stored, with what an update needs: its service partition and its ETag.</summary>
public sealed record StoredStanding(string Service, MeasureStanding Standing, ETag ETag);

// Key design (table "Standings"): a partition per service, PartitionKey = the service code
// upper-cased, RowKey = the measure reference upper-cased. Properties: Measure, the figures as
// JSON in "Series" (continued in "Series1", "Series2"… should commentary make it longer than one
// property holds), "Extensions" as JSON, and "Escalations" as JSON (continued the same way).
// Why: a service's scorecard is one partition read; a department or the council is one read per
// service, in parallel (40 for a 2,000-measure council) — never one per measure. A measure that
// moves service is moved by the repair pass. Concurrency: each write is conditional on the ETag
// read, and a standing only ever takes newer figure versions (MeasureStanding.With).

/// <summary>Where every measure stands (see <see cref="MeasureStanding"/>).</summary>
public sealed class StandingStore(PmfTables tables)
{
    private const string SeriesProperty = "Series";
    private const string ExtensionsProperty = "Extensions";
    private const string EscalationsProperty = "Escalations";
    private const string MeasureProperty = "Measure";

    private readonly TableClient _table = tables.Standings;

    /// <summary>Every standing in one service: one partition read.</summary>
    public async Task<IReadOnlyList<MeasureStanding>> GetServiceAsync(
        string service,
        CancellationToken cancellationToken
    )
    {
        var found = new List<MeasureStanding>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Key(service)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(ToDomain(row).Standing);
        }

        return found;
    }

    /// <summary>Every standing, wherever it is kept: a scan of the table, for the repair pass.</summary>
    public async Task<IReadOnlyList<StoredStanding>> GetAllAsync(CancellationToken cancellationToken)
    {
        var found = new List<StoredStanding>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            found.Add(ToDomain(row));
        }

        return found;
    }

    public async Task<StoredStanding?> GetAsync(
        string service,
        MeasureReference measure,
        CancellationToken cancellationToken
    )
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(
            Key(service),
            measure.Key,
            cancellationToken: cancellationToken
        );
        return row.HasValue ? ToDomain(row.Value!) : null;
    }

    /// <summary>
    /// Writes a standing if it is still as read: <paramref name="readAs"/> null means "none was
    /// there". False when someone else wrote it first (read again and re-apply).
    /// </summary>
    public async Task<bool> TryWriteAsync(
        string service,
        MeasureStanding standing,
        ETag? readAs,
        CancellationToken cancellationToken
    )
    {
        var row = ToEntity(service, standing);
        try
        {
            if (readAs is { } etag)
            {
                await _table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await _table.AddEntityAsync(row, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Deletes a standing kept in the wrong place (or for a measure gone), if unchanged since read.</summary>
    public async Task<bool> TryDeleteAsync(StoredStanding stored, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(
                Key(stored.Service),
                stored.Standing.Measure.Key,
                stored.ETag,
                cancellationToken
            );
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static string Key(string service) => service.ToUpperInvariant();

    private static TableEntity ToEntity(string service, MeasureStanding standing)
    {
        var row = new TableEntity(Key(service), standing.Measure.Key)
        {
            [MeasureProperty] = standing.Measure.Value,
            [ExtensionsProperty] = StoredJson.Extensions(standing.Extensions),
        };
        WriteLong(row, SeriesProperty, StoredJson.Figures(standing.Recent));
        if (standing.Escalations.Count > 0)
        {
            WriteLong(row, EscalationsProperty, EscalationJson.Escalations(standing.Escalations));
        }

        TableLimits.EnsureFits(row, row.Where(p => p.Key is not ("PartitionKey" or "RowKey")).ToDictionary());
        return row;
    }

    private static StoredStanding ToDomain(TableEntity row)
    {
        var measure = MeasureReference.Parse(row.GetString(MeasureProperty));
        var standing = new MeasureStanding(
            measure,
            StoredJson.Figures(ReadLong(row, SeriesProperty) ?? "[]"),
            StoredJson.Extensions(row.GetString(ExtensionsProperty) ?? "[]")
        )
        {
            Escalations = ReadLong(row, EscalationsProperty) is { } escalations
                ? EscalationJson.Escalations(escalations)
                : [],
        };
        return new StoredStanding(row.PartitionKey, standing, row.ETag);
    }

    // A JSON value longer than one property holds goes on in "Name1", "Name2"…
    private static void WriteLong(TableEntity row, string name, string json)
    {
        var parts = json.Chunk(TableLimits.MaxStringChars).Select(c => new string(c)).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            row[i == 0 ? name : name + i] = parts[i];
        }
    }

    private static string? ReadLong(TableEntity row, string name)
    {
        if (row.GetString(name) is not { } first)
        {
            return null;
        }

        var json = new StringBuilder(first);
        for (var i = 1; row.GetString(name + i) is { } more; i++)
        {
            json.Append(more);
        }

        return json.ToString();
    }
}
