namespace PmfBot.Storage.Outbox;

// The outbox has two halves:
//   in table "Results", the measure's partition: "outbox|FY2026-M07|000002", the event itself,
//     written in the same transaction as the figure and its audit entry (so it exists exactly
//     when the figure does), deleted when every handler has done its part;
//   in table "Outbox", partition "pending": one marker per event, RowKey "NI 192|FY2026-M07|000002",
//     written alongside that transaction (at the same time, so the turn doesn't wait twice).
//     Finding what is pending is then one partition read, however many thousands of measures
//     there are. A marker whose transaction failed points at nothing and is cleared when next
//     looked at; an event whose marker failed is marked again by the daily repair.
// A marker can also stand alone, as a refresh: "refresh|escalation|NI 192|FY2026-M07" says a
// standing must take in what its source now holds (an escalation, a period's extensions). It is
// written before the change, so a change the process stopped halfway through is still taken in:
// the refresh reads the source itself, so a marker whose change never happened does no harm.
// A progress report's marker, "progress|ACT-01|FY2026-Q2", points at its event in the activity's
// partition (PlanActivityProgressStore.cs).

/// <summary>A figure event in its measure's partition, until handled.</summary>
public sealed class OutboxEntity : StoredEntity
{
    public const string Prefix = "outbox|";

    public string Event { get; set; } = string.Empty;

    /// <summary>The figure as stored by the event (JSON, the fields of a result row).</summary>
    public string Figure { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The card the figure was entered on (JSON), if any.</summary>
    public string? EnteredOn { get; set; }
}

/// <summary>Where to find a pending event: the index the scheduled outbox run reads.</summary>
public sealed class PendingMarkerEntity : StoredEntity
{
    public const string Partition = "pending";
    public const string RefreshPrefix = "refresh|";

    public const string ProgressPrefix = "progress|";

    /// <summary>For a progress report's marker, the activity's code; null for any other.</summary>
    public string? PlanActivity { get; set; }

    /// <summary>What a refresh marker's standing takes in ("escalation", "extensions"); null for a figure.</summary>
    public string? Refresh { get; set; }

    public string Measure { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;
    public int Version { get; set; }
    public DateTimeOffset At { get; set; }
}
