using System.ComponentModel.DataAnnotations;

namespace PmfBot.Delivery;

/// <summary>
/// How a claimed send is protected and retried. Bound to the "Updates" section, where councils
/// have always set these keys (Updates:ClaimLease, Updates:MaxSendAttempts).
/// </summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string SectionName = "Updates";

    /// <summary>
    /// How long a claim protects a step that is being sent. An instance that dies between claim
    /// and send leaves it claimed; after this, another scan takes it over and sends it.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a step Teams refused is tried, one scan apart.</summary>
    [Range(1, 20, ErrorMessage = "Updates:MaxSendAttempts must be 1 to 20.")]
    public int MaxSendAttempts { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClaimLease < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult(
                "Updates:ClaimLease must be at least 00:01:00: a claim must outlive a send.", [nameof(ClaimLease)]);
        }
    }
}
