using System.ComponentModel.DataAnnotations;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.Digests;

/// <summary>
/// Weekly digests: who may change a channel's subscriptions, and how postings are checked, claimed and retried.
/// </summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string SectionName = "Digests";

    /// <summary>
    /// Who may subscribe and unsubscribe channels (people's ids: their work email addresses).
    /// Empty: anyone in the channel. Anyone may list a channel's subscriptions.
    /// </summary>
    public List<string> Managers { get; set; } = [];

    /// <summary>
    /// @mention the owners of overdue updates in the digest, so Teams notifies them. Off: they are named, without the
    /// noise.
    /// </summary>
    public bool MentionOwners { get; set; }

    /// <summary>Check for digests on a schedule. Off in tests, which run the check by hand.</summary>
    public bool PostOnSchedule { get; set; } = true;

    /// <summary>How often the job asks whether a digest is owed: a digest goes out within this of its time.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A digest posted more than this after its time says it is late (the service was down at the time).
    /// </summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a claim protects a posting in progress; after it, another instance takes over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a posting Teams failed is tried, one check apart.</summary>
    [Range(1, 20, ErrorMessage = "Digests:MaxAttempts must be 1 to 20.")]
    public int MaxAttempts { get; set; } = 5;

    public IReadOnlyList<PersonId> ManagerIds() => [.. Managers.Select(PersonId.Parse).Distinct()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var id in Managers.Where(id => !PersonId.TryParse(id, out _)))
        {
            yield return new ValidationResult(
                $"Digests:Managers has \"{id}\", which is not a person's id (their work email address).",
                [nameof(Managers)]
            );
        }

        if (CheckEvery < TimeSpan.FromSeconds(5) || CheckEvery > TimeSpan.FromMinutes(30))
        {
            yield return new ValidationResult(
                "Digests:CheckEvery must be between 00:00:05 and 00:30:00.",
                [nameof(CheckEvery)]
            );
        }

        if (LateAfter < CheckEvery)
        {
            yield return new ValidationResult(
                "Digests:LateAfter must be at least Digests:CheckEvery: an on-time digest can be a check late.",
                [nameof(LateAfter)]
            );
        }

        if (ClaimLease < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult(
                "Digests:ClaimLease must be at least 00:01:00: a claim must outlive a posting.",
                [nameof(ClaimLease)]
            );
        }
    }
}
