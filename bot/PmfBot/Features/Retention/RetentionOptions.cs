using System.ComponentModel.DataAnnotations;

namespace PmfBot.Features.Retention;

/// <summary>How long PmfBot keeps the audit trail of who entered or changed each figure, and when.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Delete audit entries once their retention period has passed. Off keeps every entry (a legal
    /// hold, or a council whose retention schedule keeps performance records permanently).
    /// </summary>
    public bool DeleteExpiredAuditEntries { get; set; } = true;

    /// <summary>
    /// Whole financial years an audit entry is kept after the one it was made in: 6 is "current
    /// year + 6", the usual retention for performance management records. Set it from the
    /// council's own retention schedule.
    /// </summary>
    [Range(
        1,
        100,
        ErrorMessage = "Retention:AuditFinancialYears must be 1 to 100 (whole financial years kept after the one an "
            + "entry was made in)."
    )]
    public int AuditFinancialYears { get; set; } = 6;

    /// <summary>Days a delegation or snooze is kept after it ended.</summary>
    [Range(1, 3660, ErrorMessage = "Retention:EndedCoverDays must be 1 to 3660 days.")]
    public int EndedCoverDays { get; set; } = 90;

    /// <summary>
    /// Days the record of someone who left is kept at least; after that it goes once the catalogue no longer names
    /// them (while it does, the record is what keeps PmfBot from prompting them).
    /// </summary>
    [Range(1, 3660, ErrorMessage = "Retention:LeaverDays must be 1 to 3660 days.")]
    public int LeaverDays { get; set; } = 90;

    /// <summary>
    /// Sweep ended cover and forgotten leavers on the scheduler leader. On by default; off only where something else
    /// runs <c>PersonalDataSweep</c> (tests).
    /// </summary>
    public bool SweepOnSchedule { get; set; } = true;

    public Domain.People.PersonalDataRetention ToPersonalData() => new(EndedCoverDays, LeaverDays);

    /// <summary>How often the scheduler leader looks for expired entries.</summary>
    [Range(
        typeof(TimeSpan),
        "00:01:00",
        "7.00:00:00",
        ErrorMessage = "Retention:CheckEvery must be between 1 minute and 7 days."
    )]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromDays(1);
}
