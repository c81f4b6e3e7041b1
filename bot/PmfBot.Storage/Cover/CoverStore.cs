using Azure.Data.Tables;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;

namespace PmfBot.Storage.Cover;

// Key design (table "Cover"): a partition per person (their id, lower-case). RowKeys:
//   "delegation|{id}"             a delegation by this owner; ended early by moving Until back
//   "snooze|{measure key | *}"    this person's snooze, one per measure (or for all), replaced
// Why: an owner's delegations and a person's snoozes are one partition read for "my
// delegations"; the scan and each turn read what is in force with one query on Until, which
// stays small (what has ended is skipped by the filter).

public sealed class DelegationEntity : StoredEntity
{
    public const string Prefix = "delegation|";

    public string Owner { get; set; } = string.Empty;
    public string Delegate { get; set; } = string.Empty;
    public string? Measure { get; set; }

    /// <summary>"yyyy-MM-dd", so it compares as text in a filter.</summary>
    public string Until { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class SnoozeEntity : StoredEntity
{
    public const string Prefix = "snooze|";

    public string Person { get; set; } = string.Empty;
    public string? Measure { get; set; }
    public string Until { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Delegations and snoozes: who covers for whom, and whose reminders wait.</summary>
public sealed class CoverStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Cover;

    /// <summary>This process's writes of delegations, for a copy kept in memory (<see cref="LocalWrites"/>).</summary>
    public long DelegationWrites => LocalWrites.Of(_table);

    public async Task AddAsync(Delegation delegation, CancellationToken cancellationToken)
    {
        await _table.AddEntityAsync(TableLimits.EnsureFits(ToEntity(delegation)), cancellationToken);
        LocalWrites.Made(_table);
    }

    /// <summary>Delegations in force on a day or later (not yet ended), across all owners.</summary>
    public async Task<IReadOnlyList<Delegation>> GetDelegationsInForceAsync(
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var list = new List<Delegation>();
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {DelegationEntity.Prefix} and RowKey lt {"delegation}"} and Until ge {Day(today)}"
        );
        await foreach (var e in _table.QueryAsync<DelegationEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(ToDomain(e));
        }

        return list;
    }

    /// <summary>Ends an owner's delegations in force: each now ended yesterday. Returns those ended.</summary>
    public Task<IReadOnlyList<Delegation>> EndAsync(PersonId owner, DateOnly today, CancellationToken cancellationToken)
    {
        var (from, to, day) = (DelegationEntity.Prefix, "delegation}", Day(today));
        return EndWhereAsync(
            TableClient.CreateQueryFilter(
                $"PartitionKey eq {owner.Value} and RowKey ge {from} and RowKey lt {to} and Until ge {day}"
            ),
            today,
            cancellationToken
        );
    }

    /// <summary>
    /// Ends every delegation a person gave or holds (someone who left), as <see cref="EndAsync"/> does, and drops their
    /// snoozes. Returns the delegations ended.
    /// </summary>
    public async Task<IReadOnlyList<Delegation>> EndInvolvingAsync(
        PersonId person,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var (from, to, day) = (DelegationEntity.Prefix, "delegation}", Day(today));
        var ended = new List<Delegation>(await EndAsync(person, today, cancellationToken));
        ended.AddRange(
            await EndWhereAsync(
                TableClient.CreateQueryFilter(
                    $"RowKey ge {from} and RowKey lt {to} and Delegate eq {person.Value} and Until ge {day}"
                ),
                today,
                cancellationToken
            )
        );

        var snoozes = TableClient.CreateQueryFilter(
            $"PartitionKey eq {person.Value} and RowKey ge {SnoozeEntity.Prefix} and RowKey lt {"snooze}"}"
        );
        await foreach (var e in _table.QueryAsync<SnoozeEntity>(snoozes, cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(e.PartitionKey, e.RowKey, e.ETag, cancellationToken);
        }

        return ended;
    }

    /// <summary>Deletes delegations and snoozes that ended before a day (retention). Returns how many went.</summary>
    public async Task<int> DeleteEndedBeforeAsync(DateOnly before, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Until lt {Day(before)}");
        var deleted = await TableSweep.DeleteAsync(_table, filter, cancellationToken);
        if (deleted > 0)
        {
            LocalWrites.Made(_table);
        }

        return deleted;
    }

    /// <summary>Ends the delegations a filter finds: each now ended yesterday.</summary>
    private async Task<IReadOnlyList<Delegation>> EndWhereAsync(
        string filter,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var ended = new List<Delegation>();
        await foreach (var e in _table.QueryAsync<DelegationEntity>(filter, cancellationToken: cancellationToken))
        {
            e.Until = Day(today.AddDays(-1));
            await _table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, cancellationToken);
            LocalWrites.Made(_table);
            ended.Add(ToDomain(e));
        }

        return ended;
    }

    /// <summary>Sets a person's snooze for a measure (or all), replacing any earlier one.</summary>
    public async Task SnoozeAsync(Snooze snooze, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(
            new SnoozeEntity
            {
                PartitionKey = snooze.Person.Value,
                RowKey = SnoozeEntity.Prefix + (snooze.Measure?.Key ?? "*"),
                Person = snooze.Person.Value,
                Measure = snooze.Measure?.Value,
                Until = Day(snooze.Until),
                CreatedAt = snooze.CreatedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken
        );

    /// <summary>Snoozes not yet over, across everyone.</summary>
    public async Task<IReadOnlyList<Snooze>> GetSnoozesInForceAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var list = new List<Snooze>();
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {SnoozeEntity.Prefix} and RowKey lt {"snooze}"} and Until gt {Day(today)}"
        );
        await foreach (var e in _table.QueryAsync<SnoozeEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(
                new Snooze(
                    PersonId.Parse(e.Person),
                    e.Measure is null ? null : MeasureReference.Parse(e.Measure),
                    DateOnly.ParseExact(e.Until, "yyyy-MM-dd"),
                    e.CreatedAt
                )
            );
        }

        return list;
    }

    private static string Day(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DelegationEntity ToEntity(Delegation d) =>
        new()
        {
            PartitionKey = d.Owner.Value,
            RowKey = DelegationEntity.Prefix + d.Id,
            Owner = d.Owner.Value,
            Delegate = d.Delegate.Value,
            Measure = d.Measure?.Value,
            Until = Day(d.Until),
            CreatedAt = d.CreatedAt,
        };

    private static Delegation ToDomain(DelegationEntity e) =>
        new(
            e.RowKey[DelegationEntity.Prefix.Length..],
            PersonId.Parse(e.Owner),
            PersonId.Parse(e.Delegate),
            e.Measure is null ? null : MeasureReference.Parse(e.Measure),
            DateOnly.ParseExact(e.Until, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            e.CreatedAt
        );
}
