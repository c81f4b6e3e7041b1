using System.ComponentModel.DataAnnotations;

namespace PmfBot.Delivery;

/// <summary>
/// How often the due jobs run, and how a claimed send is protected and retried. Bound to the
/// "Updates" section, where councils have always set these keys (Updates:ScanEvery,
/// Updates:ClaimLease, Updates:MaxSendAttempts).
/// </summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string SectionName = "Updates";

    /// <summary>Run the due jobs on a schedule. Off in tests, which run them by hand.</summary>
    public bool ScanOnSchedule { get; set; } = true;

    /// <summary>
    /// How often each due job asks what is due. Steps go out at 09:00 UK time, so a few minutes late is fine.
    /// </summary>
    public TimeSpan ScanEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a claim protects a step that is being sent. An instance that dies between claim
    /// and send leaves it claimed; after this, another scan takes it over and sends it.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a step Teams refused is tried, one scan apart.</summary>
    [Range(1, 20, ErrorMessage = "Updates:MaxSendAttempts must be 1 to 20.")]
    public int MaxSendAttempts { get; set; } = 5;

    /// <summary>
    /// How long a step waiting for its recipient to install PmfBot rests before it is tried again (the Graph
    /// install with it). A recipient who opens PmfBot meanwhile is sent it at the next scan.
    /// </summary>
    public TimeSpan RetryWaitingForInstallEvery { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ScanEvery < TimeSpan.FromSeconds(5) || ScanEvery > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult(
                "Updates:ScanEvery must be between 00:00:05 and 01:00:00.",
                [nameof(ScanEvery)]
            );
        }

        if (RetryWaitingForInstallEvery < TimeSpan.Zero || RetryWaitingForInstallEvery > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult(
                "Updates:RetryWaitingForInstallEvery must be between 00:00:00 and 7.00:00:00.",
                [nameof(RetryWaitingForInstallEvery)]
            );
        }

        if (ClaimLease < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult(
                "Updates:ClaimLease must be at least 00:01:00: a claim must outlive a send.",
                [nameof(ClaimLease)]
            );
        }
    }
}
