using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.People;

namespace PmfBot.Storage.People;

// Key design (table "Leavers"): one partition, "leaver"; RowKey = the person's id (work email, lower-case).
// Why: a council has tens of leavers on record at a time, and every due scan reads them all at once.

internal sealed class LeaverEntity : StoredEntity
{
    public const string Partition = "leaver";

    public string Person { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public DateTimeOffset NoticedAt { get; set; }
    public string Why { get; set; } = string.Empty;

    /// <summary>The performance team members told, one id per line.</summary>
    public string ToldTo { get; set; } = string.Empty;
}

/// <summary>The people who have left, as PmfBot learned it: read whole by the due scans.</summary>
public sealed class LeaverStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Leavers;

    /// <summary>Leavers recorded or removed by this process: what is kept of the table in memory compares it.</summary>
    public long Writes => LocalWrites.Of(_table);

    /// <summary>Records a leaver. False when they were already on record (the first record stands).</summary>
    public async Task<bool> TryAddAsync(Leaver leaver, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(TableLimits.EnsureFits(ToEntity(leaver)), cancellationToken);
            LocalWrites.Made(_table);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Leaver?> GetAsync(PersonId person, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<LeaverEntity>(
            LeaverEntity.Partition,
            Row(person),
            cancellationToken: cancellationToken
        );
        return found.HasValue && found.Value is { } e ? ToDomain(e) : null;
    }

    /// <summary>Everyone on record, by id.</summary>
    public async Task<IReadOnlyDictionary<PersonId, Leaver>> GetAllAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<PersonId, Leaver>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LeaverEntity.Partition}");
        await foreach (var e in _table.QueryAsync<LeaverEntity>(filter, cancellationToken: cancellationToken))
        {
            var leaver = ToDomain(e);
            all[leaver.Person] = leaver;
        }

        return all;
    }

    /// <summary>
    /// Claims telling a performance team member, before the message goes (ETag-checked: of two runs, one wins). False
    /// when they were told, or are being told, already.
    /// </summary>
    public Task<bool> TryClaimNoticeAsync(PersonId person, PersonId member, CancellationToken cancellationToken) =>
        ChangeToldAsync(person, told => told.Contains(member) ? null : [.. told, member], cancellationToken);

    /// <summary>Gives a claim back when the message could not be sent, so a later run tries again.</summary>
    public Task ReleaseNoticeAsync(PersonId person, PersonId member, CancellationToken cancellationToken) =>
        ChangeToldAsync(
            person,
            told => told.Contains(member) ? [.. told.Where(t => t != member)] : null,
            cancellationToken
        );

    /// <returns>True when the change was written; false when <paramref name="change"/> had nothing to change.</returns>
    private async Task<bool> ChangeToldAsync(
        PersonId person,
        Func<IReadOnlyList<PersonId>, IReadOnlyList<PersonId>?> change,
        CancellationToken cancellationToken
    )
    {
        while (true)
        {
            var e = (
                await _table.GetEntityAsync<LeaverEntity>(LeaverEntity.Partition, Row(person), null, cancellationToken)
            ).Value;
            if (change(ToDomain(e).ToldTo) is not { } told)
            {
                return false;
            }

            e.ToldTo = string.Join('\n', told.Select(t => t.Value));
            try
            {
                await _table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException x) when (x.Status == 412)
            {
                // Changed meanwhile (another run's claim): judge again on what it wrote.
            }
        }
    }

    public async Task DeleteAsync(PersonId person, CancellationToken cancellationToken)
    {
        await _table.DeleteEntityAsync(LeaverEntity.Partition, Row(person), ETag.All, cancellationToken);
        LocalWrites.Made(_table);
    }

    private static string Row(PersonId person) => person.Value.ToLowerInvariant();

    private static LeaverEntity ToEntity(Leaver l) =>
        new()
        {
            PartitionKey = LeaverEntity.Partition,
            RowKey = Row(l.Person),
            Person = l.Person.Value,
            Name = l.Name,
            NoticedAt = l.NoticedAt,
            Why = l.Why.ToString(),
            ToldTo = string.Join('\n', l.ToldTo.Select(t => t.Value)),
        };

    private static Leaver ToDomain(LeaverEntity e) =>
        new(
            PersonId.Parse(e.Person),
            e.Name,
            e.NoticedAt,
            Enum.Parse<LeavingReason>(e.Why),
            [.. e.ToldTo.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(PersonId.Parse)]
        );
}
