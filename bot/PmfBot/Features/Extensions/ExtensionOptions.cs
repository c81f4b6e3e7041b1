using System.ComponentModel.DataAnnotations;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.Extensions;

/// <summary>Who agrees later deadlines: the Heads of Paid Service, or the performance team acting for them.</summary>
public sealed class ExtensionOptions : IValidatableObject
{
    public const string SectionName = "Extensions";

    /// <summary>
    /// The catalogue ids (work email addresses) of the people who approve or refuse extension
    /// requests. Nobody decides their own request. Empty: requests are refused with a pointer to
    /// the performance team.
    /// </summary>
    public List<string> Approvers { get; set; } = [];

    public IReadOnlyList<PersonId> ApproverIds() => [.. Approvers.Select(PersonId.Parse).Distinct()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var approver in Approvers)
        {
            if (!PersonId.TryParse(approver, out _))
            {
                yield return new ValidationResult(
                    $"Extensions:Approvers has \"{approver}\", which is not a person's id (their work email address).",
                    [nameof(Approvers)]
                );
            }
        }
    }
}
