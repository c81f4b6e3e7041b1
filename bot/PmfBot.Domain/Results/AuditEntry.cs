using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Results;

public enum AuditAction
{
    Recorded,
    Corrected,
}

/// <summary>
/// One change to a result: who, when, what it was and what it became (Data Quality Policy: every change kept).
/// </summary>
/// <param name="Version">The result's version after this change.</param>
/// <param name="Reason">Why a published value was changed; required for corrections.</param>
public sealed record AuditEntry(
    MeasureReference Measure,
    ReportingPeriod Period,
    int Version,
    AuditAction Action,
    PersonId By,
    DateTimeOffset At,
    decimal? OldValue,
    decimal NewValue,
    string? OldCommentary,
    string? NewCommentary,
    string? OldActionNote,
    string? NewActionNote,
    string? Reason
)
{
    public static AuditEntry ForRecording(MeasureResult result) =>
        new(
            result.Measure,
            result.Period,
            result.Version,
            AuditAction.Recorded,
            result.RecordedBy,
            result.RecordedAt,
            null,
            result.Value,
            null,
            result.Commentary,
            null,
            result.ActionNote,
            null
        );

    public static AuditEntry ForCorrection(MeasureResult before, MeasureResult after, string reason) =>
        new(
            after.Measure,
            after.Period,
            after.Version,
            AuditAction.Corrected,
            after.RecordedBy,
            after.RecordedAt,
            before.Value,
            after.Value,
            before.Commentary,
            after.Commentary,
            before.ActionNote,
            after.ActionNote,
            reason
        );
}
