namespace PmfBot.Storage.Catalogue;

// Key design (table "Catalogue"): the whole catalogue is ONE partition, PartitionKey = "catalogue".
//   RowKey = "{kind}|{code}": "department|place", "service|waste", "priority|greener",
//   "person|sam.taylor@demo.gov.uk", "measure|NI 192" (reference upper-cased), "activity|food-waste".
// Why one partition: the catalogue is small (hundreds to a few thousand rows) and read whole by
// every journey, so a read is one partition scan; and an import row (a measure plus its new
// service and people) is written as one entity-group transaction, so it lands whole or not at all.
// Each kind is read with a RowKey range, so reads stay typed and single-partition.
// RowKey "version" (no kind) is rewritten by every change, in the same transaction: its ETag is
// the catalogue's version, so an instance can keep the catalogue in memory and check it with one
// point read instead of reading the whole partition on every turn.

public abstract class CatalogueEntity : StoredEntity
{
    public const string Partition = "catalogue";

    protected CatalogueEntity() => PartitionKey = Partition;
}

/// <summary>The catalogue's version: rewritten by every change, so its ETag changes whenever anything does.</summary>
public sealed class CatalogueVersionEntity : CatalogueEntity
{
    public const string Key = "version";

    public CatalogueVersionEntity() => RowKey = Key;

    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class DepartmentEntity : CatalogueEntity
{
    public const string Kind = "department";
    public string Name { get; set; } = string.Empty;
    public string ChiefOfficer { get; set; } = string.Empty;
}

public sealed class ServiceEntity : CatalogueEntity
{
    public const string Kind = "service";
    public string Name { get; set; } = string.Empty;
    public string Department { get; set; } = string.Empty;
    public string? HeadOfService { get; set; }
}

public sealed class PriorityEntity : CatalogueEntity
{
    public const string Kind = "priority";
    public string Title { get; set; } = string.Empty;
}

public sealed class PersonEntity : CatalogueEntity
{
    public const string Kind = "person";
    public string Name { get; set; } = string.Empty;
    public string? AadObjectId { get; set; }
}

public sealed class MeasureEntity : CatalogueEntity
{
    public const string Kind = "measure";
    public string Reference { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Service { get; set; } = string.Empty;
    public string Unit { get; set; } = string.Empty;
    public int Decimals { get; set; }
    public string Polarity { get; set; } = string.Empty;
    public string Frequency { get; set; } = string.Empty;

    /// <summary>"standing=50;2026/27=52;Q4 2026/27=55" (see TargetText).</summary>
    public string? Targets { get; set; }
    public string Tolerance { get; set; } = string.Empty;
    public string Owner { get; set; } = string.Empty;

    /// <summary>Semicolon-separated emails.</summary>
    public string? Delegates { get; set; }
    public string EscalationOwner { get; set; } = string.Empty;

    /// <summary>Semicolon-separated priority codes.</summary>
    public string? Priorities { get; set; }

    /// <summary>ISO dates (yyyy-MM-dd): calendar dates, no time zone to get wrong.</summary>
    public string? ActiveFrom { get; set; }
    public string? ActiveTo { get; set; }
    public string? DeadlineRule { get; set; }

    /// <summary>"year to date", or empty (per period).</summary>
    public string? Accumulation { get; set; }
}

public sealed class PlanActivityEntity : CatalogueEntity
{
    public const string Kind = "activity";
    public string Title { get; set; } = string.Empty;
    public string Service { get; set; } = string.Empty;
    public string Owner { get; set; } = string.Empty;
    public string DueDate { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public string? Commentary { get; set; }

    /// <summary>One per line: "yyyy-MM-dd|Status|Title".</summary>
    public string? Milestones { get; set; }
    public string? Priorities { get; set; }
}
