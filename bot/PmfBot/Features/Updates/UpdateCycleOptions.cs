using System.ComponentModel.DataAnnotations;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Features.Updates;

/// <summary>The update cycle: how often the due scan runs, how it claims and retries, and the council's chasing rules.</summary>
public sealed class UpdateCycleOptions : IValidatableObject
{
    public const string SectionName = "Updates";

    /// <summary>Run the due scan on a schedule. Off in tests, which run it by hand.</summary>
    public bool ScanOnSchedule { get; set; } = true;

    /// <summary>How often the scan asks what is due. Steps go out at 09:00 UK time, so a few minutes late is fine.</summary>
    public TimeSpan ScanEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Days after the deadline when the Head of Service is told of an update still missing.</summary>
    [Range(1, 90, ErrorMessage = "Updates:ChaseAfterDaysOverdue must be 1 to 90 days.")]
    public int ChaseAfterDaysOverdue { get; set; } = UpdateCyclePolicy.Default.ChaseAfterDaysOverdue;

    /// <summary>Days after the deadline when a period closes to late figures and corrections.</summary>
    [Range(1, 366, ErrorMessage = "Updates:ClosesDaysAfterDeadline must be 1 to 366 days.")]
    public int ClosesDaysAfterDeadline { get; set; } = UpdateCyclePolicy.Default.ClosesDaysAfterDeadline;

    /// <summary>How many steps are claimed and in the paced sender at once: enough to keep it at Teams' pace, few enough that a claim is sent long before its lease ends.</summary>
    [Range(1, 500, ErrorMessage = "Updates:SendConcurrency must be 1 to 500.")]
    public int SendConcurrency { get; set; } = 64;

    public UpdateCyclePolicy ToPolicy() => UpdateCyclePolicy.Default with
    {
        ChaseAfterDaysOverdue = ChaseAfterDaysOverdue,
        ClosesDaysAfterDeadline = ClosesDaysAfterDeadline,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ScanEvery < TimeSpan.FromSeconds(5) || ScanEvery > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Updates:ScanEvery must be between 00:00:05 and 01:00:00.", [nameof(ScanEvery)]);
        }
    }
}
