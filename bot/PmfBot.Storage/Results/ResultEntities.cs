namespace PmfBot.Storage.Results;

// Key design (table "Results"): a partition per measure, PartitionKey = the measure reference
// upper-cased ("NI 192"). RowKeys, sorting by period within each kind of row:
//   "result|FY2026-Q2"             the current version of the value for that period
//   "audit|FY2026-Q2|000002"       every version ever recorded (who/when/old/new/why)
//   "extension|FY2026-Q2|{id}"     deadline extension requests and their decisions
// Why: a measure's history (trend, direction of travel, scorecard) is one partition range read;
// a value and its audit entry share a partition, so they are written in one transaction and
// can never be half-written. Reading one period across all measures (an export) is a
// cross-partition query on RowKey: acceptable for a report, not used on a user's turn.

public sealed class ResultEntity : StoredEntity
{
    public const string Prefix = "result|";

    public string Measure { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;

    /// <summary>
    /// Decimal as invariant text: Table storage has no decimal type, and a double would lose exactness.
    /// </summary>
    public string Value { get; set; } = string.Empty;
    public string? Commentary { get; set; }
    public string? ActionNote { get; set; }
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; }

    // The judgement as it was when recorded (history never recolours).
    public string? Target { get; set; }
    public string? Polarity { get; set; }
    public string? Tolerance { get; set; }
    public string? Rag { get; set; }
    public string VsPrevious { get; set; } = string.Empty;
    public string VsSamePeriodLastYear { get; set; } = string.Empty;

    /// <summary>The versions corrections replaced, as JSON; null for a figure never corrected.</summary>
    public string? EarlierVersions { get; set; }
}

public sealed class AuditEntity : StoredEntity
{
    public const string Prefix = "audit|";

    public string Measure { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;
    public int Version { get; set; }
    public string Action { get; set; } = string.Empty;
    public string By { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string? OldValue { get; set; }
    public string NewValue { get; set; } = string.Empty;
    public string? OldCommentary { get; set; }
    public string? NewCommentary { get; set; }
    public string? OldActionNote { get; set; }
    public string? NewActionNote { get; set; }
    public string? Reason { get; set; }
}

public sealed class ExtensionEntity : StoredEntity
{
    public const string Prefix = "extension|";

    public string Measure { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;
    public string NewDeadline { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public string RequestedBy { get; set; } = string.Empty;
    public DateTimeOffset RequestedAt { get; set; }
    public string Decision { get; set; } = string.Empty;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}
